// Operator-side actions of the account-care, task and reporting areas: what managers, verifiers and
// staff do (ban reports and their resolution, Coverage renewals and lapses, warming verification,
// comment verification, ad codes, edit requests). Extends the lifecycle operator, so a ban always
// has its ban report and a bundle's warming starts when its account is delivered.
import { confirmBan, CONFIRMED, newReport, openReport, restorable } from './banReports';
import { finalizeTask, refund, submitTask, verifyTask } from './commentTasks';
import { coverageOf, COVERAGE_PERIOD_MS, storedCoverage } from './coverage';
import { ApiError } from './errors';
import { profileUrl } from './factories';
import { SimOperator } from './operator';
import { SERVICE_PRICES } from './servicePricing';
import type {
	AdCodeRequest,
	BanReport,
	BanResolution,
	CommentTask,
	Coverage,
	EditRequest,
	WarmingSession,
} from './serviceTypes';
import { stableHex } from './stable';
import type { Store } from './store';
import type { Bundle, DeliveredAccount, Emit } from './types';
import { pauseSessions, resumeSessions, startIfReady, verifyTerm } from './warming';

const CREDIT_RESTORATION_CLAIM_MS = 15 * 86_400_000;
const RESTORED_CREDITS_TTL_MS = 60 * 86_400_000;

export interface ServiceActions {
	/** A manager reports a ban: with an appeal (appeal_pending) or confirmed at once (no_appeal_banned). */
	reportBan(accountId: string, opts?: { appeal?: boolean }): BanReport;
	/** appeal_pending → appeal_accepted, or appeal_refused (the ban is confirmed). */
	resolveBanAppeal(reportId: string, accepted: boolean): BanReport;
	/** Staff resolution of a confirmed ban: refund (credits back), remake (account.remade) or no_remake. */
	decideBanResolution(reportId: string, resolution: BanResolution, opts?: { refund_credits?: number; reason_code?: string }): BanReport;
	/** Coverage credit restoration after a confirmed ban (active Coverage, no reveal, within 15 days). */
	restoreCoverageCredits(reportId: string, amount?: number): BanReport;
	/** The manager applied (completed) or refused (rejected, refunded) the pending profile edit request. */
	completeEditRequest(accountId: string, outcome?: 'completed' | 'rejected'): EditRequest;
	/** Verifies the named (or next) pending term; the last one completes the session. */
	verifyWarmingTerm(sessionId: string, term?: string): WarmingSession;
	completeWarmingSession(sessionId: string): WarmingSession;
	/** Terms never configured within 14 days: cancelled and fully refunded. */
	expireWarmingSession(sessionId: string): WarmingSession;
	/** The renewal failed: Coverage lapses with unpaid periods (work pauses). */
	lapseCoverage(accountId: string, unpaidPeriods?: number): Coverage;
	/** The 30-day renewal (25 credits). */
	renewCoverage(accountId: string): Coverage;
	/** Coverage ends for good. */
	endCoverage(accountId: string): Coverage;
	submitComment(taskId: string): CommentTask;
	verifyComment(taskId: string, result: 'matched' | 'not_found' | 'manually_confirmed'): CommentTask;
	/** The dispute window of a verified task passed (or staff closed a confirmed one). */
	finalizeComment(taskId: string): CommentTask;
	/** 72 h passed without a posted comment: expired and refunded. */
	expireComment(taskId: string): CommentTask;
	/** The manager submitted the ad code (in_review). */
	submitAdCode(videoId: string, code?: string): AdCodeRequest;
	/** The ad code is delivered (finalized), valid for its authorization days. */
	deliverAdCode(videoId: string): AdCodeRequest;
	/** Forgets the last analytics refresh, so the account can be refreshed again at once. */
	resetAnalyticsRefresh(accountId: string): void;
}

function invalidState(message: string, current: string): ApiError {
	return new ApiError(409, 'SIM_INVALID_STATE', message, { current_status: current });
}

function notFound(what: string): ApiError {
	return new ApiError(404, 'SIM_NOT_FOUND', `${what} not found.`);
}

export class ServiceOperator extends SimOperator implements ServiceActions {
	constructor(
		private readonly data: Store,
		private readonly send: Emit,
	) {
		super(data, send);
	}

	override moveAccountToReview(bundleId: string): Bundle {
		const bundle = super.moveAccountToReview(bundleId);
		for (const s of this.data.state.warmingSessions.filter((x) => x.bundle_id === bundle.id)) {
			s.saved_account_id = bundle.saved_account_id;
			startIfReady(this.data, s, this.emitter(s.owner_id));
		}
		return bundle;
	}

	/** Every confirmed ban has its report: the open appeal becomes refused, or a no-appeal report opens. */
	override banAccount(accountId: string, appealStatus = 'no_appeal_banned'): DeliveredAccount {
		const before = this.findAccount(accountId);
		const coverageActive = !before.banned && restorable(this.data, before);
		const account = super.banAccount(accountId, appealStatus);
		confirmBan(this.data, account, appealStatus === 'appeal_refused' ? 'appeal_refused' : 'no_appeal_banned', coverageActive);
		return account;
	}

	reportBan(accountId: string, opts: { appeal?: boolean } = {}): BanReport {
		const account = this.findAccount(accountId);
		if (account.banned) throw invalidState('The account is already banned.', 'banned');
		if (openReport(this.data, account.id)) throw invalidState('A ban report is already open for this account.', 'appeal_pending');
		if (!opts.appeal) {
			this.banAccount(account.id);
			return this.latestReport(account.id);
		}
		const report = newReport(this.data, account, 'appeal_pending', this.data.now());
		this.send(account.owner_id, 'account.ban_appeal.submitted', this.banEvent(report));
		return report;
	}

	resolveBanAppeal(reportId: string, accepted: boolean): BanReport {
		const report = this.findReport(reportId);
		if (report.status !== 'appeal_pending') throw invalidState('No appeal is pending on this report.', report.status);
		const outcome = accepted ? 'appeal_accepted' : 'appeal_refused';
		this.send(report.owner_id, 'account.ban_appeal.resolved', { ...this.banEvent(report), status: outcome, outcome: accepted ? 'accepted' : 'refused' });
		if (!accepted) {
			this.banAccount(report.account_id, 'appeal_refused');
			return report;
		}
		report.status = 'appeal_accepted';
		report.decided_at = report.updated_at = this.data.now();
		return report;
	}

	decideBanResolution(reportId: string, resolution: BanResolution, opts: { refund_credits?: number; reason_code?: string } = {}): BanReport {
		const report = this.findReport(reportId);
		if (!CONFIRMED.includes(report.status) || report.resolution?.resolution !== 'pending') {
			throw invalidState('Only confirmed bans awaiting a decision can be resolved.', report.resolution?.resolution ?? report.status);
		}
		const account = this.findAccount(report.account_id);
		let refunded = 0;
		if (resolution === 'refund') {
			refunded = opts.refund_credits ?? this.bundleCost(report.bundle_id);
			if (!Number.isInteger(refunded) || refunded <= 0) throw new ApiError(400, 'SIM_BAD_REQUEST', 'refund_credits must be a positive integer.');
			this.data.credit(refunded, `Ban refund: @${account.username}`);
		}
		if (resolution === 'remake') {
			if (!report.bundle_id) throw invalidState('A remake needs the bundle that created the account.', report.status);
			this.remakeAccount(report.bundle_id);
		}
		const now = this.data.now();
		report.resolution = {
			resolution,
			reason_code: opts.reason_code ?? (resolution === 'no_remake' ? 'tos_ban' : null),
			refund_credits: refunded,
			resolved_at: now,
		};
		report.updated_at = now;
		this.send(report.owner_id, 'account.ban_resolution.decided', {
			...this.banEvent(report),
			resolution: report.resolution.resolution,
			reason_code: report.resolution.reason_code,
			refund_credits: refunded,
			resolved_at: now,
		});
		return report;
	}

	restoreCoverageCredits(reportId: string, amount?: number): BanReport {
		const report = this.findReport(reportId);
		if (!CONFIRMED.includes(report.status)) throw invalidState('Credits are restored after a confirmed ban only.', report.status);
		if (!report.coverage_active_at_ban) {
			throw invalidState('Coverage was not active (or credentials were revealed) when the ban was confirmed.', report.status);
		}
		if (report.credits_restored > 0) throw invalidState('Credits were already restored for this ban.', report.status);
		if (Date.now() - Date.parse(report.decided_at ?? report.reported_at) > CREDIT_RESTORATION_CLAIM_MS) {
			throw invalidState('Credit restoration must be claimed within 15 days of the ban.', report.status);
		}
		const credits = amount ?? this.bundleCost(report.bundle_id);
		if (!Number.isInteger(credits) || credits <= 0) throw new ApiError(400, 'SIM_BAD_REQUEST', 'amount must be a positive integer.');
		const balance = this.data.credit(credits, `Coverage credit restoration: @${report.username}`);
		const expiresAt = new Date(Date.now() + RESTORED_CREDITS_TTL_MS).toISOString();
		this.data.state.creditExpirations.push({ amount: credits, expires_at: expiresAt, source: 'coverage_restoration' });
		report.credits_restored = credits;
		report.updated_at = this.data.now();
		this.send(report.owner_id, 'credits.restored', {
			saved_account_id: report.account_id,
			ban_report_id: report.id,
			amount: credits,
			expires_at: expiresAt,
			balance_after: balance,
		});
		return report;
	}

	completeEditRequest(accountId: string, outcome: 'completed' | 'rejected' = 'completed'): EditRequest {
		const request = this.data.state.editRequests.find((r) => r.account_id === accountId && r.status === 'pending');
		if (!request) throw invalidState('No pending edit request for this account.', 'none');
		const now = this.data.now();
		if (outcome === 'completed') {
			const account = this.findAccount(accountId);
			Object.assign(account, {
				username: request.requested_username,
				visible_name: request.requested_visible_name,
				biography: request.requested_biography ?? account.biography,
				profile_picture_url: request.requested_profile_picture_url ?? account.profile_picture_url,
				link_in_bio: request.requested_link_in_bio ?? account.link_in_bio,
				updated_at: now,
			});
			account.profile_url = profileUrl(account.platform, account.username);
		} else {
			this.data.credit(request.credits_charged, 'Profile edit request rejected: refund');
		}
		request.status = outcome;
		request.completed_at = request.updated_at = now;
		return request;
	}

	verifyWarmingTerm(sessionId: string, term?: string): WarmingSession {
		const session = this.findSession(sessionId);
		if (session.status !== 'in_progress') throw invalidState('Only running sessions verify terms.', session.status);
		verifyTerm(this.data, session, this.emitter(session.owner_id), term);
		return session;
	}

	completeWarmingSession(sessionId: string): WarmingSession {
		const session = this.findSession(sessionId);
		if (session.status !== 'in_progress') throw invalidState('Only running sessions can complete.', session.status);
		while (session.status === 'in_progress') verifyTerm(this.data, session, this.emitter(session.owner_id));
		return session;
	}

	expireWarmingSession(sessionId: string): WarmingSession {
		const session = this.findSession(sessionId);
		if (session.status !== 'awaiting_terms') throw invalidState('Only sessions still waiting for terms expire.', session.status);
		const now = this.data.now();
		session.status = 'cancelled';
		session.cancelled_at = session.updated_at = now;
		session.credits_refunded = session.credits_charged;
		if (session.credits_charged > 0) this.data.credit(session.credits_charged, 'Warming terms not configured within 14 days: refund');
		return session;
	}

	lapseCoverage(accountId: string, unpaidPeriods = 1): Coverage {
		const { account, status } = this.coverageAccount(accountId, ['included', 'active']);
		if (!Number.isInteger(unpaidPeriods) || unpaidPeriods < 1) throw new ApiError(400, 'SIM_BAD_REQUEST', 'unpaid_periods must be a positive integer.');
		const now = Date.now();
		const record = storedCoverage(this.data, account);
		Object.assign(record, {
			status: 'lapsed',
			unpaid_periods: unpaidPeriods,
			current_period_start: new Date(now).toISOString(),
			current_period_end: new Date(now + COVERAGE_PERIOD_MS).toISOString(),
			lock_version: record.lock_version + 1,
			updated_at: new Date(now).toISOString(),
		});
		pauseSessions(this.data, account.id);
		this.send(account.owner_id, 'subscription.lapsed', {
			saved_account_id: account.id,
			status: 'lapsed',
			previous_status: status,
			unpaid_periods: unpaidPeriods,
			current_period_end: record.current_period_end,
		});
		return record;
	}

	renewCoverage(accountId: string): Coverage {
		const { account, status } = this.coverageAccount(accountId, ['included', 'active']);
		const price = SERVICE_PRICES.coverage_period;
		this.data.debit(account.owner_id, { coverage: price, total: price }, `Coverage renewal: @${account.username}`, account.id);
		const record = storedCoverage(this.data, account);
		const start = Date.parse(record.current_period_end);
		Object.assign(record, {
			status: 'active',
			current_period_start: new Date(start).toISOString(),
			current_period_end: new Date(start + COVERAGE_PERIOD_MS).toISOString(),
			lock_version: record.lock_version + 1,
			updated_at: this.data.now(),
		});
		resumeSessions(this.data, account.id);
		this.send(account.owner_id, 'subscription.renewed', {
			saved_account_id: account.id,
			status: 'active',
			previous_status: status,
			credits_charged: price,
			current_period_end: record.current_period_end,
		});
		return record;
	}

	endCoverage(accountId: string): Coverage {
		const { account, status } = this.coverageAccount(accountId, ['included', 'active', 'lapsed', 'cancelled']);
		const now = this.data.now();
		const record = storedCoverage(this.data, account);
		Object.assign(record, { status: 'ended', ended_at: now, ended_reason: 'ended_by_tokportal', lock_version: record.lock_version + 1, updated_at: now });
		pauseSessions(this.data, account.id);
		this.send(account.owner_id, 'subscription.ended', { saved_account_id: account.id, status: 'ended', previous_status: status, ended_at: now });
		return record;
	}

	submitComment(taskId: string): CommentTask {
		const task = this.findTask(taskId);
		submitTask(this.data, task);
		return task;
	}

	verifyComment(taskId: string, result: 'matched' | 'not_found' | 'manually_confirmed'): CommentTask {
		const task = this.findTask(taskId);
		verifyTask(this.data, task, result);
		return task;
	}

	finalizeComment(taskId: string): CommentTask {
		const task = this.findTask(taskId);
		if (task.status !== 'verified' && task.status !== 'manually_confirmed') {
			throw invalidState('Only verified or manually confirmed tasks finalize.', task.status);
		}
		finalizeTask(this.data, task);
		return task;
	}

	expireComment(taskId: string): CommentTask {
		const task = this.findTask(taskId);
		if (task.status !== 'pending' && task.status !== 'submitted') throw invalidState('Only unfinished tasks expire.', task.status);
		refund(this.data, task, 'expired', 'expired (72 h deadline)');
		return task;
	}

	submitAdCode(videoId: string, code?: string): AdCodeRequest {
		const request = this.findAdCode(videoId, 'pending');
		const now = this.data.now();
		request.code =
			code ?? (request.platform === 'instagram' ? `IGPC-${stableHex(request.id, 12).toUpperCase()}` : `#${stableHex(request.id, 48)}`);
		request.status = 'in_review';
		request.submitted_at = request.updated_at = now;
		return request;
	}

	deliverAdCode(videoId: string): AdCodeRequest {
		const request = this.findAdCode(videoId, 'in_review');
		const now = Date.now();
		request.status = 'finalized';
		request.delivered_at = request.updated_at = new Date(now).toISOString();
		request.code_expires_at = new Date(now + request.authorization_days * 86_400_000).toISOString();
		return request;
	}

	resetAnalyticsRefresh(accountId: string): void {
		delete this.data.state.analyticsRefreshes[this.findAccount(accountId).id];
	}

	private emitter(owner: string) {
		return (type: string, data: Record<string, unknown>) => this.send(owner, type, data);
	}

	private banEvent(r: BanReport): Record<string, unknown> {
		return {
			ban_report_id: r.id,
			saved_account_id: r.account_id,
			bundle_id: r.bundle_id,
			username: r.username,
			platform: r.platform,
			status: r.status,
			reported_at: r.reported_at,
		};
	}

	private bundleCost(bundleId: string | null): number {
		return this.data.state.bundles.find((b) => b.id === bundleId)?.credit_cost ?? SERVICE_PRICES.coverage_period;
	}

	private coverageAccount(accountId: string, allowed: string[]): { account: DeliveredAccount; status: string } {
		const account = this.findAccount(accountId);
		const coverage = coverageOf(this.data, account);
		if (!coverage) throw invalidState('This account is grandfathered: it has no Coverage.', 'grandfathered');
		if (!allowed.includes(coverage.status)) throw invalidState(`Coverage is ${coverage.status}.`, coverage.status);
		return { account, status: coverage.status };
	}

	private latestReport(accountId: string): BanReport {
		const report = this.data.state.banReports.filter((r) => r.account_id === accountId).at(-1);
		if (!report) throw notFound('Ban report');
		return report;
	}

	private findAccount(id: string): DeliveredAccount {
		const account = this.data.state.accounts.find((a) => a.id === id);
		if (!account) throw new ApiError(404, 'SAVED_ACCOUNT_NOT_FOUND', 'Account not found.');
		return account;
	}

	private findReport(id: string): BanReport {
		const report = this.data.state.banReports.find((r) => r.id === id);
		if (!report) throw notFound('Ban report');
		return report;
	}

	private findSession(id: string): WarmingSession {
		const session = this.data.state.warmingSessions.find((s) => s.id === id);
		if (!session) throw notFound('Warming session');
		return session;
	}

	private findTask(id: string): CommentTask {
		const task = this.data.state.commentTasks.find((t) => t.id === id);
		if (!task) throw notFound('Comment task');
		return task;
	}

	private findAdCode(videoId: string, status: AdCodeRequest['status']): AdCodeRequest {
		const request = this.data.state.adCodeRequests.filter((r) => r.video_id === videoId).at(-1);
		if (!request) throw notFound('Ad code request');
		if (request.status !== status) throw invalidState(`The ad code request is ${request.status}, not ${status}.`, request.status);
		return request;
	}
}
