// TokPortal Coverage (notes §10.8): read, reactivate (quote checked atomically, charges exactly the
// unpaid periods) and cancel (ends task access and protections at once, no refund).
import { COVERAGE_PERIOD_MS, coverageView, reactivationQuote, requireCoverage, storedCoverage } from '../coverage';
import { ApiError, validationError } from '../errors';
import { ACTIVE_STATUSES } from '../operator';
import type { RouteContext, RouteDef, RouteResult } from '../router';
import type { DeliveredAccount } from '../types';
import { objectBody } from '../validate';
import { pauseSessions, resumeSessions } from '../warming';

/** What a cancelled (or lapsed) Coverage stops: every protection and all work on the account. */
export const COVERAGE_PROTECTIONS = ['task_access', 'ban_protection', 'credit_restoration', 'replacement', 'support'];

function view(ctx: RouteContext, account: DeliveredAccount): Record<string, unknown> {
	return coverageView(requireCoverage(ctx.store, account));
}

function getCoverage(ctx: RouteContext): RouteResult {
	return { status: 200, body: { data: view(ctx, ctx.store.ownedAccount(ctx.params.id, ctx.owner)) } };
}

function ended(account: DeliveredAccount): ApiError {
	return new ApiError(409, 'MANAGED_SUBSCRIPTION_ENDED', 'Coverage of this account ended for good and cannot be changed.', {
		account_id: account.id,
		current_status: 'ended',
	});
}

function cancel(ctx: RouteContext): RouteResult {
	const account = ctx.store.ownedAccount(ctx.params.id, ctx.owner);
	const current = requireCoverage(ctx.store, account);
	if (current.status === 'ended') throw ended(account);
	if (current.status === 'cancelled') {
		throw new ApiError(409, 'MANAGED_SUBSCRIPTION_INVALID_STATUS', 'Coverage is already cancelled.', {
			account_id: account.id,
			current_status: current.status,
			allowed_statuses: ['included', 'active', 'lapsed'],
		});
	}
	const now = ctx.store.now();
	const record = storedCoverage(ctx.store, account);
	Object.assign(record, { status: 'cancelled', cancelled_at: now, updated_at: now, lock_version: record.lock_version + 1 });
	const linked = ctx.store.state.bundles.filter(
		(b) =>
			(b.saved_account_id === account.id || b.existing_account_id === account.id) &&
			ACTIVE_STATUSES.includes(b.status),
	);
	const paused = {
		bundles: linked.map((b) => b.id),
		warming_sessions: pauseSessions(ctx.store, account.id),
		comment_tasks: ctx.store.state.commentTasks
			.filter((t) => t.saved_account_id === account.id && ['pending', 'submitted'].includes(t.status))
			.map((t) => t.id),
		ad_code_requests: ctx.store.state.adCodeRequests
			.filter((r) => r.saved_account_id === account.id && r.status !== 'finalized')
			.map((r) => r.id),
	};
	ctx.emit('subscription.cancelled', {
		saved_account_id: account.id,
		status: 'cancelled',
		previous_status: current.status,
		cancelled_at: now,
	});
	return {
		status: 200,
		body: {
			data: view(ctx, account),
			effects: { effective_at: now, refund_credits: 0, ended: COVERAGE_PROTECTIONS, paused },
		},
	};
}

function expectations(body: unknown): { credits: number; end: string; lock: number } {
	const o = objectBody(body);
	const { expected_credits: credits, expected_current_period_end: end, expected_lock_version: lock } = o;
	if (typeof credits !== 'number' || !Number.isInteger(credits) || credits < 0) {
		throw validationError('expected_credits', 'expected_credits (the reactivation_quote credits) is required.');
	}
	if (typeof end !== 'string' || Number.isNaN(Date.parse(end))) {
		throw validationError('expected_current_period_end', 'expected_current_period_end (an ISO timestamp from the quote) is required.');
	}
	if (typeof lock !== 'number' || !Number.isInteger(lock) || lock < 1) {
		throw validationError('expected_lock_version', 'expected_lock_version (from the quote) is required.');
	}
	return { credits, end, lock };
}

function reactivate(ctx: RouteContext): RouteResult {
	const account = ctx.store.ownedAccount(ctx.params.id, ctx.owner);
	const expected = expectations(ctx.body);
	const current = requireCoverage(ctx.store, account);
	if (current.status === 'ended') throw ended(account);
	const quote = reactivationQuote(current);
	if (!quote) {
		throw new ApiError(409, 'MANAGED_SUBSCRIPTION_INVALID_STATUS', 'Coverage is active: there is nothing to reactivate.', {
			account_id: account.id,
			current_status: current.status,
			allowed_statuses: ['lapsed', 'cancelled'],
		});
	}
	if (
		quote.credits !== expected.credits ||
		quote.lock_version !== expected.lock ||
		Date.parse(quote.current_period_end) !== Date.parse(expected.end)
	) {
		throw new ApiError(409, 'MANAGED_SUBSCRIPTION_QUOTE_CHANGED', 'The reactivation quote changed: read the Coverage again and confirm the new quote.', {
			account_id: account.id,
			reactivation_quote: quote,
		});
	}
	if (quote.credits > 0) {
		ctx.store.debit(ctx.owner, { coverage: quote.credits, total: quote.credits }, `Coverage reactivation: @${account.username}`, account.id);
	}
	const now = ctx.store.now();
	const record = storedCoverage(ctx.store, account);
	const end = Date.parse(quote.current_period_end);
	Object.assign(record, {
		status: 'active',
		unpaid_periods: 0,
		current_period_end: quote.current_period_end,
		current_period_start: end > Date.parse(record.current_period_end) ? new Date(end - COVERAGE_PERIOD_MS).toISOString() : record.current_period_start,
		cancelled_at: null,
		lock_version: record.lock_version + 1,
		updated_at: now,
	});
	const resumed = resumeSessions(ctx.store, account.id);
	ctx.emit('subscription.reactivated', {
		saved_account_id: account.id,
		status: 'active',
		previous_status: current.status,
		credits_charged: quote.credits,
		current_period_end: record.current_period_end,
	});
	return {
		status: 200,
		body: {
			data: view(ctx, account),
			resumed: { warming_sessions: resumed },
			credits_charged: quote.credits,
			credits_remaining: ctx.store.state.credits,
		},
	};
}

export const coverageRoutes: Array<RouteDef<RouteContext>> = [
	{ method: 'GET', path: '/accounts/:id/managed-subscription', handler: getCoverage },
	{ method: 'POST', path: '/accounts/:id/managed-subscription/reactivate', handler: reactivate },
	{ method: 'POST', path: '/accounts/:id/managed-subscription/cancel', handler: cancel },
];
