// Construction of new bundles and delivered accounts, shared by the API, the operator and the seeder.
import type { Store } from './store';
import type {
	AccountListing,
	Bundle,
	BundleType,
	CostBreakdown,
	DeliveredAccount,
	RemadeInfo,
	VideoContent,
	VideoSlot,
} from './types';

export const NEVER_REMADE: RemadeInfo = { was_remade: false, remade_count: 0, old_username: null, remade_at: null };

// Accounts created on/after this instant fall under the managed-credential reveal policy (notes §10.4).
export const REVEAL_POLICY_CUTOFF = '2026-03-01T00:00:00.000Z';

export interface BundleSpec {
	bundle_type: BundleType;
	platform: string;
	country: string;
	title: string | null;
	external_ref: string | null;
	existing_account_id: string | null;
	videos: number;
	edits: number;
	auto_finalize_videos: boolean;
	wants_niche_warming: boolean;
	wants_deep_warming: boolean;
	wants_moderation: boolean;
	niche_warming_instructions: string | null;
}

export function newListing(store: Store): AccountListing {
	return {
		id: store.newId(),
		status: 'pending',
		username: null,
		visible_name: null,
		biography: null,
		profile_picture_url: null,
		link_in_bio: null,
		niche_warming_instructions: null,
		configured_at: null,
		finalized_at: null,
		feedback_history: [],
	};
}

/** An unconfigured slot's content: everything null, flags off. */
export function emptyVideoContent(): VideoContent {
	return {
		video_type: null,
		description: null,
		video_url: null,
		carousel_images: null,
		carousel_title: null,
		story_image_url: null,
		story_repost_url: null,
		tiktok_sound_url: null,
		volume_original_sound: null,
		volume_added_sound: null,
		editing_instructions: null,
		instagram_content_type: null,
		instagram_location: null,
		instagram_collaborators: null,
		instagram_audio_name: null,
		instagram_add_to_story: false,
		ai_content_disclaimer: false,
		disclose_as_ads: false,
		instant_repost_as_story: false,
		target_publish_start_date: null,
		target_publish_end_date: null,
	};
}

/** A `pending` slot; the default name is "Video N" (spec 001 example). */
export function newVideoSlot(store: Store, position: number): VideoSlot {
	return {
		id: store.newId(),
		position,
		status: 'pending',
		name: `Video ${position}`,
		external_ref: null,
		...emptyVideoContent(),
		platform_url: null,
		download_error: null,
		configured_at: null,
		published_at: null,
		posted_at: null,
		finalized_at: null,
		feedback_history: [],
		paid_extras: [],
	};
}

export function buildBundle(
	store: Store,
	owner: string,
	spec: BundleSpec,
	cost: CostBreakdown,
	createdAt = store.now(),
): Bundle {
	const id = store.newId();
	return {
		id,
		owner_id: owner,
		title: spec.title,
		bundle_type: spec.bundle_type,
		platform: spec.platform,
		country: spec.country,
		status: 'pending_setup',
		videos_quantity: spec.videos,
		edits_quantity: spec.edits,
		credit_cost: cost.total,
		cost_breakdown: cost,
		external_ref: spec.external_ref,
		existing_account_id: spec.existing_account_id,
		auto_finalize_videos: spec.auto_finalize_videos,
		wants_niche_warming: spec.wants_niche_warming,
		wants_deep_warming: spec.wants_deep_warming,
		wants_moderation: spec.wants_moderation,
		niche_warming_instructions: spec.niche_warming_instructions,
		saved_account_id: null,
		account: spec.bundle_type === 'videos_only' ? null : newListing(store),
		videos: Array.from({ length: spec.videos }, (_, i) => newVideoSlot(store, i + 1)),
		remade: { ...NEVER_REMADE },
		published_at: null,
		accepted_at: null,
		completed_at: null,
		cancelled_at: null,
		created_at: createdAt,
		updated_at: createdAt,
	};
}

export function profileUrl(platform: string, username: string): string {
	if (platform === 'instagram') return `https://www.instagram.com/${username}/`;
	if (platform === 'youtube') return `https://www.youtube.com/@${username}`;
	return `https://www.tiktok.com/@${username}`;
}

/** What a caller decides about a new delivered account; ids, timestamps and flags are filled in here. */
export type DeliveredSpec = Pick<
	DeliveredAccount,
	| 'platform'
	| 'country'
	| 'username'
	| 'visible_name'
	| 'biography'
	| 'profile_picture_url'
	| 'link_in_bio'
	| 'password'
	| 'current_cm_id'
	| 'origin_bundle_id'
	| 'remade'
>;

export function buildDeliveredAccount(
	store: Store,
	owner: string,
	spec: DeliveredSpec,
	createdAt = store.now(),
): DeliveredAccount {
	return {
		id: store.newId(),
		owner_id: owner,
		platform: spec.platform,
		country: spec.country,
		username: spec.username,
		visible_name: spec.visible_name,
		biography: spec.biography,
		profile_picture_url: spec.profile_picture_url,
		link_in_bio: spec.link_in_bio,
		profile_url: profileUrl(spec.platform, spec.username),
		tokmail_email: `${spec.username.replace(/\./g, '_')}@tokmail.io`,
		password: spec.password,
		current_cm_id: spec.current_cm_id,
		origin_bundle_id: spec.origin_bundle_id,
		post_cutoff: createdAt >= REVEAL_POLICY_CUTOFF,
		support_forfeited_at: null,
		reveal_credits_charged: 0,
		management_ended: false,
		banned: false,
		banned_at: null,
		remade: { ...spec.remade },
		inbox: [],
		created_at: createdAt,
		updated_at: createdAt,
	};
}
