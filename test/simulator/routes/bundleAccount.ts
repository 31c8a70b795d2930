// Account configuration (spec 004) and account actions (spec 003) of a bundle.
// These two documents use lowercase error codes; they are emitted exactly so.
import { finalizeAccount, parseAccountConfig, requireInReview, requireListing } from '../accountConfig';
import { ApiError } from '../errors';
import { accountEventData } from '../eventData';
import type { RouteContext, RouteDef, RouteResult } from '../router';
import type { Bundle } from '../types';
import { isObject, objectBody } from '../validate';
import { accountConfigView } from '../views';

const CORRECTABLE_FIELDS = ['username', 'visible_name', 'biography', 'profile_picture'];

function bundleOf(ctx: RouteContext): Bundle {
	return ctx.store.ownedBundle(ctx.params.id, ctx.owner, 'bundle_not_found');
}

function configure(ctx: RouteContext): RouteResult {
	const b = bundleOf(ctx);
	const account = requireListing(b);
	const config = parseAccountConfig(objectBody(ctx.body), b.platform);
	// Spec 004 also allows "configured", which is an account status here, not a bundle status.
	if (b.status !== 'pending_setup') {
		throw new ApiError(409, 'invalid_status', 'Bundle is not in pending_setup status; unpublish it first.', {
			current_status: b.status,
		});
	}
	const now = ctx.store.now();
	const previous = account.status;
	Object.assign(account, config, { status: 'configured', configured_at: now });
	b.updated_at = now;
	ctx.emit('account.configured', accountEventData(b, previous));
	return { status: 200, body: { data: { id: b.id, account: accountConfigView(account) } } };
}

function getAccount(ctx: RouteContext): RouteResult {
	const account = requireListing(bundleOf(ctx));
	return { status: 200, body: { data: { ...accountConfigView(account), status: account.status } } };
}

function finalize(ctx: RouteContext): RouteResult {
	const b = bundleOf(ctx);
	requireInReview(requireListing(b));
	const now = ctx.store.now();
	const previous = finalizeAccount(b, 'api', now);
	ctx.emit('account.finalized', { ...accountEventData(b, previous), finalized_by: 'api' });
	return { status: 200, body: { data: { id: b.id, account: { status: 'finalized', finalized_at: now } } } };
}

function invalid(code: string, message: string, details?: Record<string, unknown>): ApiError {
	return new ApiError(400, code, message, details);
}

function requestCorrections(ctx: RouteContext): RouteResult {
	const b = bundleOf(ctx);
	const account = requireListing(b);
	const o = isObject(ctx.body) ? ctx.body : {};
	if (typeof o.comment !== 'string' || o.comment.trim() === '') {
		throw invalid('missing_comment', 'The comment field is required.');
	}
	if (!isObject(o.fields) || Object.keys(o.fields).length === 0) {
		throw invalid('missing_fields', 'At least one field must be specified.');
	}
	const fields: Record<string, string> = {};
	for (const [key, value] of Object.entries(o.fields)) {
		if (!CORRECTABLE_FIELDS.includes(key)) {
			throw invalid('invalid_field', `Unrecognized field: ${key}.`, { field: key, allowed: CORRECTABLE_FIELDS });
		}
		if (typeof value !== 'string' || value.trim() === '') {
			throw invalid('invalid_field', `Feedback for ${key} must be a non-empty string.`, { field: key });
		}
		fields[key] = value;
	}
	requireInReview(account);
	const now = ctx.store.now();
	account.feedback_history.push({
		type: 'corrections_requested',
		comment: o.comment,
		fields,
		requested_at: now,
		requested_by: 'api',
	});
	account.status = 'corrections_requested';
	b.updated_at = now;
	// The event type keeps the catalogue's name; its payload carries the status (README "Contradictions").
	ctx.emit('account.pending_corrections', { ...accountEventData(b, 'in_review'), comment: o.comment, fields });
	return {
		status: 200,
		body: {
			data: {
				id: b.id,
				account: { status: 'corrections_requested', corrections: { comment: o.comment, fields, requested_at: now } },
			},
		},
	};
}

export const bundleAccountRoutes: Array<RouteDef<RouteContext>> = [
	{ method: 'PUT', path: '/bundles/:id/account', handler: configure },
	{ method: 'GET', path: '/bundles/:id/account', handler: getAccount },
	{ method: 'POST', path: '/bundles/:id/account/finalize', handler: finalize },
	{ method: 'POST', path: '/bundles/:id/account/corrections', handler: requestCorrections },
];
