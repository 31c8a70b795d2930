// State of the account-care, task and reporting areas (issues #13/#14): ban reports, profile edit
// requests, Coverage, warming sessions, comment tasks, ad codes, analytics reports and settings.
// Wire-format (snake_case) field names, plain data only (dry runs work on a structuredClone).

/** Analytics access level of an API key's plan (notes §12.5); `farmer` reads what `marketer` reads. */
export type AnalyticsPlan = 'starter' | 'creator' | 'marketer' | 'farmer';

export type BanStatus = 'appeal_pending' | 'appeal_accepted' | 'appeal_refused' | 'no_appeal_banned';
export type BanResolution = 'refund' | 'remake' | 'no_remake';

export interface BanReport {
	id: string;
	owner_id: string;
	/** The saved (delivered) account id. */
	account_id: string;
	username: string;
	platform: string;
	bundle_id: string | null;
	order_id: string | null;
	status: BanStatus;
	reported_at: string;
	decided_at: string | null;
	updated_at: string;
	/** null while no ban is confirmed; `resolution: 'pending'` = confirmed, awaiting the staff decision. */
	resolution: {
		resolution: BanResolution | 'pending';
		reason_code: string | null;
		refund_credits: number | null;
		resolved_at: string | null;
	} | null;
	/** Coverage active and credentials never revealed when the ban was confirmed (credit restoration). */
	coverage_active_at_ban: boolean;
	credits_restored: number;
}

export type EditRequestStatus = 'pending' | 'completed' | 'rejected';

export interface EditRequest {
	id: string;
	owner_id: string;
	account_id: string;
	status: EditRequestStatus;
	requested_username: string;
	requested_visible_name: string;
	requested_biography: string | null;
	requested_profile_picture_url: string | null;
	requested_link_in_bio: string | null;
	credits_charged: number;
	created_at: string;
	updated_at: string;
	completed_at: string | null;
}

export type CoverageStatus = 'included' | 'active' | 'lapsed' | 'cancelled' | 'ended';

/** TokPortal Coverage (managed subscription) of a post-cutoff delivered account, once it changed. */
export interface Coverage {
	account_id: string;
	owner_id: string;
	status: CoverageStatus;
	current_period_start: string;
	current_period_end: string;
	unpaid_periods: number;
	lock_version: number;
	cancelled_at: string | null;
	ended_at: string | null;
	ended_reason: string | null;
	updated_at: string;
}

export interface WarmingTermReport {
	videos_watched: number;
	likes: number;
	saves: number;
	comments: number;
	keywords: string[];
	proof_url: string;
	verified_at: string;
}

export interface WarmingTerm {
	term: string;
	status: 'pending' | 'verified';
	report: WarmingTermReport | null;
}

export type WarmingStatus = 'awaiting_terms' | 'scheduled' | 'in_progress' | 'paused' | 'completed' | 'cancelled';

export interface WarmingSession {
	id: string;
	owner_id: string;
	/** `bundle` = bought with a bundle (terms via PUT /bundles/{id}/warming-terms); `rewarm` = POST /accounts/{id}/rewarm. */
	source: 'bundle' | 'rewarm';
	bundle_id: string | null;
	saved_account_id: string | null;
	platform: string;
	status: WarmingStatus;
	terms_total: number;
	terms: WarmingTerm[];
	credits_charged: number;
	credits_refunded: number;
	created_at: string;
	started_at: string | null;
	completed_at: string | null;
	cancelled_at: string | null;
	updated_at: string;
}

export type CommentStatus =
	| 'pending'
	| 'submitted'
	| 'verified'
	| 'manually_confirmed'
	| 'disputed'
	| 'finalized'
	| 'cancelled'
	| 'expired';

export interface CommentVerification {
	id: string;
	attempt: number;
	checked_at: string;
	result: 'matched' | 'not_found' | 'manually_confirmed';
	similarity: number | null;
	comments_scanned: number;
	matched_comment_url: string | null;
	matched_author_handle: string | null;
}

export interface CommentTask {
	id: string;
	owner_id: string;
	status: CommentStatus;
	platform: string;
	saved_account_id: string;
	target_type: 'video' | 'comment';
	target_video_url: string;
	target_comment_url: string | null;
	target_author_handle: string | null;
	comment_text: string;
	brief_id: string | null;
	cm_payout_amount: number;
	submitted_at: string | null;
	verified_at: string | null;
	manually_confirmed_at: string | null;
	client_dispute_deadline_at: string | null;
	finalized_at: string | null;
	cancelled_at: string | null;
	correction_required: boolean;
	deadline_at: string;
	dispute: { reason: string; disputed_at: string } | null;
	credits_charged: number;
	credits_refunded: number;
	verifications: CommentVerification[];
	created_at: string;
	updated_at: string;
}

export type AdCodeStatus = 'pending' | 'in_review' | 'finalized';

export interface AdCodeRequest {
	id: string;
	owner_id: string;
	video_id: string;
	bundle_id: string;
	saved_account_id: string | null;
	platform: string;
	/** TikTok Spark Code or Instagram Partner Code. */
	code_type: 'spark_code' | 'partner_code';
	status: AdCodeStatus;
	code: string | null;
	authorization_days: number;
	note: string | null;
	credits_charged: number;
	requested_at: string;
	submitted_at: string | null;
	delivered_at: string | null;
	code_expires_at: string | null;
	updated_at: string;
}

export interface ReportFilters {
	account_ids: string[];
	workspace_id: string | null;
	platforms: string[];
	countries: string[];
	query: string | null;
	from: string | null;
	to: string | null;
}

export interface AnalyticsReport {
	id: string;
	owner_id: string;
	title: string;
	template: string;
	brand_name: string | null;
	brand_accent: string | null;
	filters: ReportFilters;
	url: string;
	/** Secret: returned once by POST /analytics/export/reports. */
	token: string;
	created_at: string;
}

export interface UserSettings {
	display_name: string | null;
	notification_email: string | null;
	timezone: string;
	default_country: string | null;
	default_platform: string | null;
	low_credit_alert_threshold: number | null;
}

export interface CommentingProfile {
	enabled: boolean;
	persona: string | null;
	tone: string;
	languages: string[];
	topics: string[];
	avoid_topics: string[];
	max_comments_per_day: number;
	updated_at: string;
}

/** Credits that expire (Coverage credit restoration: 60 days). */
export interface CreditExpiration {
	amount: number;
	expires_at: string;
	source: string;
}

export interface ServiceState {
	banReports: BanReport[];
	editRequests: EditRequest[];
	coverages: Coverage[];
	warmingSessions: WarmingSession[];
	commentTasks: CommentTask[];
	adCodeRequests: AdCodeRequest[];
	analyticsReports: AnalyticsReport[];
	/** saved account id → last analytics refresh (ISO). */
	analyticsRefreshes: Record<string, string>;
	/** saved account id → commenting profile. */
	commentingProfiles: Record<string, CommentingProfile>;
	/** user id → settings changed with PATCH /me. */
	settings: Record<string, UserSettings>;
	creditExpirations: CreditExpiration[];
}

export function emptyServiceState(): ServiceState {
	return {
		banReports: [],
		editRequests: [],
		coverages: [],
		warmingSessions: [],
		commentTasks: [],
		adCodeRequests: [],
		analyticsReports: [],
		analyticsRefreshes: {},
		commentingProfiles: {},
		settings: {},
		creditExpirations: [],
	};
}
