// /me, credits and reference lists (notes §12.1–12.3).
import { queryInstant, workspaceOf } from '../analyticsFilters';
import { COUNTRIES, PLATFORMS } from '../catalog';
import { validationError } from '../errors';
import { paginate } from '../pagination';
import { PRICES } from '../pricing';
import type { RouteContext, RouteDef, RouteResult } from '../router';
import { SERVICE_PRICES } from '../servicePricing';
import { newestFirst } from './bundles';
import { settingsOf } from './settings';

export function me(ctx: RouteContext): RouteResult {
	return {
		status: 200,
		body: {
			data: {
				id: ctx.user.id,
				email: ctx.user.email,
				name: ctx.user.name,
				organization_name: 'TokPortal Simulator',
				credits: ctx.store.state.credits,
				api_key: { hint: ctx.user.keyHint, scope: '*', environment: 'test' },
				plan: ctx.user.plan,
				workspace_id: workspaceOf(ctx.user.id),
				settings: settingsOf(ctx),
			},
		},
	};
}

function lastLedgerChange(ctx: RouteContext): string {
	return ctx.store.state.ledger.at(-1)?.created_at ?? ctx.store.now();
}

/** The current shape (notes §12.2); only restored Coverage credits expire (60 days). */
function balance(ctx: RouteContext): RouteResult {
	const now = Date.now();
	const upcoming = ctx.store.state.creditExpirations
		.filter((e) => Date.parse(e.expires_at) > now)
		.sort((a, b) => (a.expires_at < b.expires_at ? -1 : 1));
	const weekAhead = now + 7 * 86_400_000;
	return {
		status: 200,
		body: {
			data: {
				total_credits: ctx.store.state.credits,
				expiring_within_7_days: upcoming
					.filter((e) => Date.parse(e.expires_at) <= weekAhead)
					.reduce((sum, e) => sum + e.amount, 0),
				upcoming_expirations: upcoming.map((e) => ({ ...e })),
				last_updated: lastLedgerChange(ctx),
			},
		},
	};
}

/** date_from/date_to: dates or ISO timestamps, both inclusive (a date-only date_to covers its whole day). */
function history(ctx: RouteContext): RouteResult {
	const from = queryInstant(ctx, 'date_from');
	const to = queryInstant(ctx, 'date_to', true);
	if (from !== null && to !== null && from > to) throw validationError('date_from', 'date_from must not be after date_to.');
	const items = newestFirst(ctx.store.state.ledger).filter((t) => {
		const at = Date.parse(t.created_at);
		return (from === null || at >= from) && (to === null || at <= to);
	});
	const page = paginate(items, ctx.query);
	return {
		status: 200,
		body: {
			data: page.data.map((t) => ({
				id: t.id,
				type: t.type,
				amount: t.amount,
				description: t.description,
				breakdown: t.breakdown,
				balance_after: t.balance_after,
				reference_id: t.reference_id,
				created_at: t.created_at,
			})),
			pagination: page.pagination,
		},
	};
}

function creditCosts(): RouteResult {
	return {
		status: 200,
		body: {
			data: {
				costs: {
					account_creation: PRICES.account_creation,
					video_upload: PRICES.video_slot,
					video_edit: PRICES.edit_slot,
					niche_warming: PRICES.niche_warming,
					deep_warming: PRICES.deep_warming,
					credential_reveal: PRICES.credential_reveal,
					advanced_warming: SERVICE_PRICES.advanced_warming_term,
					comment_task: SERVICE_PRICES.comment_task,
					ad_code: SERVICE_PRICES.ad_code,
					edit_request: SERVICE_PRICES.edit_request,
					coverage_period: SERVICE_PRICES.coverage_period,
				},
			},
		},
	};
}

export const referenceRoutes: Array<RouteDef<RouteContext>> = [
	{ method: 'GET', path: '/me', handler: me },
	{ method: 'GET', path: '/countries', handler: () => ({ status: 200, body: { data: COUNTRIES.map((c) => ({ code: c.code, name: c.name })) } }) },
	{ method: 'GET', path: '/platforms', handler: () => ({ status: 200, body: { data: PLATFORMS.map((p) => ({ ...p })) } }) },
	{ method: 'GET', path: '/credits/balance', handler: balance },
	{ method: 'GET', path: '/credits/history', handler: history },
	{ method: 'GET', path: '/credit-costs', handler: creditCosts },
];
