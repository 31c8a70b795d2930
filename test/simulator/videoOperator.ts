// What the account manager does with videos (operator side, not part of the public API): take a
// submitted video, post it (auto_finalize_videos finalizes it at once), apply corrections, the 72 h
// auto-finalize, report a broken download, and the platform flags.
import { randomBytes, randomInt } from 'node:crypto';
import { ApiError } from './errors';
import type { Bundle, DeliveredAccount, FieldChange, VideoSlot } from './types';
import { videoEventData } from './eventData';
import { findVideo, finalizeVideo, requireVideoStatus, syncVideoPhase, type VideoCtx } from './videoLifecycle';

export const VIDEO_FLAGS = ['not_recommended', 'ai_labeled', 'sound_restricted'] as const;
export type VideoFlag = (typeof VIDEO_FLAGS)[number];

/** Text fields an account manager may change when applying corrections (besides reposting). */
export interface VideoChanges {
	description?: string;
	platform_url?: string;
}

function invalidState(message: string, current: string): ApiError {
	return new ApiError(409, 'SIM_INVALID_STATE', message, { current_status: current });
}

function postUrl(platform: string, username: string): string {
	if (platform === 'instagram') return `https://www.instagram.com/reel/${randomBytes(8).toString('base64url')}/`;
	return `https://www.tiktok.com/@${username}/video/7${String(randomInt(1e9)).padStart(9, '0')}${String(randomInt(1e9)).padStart(9, '0')}`;
}

function emit(c: VideoCtx, b: Bundle, v: VideoSlot, type: string, previous: string, extra: Record<string, unknown> = {}) {
	c.emit(type, { ...videoEventData(b, v, previous), ...extra });
}

/** published → accepted: an account manager took the video. */
export function acceptVideo(c: VideoCtx, b: Bundle, position: number): VideoSlot {
	const v = findVideo(b, position);
	requireVideoStatus(v, ['published'], 'accept it');
	v.status = 'accepted';
	b.updated_at = c.store.now();
	return v;
}

/**
 * Posts a submitted video on the delivered account: `in_review` (video.in_review) for the customer to
 * review, or, with auto_finalize_videos, `finalized` right away (video.finalized, finalized_by auto).
 */
export function postVideo(c: VideoCtx, b: Bundle, position: number, accounts: DeliveredAccount[]): VideoSlot {
	if (!['accepted', 'in_review', 'finalized'].includes(b.status)) {
		throw invalidState('Videos are posted once the bundle is accepted.', b.status);
	}
	const v = findVideo(b, position);
	requireVideoStatus(v, ['published', 'accepted'], 'post it (it must be published by the customer first)');
	const account = accounts.find((a) => a.id === (b.saved_account_id ?? b.existing_account_id));
	if (!account) throw invalidState('The delivered account does not exist yet: move the account to review first.', b.status);
	const previous = v.status;
	const now = c.store.now();
	v.platform_url = postUrl(b.platform, account.username);
	v.posted_at = now;
	v.status = 'in_review';
	b.updated_at = now;
	// "Automatically finalize videos once ready" (spec 001): no review step, only video.finalized.
	if (b.auto_finalize_videos) {
		finalizeVideo(c, b, v, 'auto');
		return v;
	}
	syncVideoPhase(b);
	emit(c, b, v, 'video.in_review', previous);
	return v;
}

/** pending_corrections → in_review; by default the manager reposts the video (new platform_url). */
export function applyVideoCorrections(c: VideoCtx, b: Bundle, position: number, changes?: VideoChanges): VideoSlot {
	const v = findVideo(b, position);
	if (v.status !== 'pending_corrections') throw invalidState('No corrections are requested on this video.', v.status);
	const account = c.store.state.accounts.find((a) => a.id === (b.saved_account_id ?? b.existing_account_id));
	const next: VideoChanges = changes ?? { platform_url: postUrl(b.platform, account?.username ?? 'tokportal') };
	const diff: Record<string, FieldChange> = {};
	for (const [key, to] of Object.entries(next) as Array<[keyof VideoChanges, string]>) {
		if (typeof to !== 'string' || to.trim() === '') throw new ApiError(400, 'SIM_BAD_REQUEST', `${key} must be a non-empty string.`);
		if (v[key] !== to) diff[key] = { from: v[key], to };
	}
	Object.assign(v, next);
	const now = c.store.now();
	v.feedback_history.push({ type: 'corrections_applied', applied_at: now, changes: diff });
	v.status = 'in_review';
	b.updated_at = now;
	syncVideoPhase(b);
	emit(c, b, v, 'video.in_review', 'pending_corrections', { changes: diff });
	return v;
}

/** The 72 h auto-finalize of a video left in review. */
export function autoFinalizeVideo(c: VideoCtx, b: Bundle, position: number): VideoSlot {
	const v = findVideo(b, position);
	requireVideoStatus(v, ['in_review'], 'auto-finalize it');
	finalizeVideo(c, b, v, 'auto');
	return v;
}

/** The media could not be downloaded: the customer fixes it with POST …/fix-download. */
export function failVideoDownload(c: VideoCtx, b: Bundle, position: number, reason?: string): VideoSlot {
	const v = findVideo(b, position);
	requireVideoStatus(v, ['configured', 'published', 'accepted'], 'report a download failure');
	v.download_error = reason ?? 'The media URL could not be downloaded (HTTP 403).';
	b.updated_at = c.store.now();
	return v;
}

/** Platform signals on a posted video: video.not_recommended, video.ai_labeled, video.sound_restricted. */
export function flagVideo(c: VideoCtx, b: Bundle, position: number, flag: VideoFlag): VideoSlot {
	const v = findVideo(b, position);
	if (!VIDEO_FLAGS.includes(flag)) throw new ApiError(400, 'SIM_BAD_REQUEST', `flag must be one of ${VIDEO_FLAGS.join(', ')}.`);
	if (!v.platform_url) throw invalidState('Only posted videos can be flagged.', v.status);
	emit(c, b, v, `video.${flag}`, v.status, { flagged_at: c.store.now() });
	return v;
}
