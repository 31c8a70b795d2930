// Ban reports (notes §10.5): only manager/staff-validated reports exist. appeal_pending (account
// unavailable, not banned) → appeal_accepted | appeal_refused; or no_appeal_banned. A confirmed ban
// (appeal_refused, no_appeal_banned) waits for the staff resolution: refund | remake | no_remake.
import { createHmac } from 'node:crypto';
import { coverageOf } from './coverage';
import type { BanReport, BanStatus } from './serviceTypes';
import { stableUuid } from './stable';
import type { Store } from './store';
import type { DeliveredAccount } from './types';

export const BAN_STATUSES: readonly BanStatus[] = ['appeal_pending', 'appeal_accepted', 'appeal_refused', 'no_appeal_banned'];
export const CONFIRMED: readonly BanStatus[] = ['appeal_refused', 'no_appeal_banned'];
const SCREENSHOT_TTL_MS = 7 * 86_400_000;

function bundleOf(store: Store, account: DeliveredAccount): string | null {
	if (account.origin_bundle_id) return account.origin_bundle_id;
	return store.state.bundles.find((b) => b.existing_account_id === account.id)?.id ?? null;
}

/** The open report of an account: an appeal in progress, or a confirmed ban awaiting its resolution. */
export function openReport(store: Store, accountId: string): BanReport | undefined {
	return store.state.banReports.find(
		(r) => r.account_id === accountId && (r.status === 'appeal_pending' || r.resolution?.resolution === 'pending'),
	);
}

export function newReport(store: Store, account: DeliveredAccount, status: BanStatus, at: string, id = store.newId()): BanReport {
	const bundleId = bundleOf(store, account);
	const report: BanReport = {
		id,
		owner_id: account.owner_id,
		account_id: account.id,
		username: account.username,
		platform: account.platform,
		bundle_id: bundleId,
		order_id: bundleId ? stableUuid(`order:${bundleId}`) : null,
		status,
		reported_at: at,
		decided_at: null,
		updated_at: at,
		resolution: null,
		coverage_active_at_ban: false,
		credits_restored: 0,
	};
	store.state.banReports.push(report);
	return report;
}

/** Coverage credit restoration needs active Coverage at ban time and no credential reveal. */
export function restorable(store: Store, account: DeliveredAccount): boolean {
	return (coverageOf(store, account)?.task_access ?? false) && account.support_forfeited_at === null;
}

/** A confirmed ban: the open appeal is refused, or a new no-appeal report; resolution pending. */
export function confirmBan(store: Store, account: DeliveredAccount, status: BanStatus, coverageActive: boolean): BanReport {
	const now = store.now();
	const report = store.state.banReports.find((r) => r.account_id === account.id && r.status === 'appeal_pending') ??
		newReport(store, account, status, now);
	report.status = status;
	report.decided_at = report.updated_at = now;
	report.resolution = { resolution: 'pending', reason_code: null, refund_credits: null, resolved_at: null };
	report.coverage_active_at_ban = coverageActive;
	return report;
}

/** Bans of seeded data (banned without a report) get their no_appeal_banned report, with stable ids. */
export function backfillBanReports(store: Store): void {
	for (const account of store.state.accounts) {
		if (!account.banned || store.state.banReports.some((r) => r.account_id === account.id)) continue;
		const at = account.banned_at ?? account.updated_at;
		const report = newReport(store, account, 'no_appeal_banned', at, stableUuid(`ban-report:${account.id}`));
		report.decided_at = at;
		report.resolution = { resolution: 'pending', reason_code: null, refund_credits: null, resolved_at: null };
	}
}

export function banReportView(r: BanReport, withScreenshot: boolean): Record<string, unknown> {
	const view: Record<string, unknown> = {
		id: r.id,
		account_id: r.account_id,
		username: r.username,
		platform: r.platform,
		bundle_id: r.bundle_id,
		order_id: r.order_id,
		status: r.status,
		reported_at: r.reported_at,
		decided_at: r.decided_at,
		updated_at: r.updated_at,
		resolution: r.resolution ? { ...r.resolution } : null,
	};
	if (withScreenshot) {
		// A signed evidence link valid for 7 days (the field name is a simulator choice).
		const expires = Math.floor((Date.now() + SCREENSHOT_TTL_MS) / 1000);
		const signature = createHmac('sha256', 'sim-evidence').update(`${r.id}:${expires}`).digest('hex').slice(0, 32);
		view.screenshot_url = `https://evidence.tokportal.test/account-bans/${r.id}.jpg?expires=${expires}&signature=${signature}`;
		view.screenshot_expires_at = new Date(expires * 1000).toISOString();
	}
	return view;
}
