// Webhook `data` payloads, following the fields observed in official samples (notes §11.3):
// ids + `status` + `previous_status`.
import type { Bundle, VideoSlot } from './types';

export function bundleEventData(b: Bundle, previousStatus: string | null): Record<string, unknown> {
	return {
		bundle_id: b.id,
		bundle_type: b.bundle_type,
		platform: b.platform,
		country: b.country,
		title: b.title,
		external_ref: b.external_ref,
		status: b.status,
		previous_status: previousStatus,
	};
}

/** `account_id` is the account listing id (stable across remakes); `saved_account_id` the delivered account. */
export function accountEventData(b: Bundle, previousStatus: string | null): Record<string, unknown> {
	return {
		bundle_id: b.id,
		account_id: b.account?.id ?? null,
		saved_account_id: b.saved_account_id,
		username: b.account?.username ?? null,
		platform: b.platform,
		external_ref: b.external_ref,
		status: b.account?.status ?? null,
		previous_status: previousStatus,
	};
}

/** `platform_url` is the live post (null until the account manager posts it). */
export function videoEventData(b: Bundle, v: VideoSlot, previousStatus: string): Record<string, unknown> {
	return {
		video_id: v.id,
		bundle_id: b.id,
		position: v.position,
		platform: b.platform,
		name: v.name,
		external_ref: v.external_ref,
		bundle_external_ref: b.external_ref,
		target_publish_date: v.target_publish_start_date,
		status: v.status,
		previous_status: previousStatus,
		platform_url: v.platform_url,
	};
}
