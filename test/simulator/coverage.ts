// TokPortal Coverage (managed subscription, notes §10.8) and the task gate it drives. Accounts created
// before the managed-pricing cutover are grandfathered (no record). Others start with the first
// 30-day period included and renew automatically until the operator lapses or ends Coverage or the
// user cancels it; a stored record exists once something changed.
import { ApiError } from './errors';
import { SERVICE_PRICES } from './servicePricing';
import type { Coverage, CoverageStatus } from './serviceTypes';
import type { Store } from './store';
import type { DeliveredAccount } from './types';

export const COVERAGE_PERIOD_MS = 30 * 86_400_000;

export interface EffectiveCoverage extends Coverage {
	recorded_status: CoverageStatus;
	period_expired: boolean;
	task_access: boolean;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The record as it would be if nothing had changed since delivery. */
function derived(account: DeliveredAccount, now: number): Coverage {
	const created = Date.parse(account.created_at);
	const periods = Math.max(0, Math.floor((now - created) / COVERAGE_PERIOD_MS));
	const start = created + periods * COVERAGE_PERIOD_MS;
	return {
		account_id: account.id,
		owner_id: account.owner_id,
		status: periods === 0 ? 'included' : 'active',
		current_period_start: iso(start),
		current_period_end: iso(start + COVERAGE_PERIOD_MS),
		unpaid_periods: 0,
		lock_version: 1,
		cancelled_at: null,
		ended_at: null,
		ended_reason: null,
		updated_at: account.created_at,
	};
}

/** null = grandfathered: the account predates Coverage and keeps its support without it. */
export function coverageOf(store: Store, account: DeliveredAccount): EffectiveCoverage | null {
	if (!account.post_cutoff) return null;
	const now = Date.now();
	const base = store.state.coverages.find((c) => c.account_id === account.id) ?? derived(account, now);
	const expired = now > Date.parse(base.current_period_end);
	let status = base.status;
	// A post-cutoff credential reveal detaches the account: Coverage ends with it (notes §10.4).
	if (account.management_ended) status = 'ended';
	else if (expired && (status === 'included' || status === 'active')) status = 'lapsed';
	return {
		...base,
		status,
		ended_reason: account.management_ended ? (base.ended_reason ?? 'credential_reveal') : base.ended_reason,
		recorded_status: base.status,
		period_expired: expired,
		task_access: status === 'included' || status === 'active',
	};
}

/** The stored record (created from the derived one), for changes. */
export function storedCoverage(store: Store, account: DeliveredAccount): Coverage {
	const existing = store.state.coverages.find((c) => c.account_id === account.id);
	if (existing) return existing;
	const created = derived(account, Date.now());
	store.state.coverages.push(created);
	return created;
}

export function requireCoverage(store: Store, account: DeliveredAccount): EffectiveCoverage {
	const coverage = coverageOf(store, account);
	if (!coverage) {
		throw new ApiError(
			404,
			'MANAGED_SUBSCRIPTION_NOT_FOUND',
			'This account has no Coverage record (accounts delivered before the managed-pricing cutover are grandfathered).',
			{ account_id: account.id },
		);
	}
	return coverage;
}

/** Credits and period end a reactivation would charge/set: unpaid periods plus periods missed since. */
export function reactivationQuote(c: EffectiveCoverage): { credits: number; current_period_end: string; lock_version: number } | null {
	if (c.status !== 'lapsed' && c.status !== 'cancelled') return null;
	const end = Date.parse(c.current_period_end);
	const missed = c.period_expired ? Math.ceil((Date.now() - end) / COVERAGE_PERIOD_MS) : 0;
	return {
		credits: (c.unpaid_periods + missed) * SERVICE_PRICES.coverage_period,
		current_period_end: iso(end + missed * COVERAGE_PERIOD_MS),
		lock_version: c.lock_version,
	};
}

export function coverageView(c: EffectiveCoverage): Record<string, unknown> {
	return {
		account_id: c.account_id,
		status: c.status,
		recorded_status: c.recorded_status,
		period_expired: c.period_expired,
		current_period_start: c.current_period_start,
		current_period_end: c.current_period_end,
		period_days: COVERAGE_PERIOD_MS / 86_400_000,
		rate_credits: SERVICE_PRICES.coverage_period,
		first_period_included: true,
		unpaid_periods: c.unpaid_periods,
		task_access: c.task_access,
		protections: {
			ban_protection: c.task_access,
			credit_restoration: c.task_access,
			replacement: c.task_access,
			support: c.task_access,
		},
		reactivation_quote: reactivationQuote(c),
		lock_version: c.lock_version,
		cancelled_at: c.cancelled_at,
		ended_at: c.ended_at,
		ended_reason: c.ended_reason,
		updated_at: c.updated_at,
	};
}

/** Why TokPortal can no longer work on this account, or null. */
export function taskBlockReason(store: Store, account: DeliveredAccount): string | null {
	if (account.banned) return 'account_banned';
	if (account.management_ended) return 'management_ended';
	const coverage = coverageOf(store, account);
	if (coverage && !coverage.task_access) return `coverage_${coverage.status}`;
	return null;
}

/** 409 MANAGED_ACCOUNT_TASK_BLOCKED (notes §10.8) before any paid task on a delivered account. */
export function assertTaskAccess(store: Store, account: DeliveredAccount): void {
	const reason = taskBlockReason(store, account);
	if (!reason) return;
	throw new ApiError(409, 'MANAGED_ACCOUNT_TASK_BLOCKED', 'TokPortal can no longer work on this account.', {
		account_id: account.id,
		reason,
	});
}
