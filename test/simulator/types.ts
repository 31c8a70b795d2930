// Data model of the simulator. Field names follow the wire format (snake_case) so that
// views stay thin and tests can compare state with responses directly.
import type { ServiceState } from './serviceTypes';

export type BundleType = 'account_only' | 'account_and_videos' | 'videos_only';

export type BundleStatus =
	| 'draft'
	| 'pending_setup'
	| 'published'
	| 'published_priority'
	| 'accepted'
	/** Video phase (spec 001): videos are being reviewed. */
	| 'in_review'
	/** Video phase (spec 001): the posted videos have been finalized. */
	| 'finalized'
	| 'completed'
	| 'cancelled'
	| 'archived';

/**
 * Spec 001's `account_status` values plus spec 003's `corrections_requested`. Publishing leaves the
 * account `configured` (no seed names a "published" account status); webhook event *types* keep the
 * catalogue name `account.pending_corrections`. See README "Contradictions".
 */
export type AccountStatus = 'pending' | 'configured' | 'in_review' | 'corrections_requested' | 'finalized';

export type VideoStatus =
	| 'pending'
	| 'configured'
	| 'published'
	| 'accepted'
	| 'in_review'
	| 'pending_corrections'
	| 'finalized'
	| 'cancelled';

export interface RemadeInfo {
	was_remade: boolean;
	remade_count: number;
	old_username: string | null;
	remade_at: string | null;
}

export interface FieldChange {
	from: string | string[] | null;
	to: string | string[] | null;
}

export type FeedbackEntry =
	| {
			type: 'corrections_requested';
			comment: string;
			fields: Record<string, string>;
			requested_at: string;
			requested_by: 'api';
	  }
	| { type: 'corrections_applied'; applied_at: string; changes: Record<string, FieldChange> }
	| { type: 'finalized'; finalized_at: string; finalized_by: 'api' | 'auto' };

/** The bundle's account slot ("account listing"); its id is stable across remakes. */
export interface AccountListing {
	id: string;
	status: AccountStatus;
	username: string | null;
	visible_name: string | null;
	biography: string | null;
	profile_picture_url: string | null;
	link_in_bio: string | null;
	niche_warming_instructions: string | null;
	configured_at: string | null;
	finalized_at: string | null;
	feedback_history: FeedbackEntry[];
}

export type VideoType = 'video' | 'carousel' | 'story';

/** What a customer configures on a video slot (notes §9.2); null = not set. */
export interface VideoContent {
	video_type: VideoType | null;
	description: string | null;
	video_url: string | null;
	carousel_images: string[] | null;
	carousel_title: string | null;
	story_image_url: string | null;
	story_repost_url: string | null;
	tiktok_sound_url: string | null;
	volume_original_sound: number | null;
	volume_added_sound: number | null;
	editing_instructions: string | null;
	instagram_content_type: 'reel' | 'post' | null;
	instagram_location: string | null;
	instagram_collaborators: string[] | null;
	instagram_audio_name: string | null;
	instagram_add_to_story: boolean;
	ai_content_disclaimer: boolean;
	disclose_as_ads: boolean;
	instant_repost_as_story: boolean;
	/** First day of the 2-day posting window (`target_publish_date`). */
	target_publish_start_date: string | null;
	target_publish_end_date: string | null;
}

export interface VideoSlot extends VideoContent {
	id: string;
	position: number;
	status: VideoStatus;
	name: string | null;
	external_ref: string | null;
	/** The live post, set when the account manager posts it. */
	platform_url: string | null;
	/** Set by the operator when the media could not be downloaded; cleared by fix-download. */
	download_error: string | null;
	configured_at: string | null;
	/** When the customer published (submitted) it. */
	published_at: string | null;
	posted_at: string | null;
	finalized_at: string | null;
	feedback_history: FeedbackEntry[];
	/** Paid options already charged on this slot: each is charged once per slot. */
	paid_extras: string[];
}

// A type alias (not an interface) so it is assignable to Record<string, number>.
// The documented keys (notes §1.6); the legacy warming options add their own key only when bought.
export type CostBreakdown = {
	account_creation: number;
	video_slots: number;
	edit_slots: number;
	advanced_warming: number;
	niche_warming?: number;
	deep_warming?: number;
	total: number;
};

export interface Bundle {
	id: string;
	owner_id: string;
	title: string | null;
	bundle_type: BundleType;
	platform: string;
	country: string;
	status: BundleStatus;
	videos_quantity: number;
	edits_quantity: number;
	credit_cost: number;
	cost_breakdown: CostBreakdown;
	external_ref: string | null;
	/** The delivered account a `videos_only` bundle posts to. */
	existing_account_id: string | null;
	auto_finalize_videos: boolean;
	wants_niche_warming: boolean;
	wants_deep_warming: boolean;
	wants_moderation: boolean;
	niche_warming_instructions: string | null;
	/** The delivered account created for this bundle (null until `in_review`). */
	saved_account_id: string | null;
	/** null for `videos_only` bundles, which have no account step. */
	account: AccountListing | null;
	videos: VideoSlot[];
	remade: RemadeInfo;
	published_at: string | null;
	accepted_at: string | null;
	completed_at: string | null;
	cancelled_at: string | null;
	created_at: string;
	updated_at: string;
}

export interface VerificationCode {
	code: string;
	received_at: string;
	/** Served once already: the next read answers `source: "cached"`. */
	served: boolean;
}

export interface DeliveredAccount {
	id: string;
	owner_id: string;
	platform: string;
	country: string;
	username: string;
	visible_name: string;
	biography: string | null;
	profile_picture_url: string | null;
	link_in_bio: string | null;
	profile_url: string;
	tokmail_email: string;
	password: string;
	current_cm_id: string | null;
	origin_bundle_id: string | null;
	/** Created after the managed-credential cutover: first reveal needs the 428 acknowledgement + 150 credits. */
	post_cutoff: boolean;
	/** Set by the first reveal-credentials / verification-code call (spec 000 support disclaimer). */
	support_forfeited_at: string | null;
	reveal_credits_charged: number;
	management_ended: boolean;
	banned: boolean;
	banned_at: string | null;
	remade: RemadeInfo;
	inbox: VerificationCode[];
	created_at: string;
	updated_at: string;
}

export interface WebhookEndpoint {
	id: string;
	owner_id: string;
	url: string;
	events: string[];
	description: string | null;
	enabled: boolean;
	signing_secret: string;
	created_at: string;
	updated_at: string;
}

export interface WebhookEvent {
	id: string;
	owner_id: string;
	type: string;
	api_version: string;
	created_at: string;
	data: Record<string, unknown>;
}

export interface WebhookDelivery {
	id: string;
	webhook_id: string;
	event_id: string;
	event_type: string;
	attempt: number;
	success: boolean;
	response_status: number | null;
	error: string | null;
	duration_ms: number;
	created_at: string;
	next_retry_at: string | null;
}

export interface CreditTransaction {
	id: string;
	owner_id: string | null;
	type: 'debit' | 'credit';
	amount: number;
	description: string;
	breakdown: Record<string, number> | null;
	balance_after: number;
	reference_id: string | null;
	created_at: string;
}

export type UploadPurpose = 'video' | 'carousel' | 'profile_picture';

/** Metadata of an uploaded (or announced) media object; the bytes live in the MediaStore. */
export interface UploadedObject {
	id: string;
	owner_id: string;
	bundle_id: string;
	purpose: UploadPurpose;
	/** direct = multipart, presigned = PUT to upload_url, from_url = copied from a URL. */
	method: 'direct' | 'presigned' | 'from_url';
	storage_path: string;
	public_url: string;
	filename: string | null;
	content_type: string | null;
	/** null until bytes are stored (presigned before its PUT, or a from-url source that was not fetched). */
	size_bytes: number | null;
	sha256: string | null;
	source_url: string | null;
	status: 'awaiting_upload' | 'stored' | 'recorded';
	created_at: string;
	uploaded_at: string | null;
	expires_at: string | null;
}

/** Live simulator state. Plain data only, so a dry run can work on a structuredClone. */
export interface SimState extends ServiceState {
	credits: number;
	ledger: CreditTransaction[];
	bundles: Bundle[];
	accounts: DeliveredAccount[];
	webhooks: WebhookEndpoint[];
	events: WebhookEvent[];
	deliveries: WebhookDelivery[];
	uploads: UploadedObject[];
}

export type Emit = (ownerId: string, type: string, data: Record<string, unknown>) => void;
