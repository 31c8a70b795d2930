// Wire representations of state objects. Copies, so callers never hand out live state.
import { isPublished, nextAction } from './readiness';
import type { AccountListing, Bundle, DeliveredAccount, VideoSlot, WebhookEndpoint } from './types';
import { configuredVideoCount, usedEdits } from './videoLifecycle';

/** The fields every bundle representation shares (spec 000 and 001 list them in this order). */
function bundleFields(b: Bundle): Record<string, unknown> {
	return {
		id: b.id,
		title: b.title,
		bundle_type: b.bundle_type,
		platform: b.platform,
		country: b.country,
		status: b.status,
		videos_quantity: b.videos_quantity,
		edits_quantity: b.edits_quantity,
		used_edits: usedEdits(b),
		credit_cost: b.credit_cost,
		external_ref: b.external_ref,
		existing_account_id: b.existing_account_id,
		auto_finalize_videos: b.auto_finalize_videos,
		wants_niche_warming: b.wants_niche_warming,
		wants_deep_warming: b.wants_deep_warming,
		wants_moderation: b.wants_moderation,
	};
}

export function bundleSummary(b: Bundle): Record<string, unknown> {
	const configured = configuredVideoCount(b);
	const accountStatus = b.account?.status ?? null;
	return {
		...bundleFields(b),
		account_status: accountStatus,
		is_published: isPublished(b),
		// Spec 001: `configured` or `finalized`; a videos_only bundle posts to an already delivered account.
		account_configured: b.account === null || accountStatus === 'configured' || accountStatus === 'finalized',
		videos_total: b.videos.length,
		videos_configured_count: configured,
		next_action: nextAction(b, configured),
		remade: { ...b.remade },
		saved_account_id: b.saved_account_id,
		created_at: b.created_at,
		updated_at: b.updated_at,
	};
}

export function bundleDetail(b: Bundle): Record<string, unknown> {
	return {
		...bundleSummary(b),
		niche_warming_instructions: b.niche_warming_instructions,
		published_at: b.published_at,
		accepted_at: b.accepted_at,
		completed_at: b.completed_at,
		cancelled_at: b.cancelled_at,
		account: b.account ? accountSlotView(b, b.account) : null,
		videos: b.videos.map(videoSlotSummary),
	};
}

function accountSlotView(b: Bundle, a: AccountListing): Record<string, unknown> {
	return {
		id: a.id,
		saved_account_id: b.saved_account_id,
		status: a.status,
		username: a.username,
		visible_name: a.visible_name,
		biography: a.biography,
		profile_picture_url: a.profile_picture_url,
		link_in_bio: a.link_in_bio,
		niche_warming_instructions: a.niche_warming_instructions,
		configured_at: a.configured_at,
		finalized_at: a.finalized_at,
		feedback_history: structuredClone(a.feedback_history),
	};
}

/** GET /bundles/{id}/account and the PUT response (spec 004). */
export function accountConfigView(a: AccountListing): Record<string, unknown> {
	return {
		username: a.username,
		visible_name: a.visible_name,
		biography: a.biography,
		profile_picture_url: a.profile_picture_url,
		link_in_bio: a.link_in_bio,
		niche_warming_instructions: a.niche_warming_instructions,
		configured_at: a.configured_at,
	};
}

/** The slot list inside GET /bundles/{id}: spec 001's `{id, position, status, name}` plus a few identifiers. */
function videoSlotSummary(v: VideoSlot): Record<string, unknown> {
	return {
		id: v.id,
		position: v.position,
		status: v.status,
		name: v.name,
		external_ref: v.external_ref,
		video_type: v.video_type,
		target_publish_date: v.target_publish_start_date,
		platform_url: v.platform_url,
	};
}

/** GET /bundles/{id}/videos[/{position}] and every video response (notes §9.1: the configured fields). */
export function videoView(b: Bundle, v: VideoSlot): Record<string, unknown> {
	const { paid_extras: _paid, feedback_history, carousel_images, instagram_collaborators, ...fields } = v;
	return {
		...fields,
		bundle_id: b.id,
		carousel_images: carousel_images ? [...carousel_images] : null,
		instagram_collaborators: instagram_collaborators ? [...instagram_collaborators] : null,
		target_publish_date: v.target_publish_start_date,
		feedback_history: structuredClone(feedback_history),
	};
}

/** GET /accounts/{id}/bundles item (spec 000): no computed fields, a `videos` summary instead. */
export function accountBundleItem(b: Bundle): Record<string, unknown> {
	const count = (s: string) => b.videos.filter((v) => v.status === s).length;
	return {
		...bundleFields(b),
		created_at: b.created_at,
		updated_at: b.updated_at,
		videos: {
			total: b.videos.length,
			pending: count('pending'),
			configured: count('configured'),
			published: count('published'),
			accepted: count('accepted'),
			finalized: count('finalized'),
		},
	};
}

export function deliveredListItem(a: DeliveredAccount): Record<string, unknown> {
	return {
		id: a.id,
		platform: a.platform,
		username: a.username,
		visible_name: a.visible_name,
		biography: a.biography,
		profile_picture_url: a.profile_picture_url,
		country: a.country,
		link_in_bio: a.link_in_bio,
		profile_url: a.profile_url,
		tokmail_email: a.tokmail_email,
		banned: a.banned,
		created_at: a.created_at,
		updated_at: a.updated_at,
	};
}

export function deliveredDetail(a: DeliveredAccount): Record<string, unknown> {
	return {
		...deliveredListItem(a),
		credentials: null,
		last_verification_code: null,
		current_cm_id: a.current_cm_id,
		// Literal spec 000 paths (without `/ext`), kept for fidelity (notes §10.2).
		reveal_endpoint: `/api/accounts/${a.id}/reveal-credentials`,
		verification_code_endpoint: `/api/accounts/${a.id}/verification-code`,
		remade: { ...a.remade },
	};
}

/** Never includes `signing_secret`: it is only returned by POST /webhooks. */
export function webhookView(w: WebhookEndpoint): Record<string, unknown> {
	return {
		id: w.id,
		url: w.url,
		events: [...w.events],
		description: w.description,
		enabled: w.enabled,
		created_at: w.created_at,
		updated_at: w.updated_at,
	};
}
