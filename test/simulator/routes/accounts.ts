// Delivered accounts (spec 000) incl. the reveal / verification-code flow (notes §10.4).
import { countryCode, READABLE_PLATFORMS } from '../catalog';
import { ApiError } from '../errors';
import { paginate } from '../pagination';
import { PRICES } from '../pricing';
import type { RouteContext, RouteDef, RouteResult } from '../router';
import type { DeliveredAccount } from '../types';
import { isObject, queryEnum, queryValues } from '../validate';
import { accountBundleItem, deliveredDetail, deliveredListItem } from '../views';
import { newestFirst } from './bundles';

export const REVEAL_POLICY_VERSION = 'managed-credential-reveal-v1';
const CODE_TTL_MS = 15 * 60 * 1000;
const NO_CODE_MESSAGE =
	'No verification code found in the inbox. Make sure you triggered the code from the platform first and wait a few seconds before retrying.';
const BUNDLE_STATUSES = [
	'draft',
	'pending_setup',
	'published',
	'published_priority',
	'accepted',
	'in_review',
	'finalized',
	'completed',
	'cancelled',
	'archived',
];

function policy(account: DeliveredAccount): Record<string, unknown> {
	return {
		policy_version: REVEAL_POLICY_VERSION,
		credit_cost: PRICES.credential_reveal,
		account_id: account.id,
		terms:
			'Revealing credentials or a verification code ends TokPortal management of this account for good: ' +
			'no support, ban protection, replacement, refunds or Coverage. The credit cost is final.',
	};
}

function listAccounts(ctx: RouteContext): RouteResult {
	const q = ctx.query;
	const platforms = queryEnum(q, 'platform', READABLE_PLATFORMS);
	// Aliases (US, GB) and canonical codes (USA, UK) select the same accounts; unknown codes select none.
	const countries = queryValues(q, 'country').map((c) => countryCode(c) ?? c.toUpperCase());
	const banned = queryEnum(q, 'banned', ['true', 'false']);
	const items = newestFirst(ctx.store.state.accounts).filter(
		(a) =>
			a.owner_id === ctx.owner &&
			(platforms.length === 0 || platforms.includes(a.platform)) &&
			(countries.length === 0 || countries.includes(a.country)) &&
			(banned.length === 0 || banned.includes(String(a.banned))),
	);
	const page = paginate(items, q);
	return { status: 200, body: { data: page.data.map(deliveredListItem), pagination: page.pagination } };
}

function getAccount(ctx: RouteContext): RouteResult {
	return { status: 200, body: { data: deliveredDetail(ctx.store.ownedAccount(ctx.params.id, ctx.owner)) } };
}

function accountBundles(ctx: RouteContext): RouteResult {
	const account = ctx.store.ownedAccount(ctx.params.id, ctx.owner);
	const statuses = queryEnum(ctx.query, 'status', BUNDLE_STATUSES);
	const items = newestFirst(ctx.store.state.bundles).filter(
		(b) =>
			b.owner_id === ctx.owner &&
			(b.saved_account_id === account.id || b.existing_account_id === account.id || b.id === account.origin_bundle_id) &&
			(statuses.length === 0 || statuses.includes(b.status)),
	);
	const page = paginate(items, ctx.query);
	return { status: 200, body: { data: page.data.map(accountBundleItem), pagination: page.pagination } };
}

/**
 * The first call of either secret endpoint is the support-forfeit acknowledgement (spec 000). Accounts
 * created after the cutover first answer 428 and need the versioned acceptance body + 150 credits.
 * Returns the credits charged by this call.
 */
function acknowledge(ctx: RouteContext, account: DeliveredAccount, via: string): number {
	if (account.support_forfeited_at) return 0;
	let charged = 0;
	if (account.post_cutoff) {
		const body = isObject(ctx.body) ? ctx.body : {};
		if (body.acknowledge_support_forfeit !== true) {
			throw new ApiError(
				428,
				'CREDENTIAL_REVEAL_ACKNOWLEDGEMENT_REQUIRED',
				'This account requires an explicit acknowledgement before its credentials can be revealed.',
				policy(account),
			);
		}
		if (body.policy_version !== REVEAL_POLICY_VERSION) {
			throw new ApiError(409, 'CREDENTIAL_REVEAL_QUOTE_CHANGED', 'The reveal policy or price changed.', {
				...policy(account),
				expected_credit_cost: PRICES.credential_reveal,
			});
		}
		charged = PRICES.credential_reveal;
		ctx.store.debit(
			ctx.owner,
			{ credential_reveal: charged, total: charged },
			`Managed credential reveal: @${account.username}`,
			account.id,
		);
		account.reveal_credits_charged = charged;
		account.management_ended = true;
	}
	const now = ctx.store.now();
	account.support_forfeited_at = now;
	account.updated_at = now;
	ctx.emit('account.revealed', {
		saved_account_id: account.id,
		bundle_id: account.origin_bundle_id,
		username: account.username,
		platform: account.platform,
		via,
		management_ended: account.management_ended,
		credits_charged: charged,
		revealed_at: now,
	});
	return charged;
}

/** Credit siblings only on the call that paid. */
function withCredits(ctx: RouteContext, data: Record<string, unknown>, charged: number): Record<string, unknown> {
	return charged > 0 ? { data, credits_charged: charged, credits_remaining: ctx.store.state.credits } : { data };
}

function revealCredentials(ctx: RouteContext): RouteResult {
	const account = ctx.store.ownedAccount(ctx.params.id, ctx.owner);
	const charged = acknowledge(ctx, account, 'reveal-credentials');
	// A dry run must never hand out the secret it did not pay/acknowledge for.
	const secrets = ctx.dryRun
		? { password: null, social_credentials: null }
		: { password: account.password, social_credentials: { email: account.tokmail_email, password: account.password } };
	return {
		status: 200,
		body: withCredits(
			ctx,
			{
				account_id: account.id,
				platform: account.platform,
				username: account.username,
				tokmail_email: account.tokmail_email,
				...secrets,
				support_disclaimer_acknowledged_at: account.support_forfeited_at,
				management_ended: account.management_ended,
				revealed_at: ctx.store.now(),
			},
			charged,
		),
	};
}

function verificationCode(ctx: RouteContext): RouteResult {
	const account = ctx.store.ownedAccount(ctx.params.id, ctx.owner);
	const charged = acknowledge(ctx, account, 'verification-code');
	const now = Date.now();
	const latest = account.inbox.filter((c) => now - Date.parse(c.received_at) < CODE_TTL_MS).at(-1);
	if (!latest) throw new ApiError(404, 'VERIFICATION_CODE_NOT_FOUND', NO_CODE_MESSAGE);
	const source = latest.served ? 'cached' : 'email';
	latest.served = true;
	return {
		status: 200,
		body: withCredits(
			ctx,
			{ account_id: account.id, verification_code: ctx.dryRun ? null : latest.code, source },
			charged,
		),
	};
}

export const accountRoutes: Array<RouteDef<RouteContext>> = [
	{ method: 'GET', path: '/accounts', handler: listAccounts },
	{ method: 'GET', path: '/accounts/:id', handler: getAccount },
	{ method: 'GET', path: '/accounts/:id/bundles', handler: accountBundles },
	{ method: 'POST', path: '/accounts/:id/reveal-credentials', handler: revealCredentials, sensitive: true },
	{ method: 'POST', path: '/accounts/:id/verification-code', handler: verificationCode, sensitive: true },
];
