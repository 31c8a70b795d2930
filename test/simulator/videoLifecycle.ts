// The video slot state machine (notes §9, spec 001), shared by the API routes and the operator:
//   pending → configured → published → accepted → in_review ⇄ pending_corrections → finalized
// plus reset (→ pending), unschedule (→ configured) and cancelled (bundle cancelled before posting).
// Each transition emits its video.* event and keeps the bundle's video phase in step.
import { ApiError, validationError } from './errors';
import { videoEventData } from './eventData';
import { emptyVideoContent } from './factories';
import { PRICES } from './pricing';
import type { Store } from './store';
import type { Bundle, BundleStatus, VideoSlot, VideoStatus } from './types';
import type { VideoInput } from './videoConfig';
import { addDays, assertDayCapacity, assertLeadTime, type DateAdjustment, shiftStaleDates } from './videoSchedule';

/** What a transition needs: the store (clock, credits), the owner and an event sink. */
export interface VideoCtx {
	store: Store;
	owner: string;
	emit(type: string, data: Record<string, unknown>): void;
}

/** Spec 001: "any of configured, in_review, pending_corrections, accepted, published, finalized". */
const CONFIGURED_STATUSES: readonly VideoStatus[] = [
	'configured',
	'in_review',
	'pending_corrections',
	'accepted',
	'published',
	'finalized',
];
/** Bundles whose slots can still be configured. */
const OPEN_BUNDLE_STATUSES: readonly BundleStatus[] = [
	'pending_setup',
	'published',
	'published_priority',
	'accepted',
	'in_review',
	'finalized',
];
/** Bundles whose configured videos can be published one by one (the bundle itself is published). */
export const ACTIVE_BUNDLE_STATUSES: readonly BundleStatus[] = [
	'published',
	'published_priority',
	'accepted',
	'in_review',
	'finalized',
];
/** Submitted but not posted yet: still withdrawable. */
export const UNPOSTED_STATUSES: readonly VideoStatus[] = ['configured', 'published', 'accepted'];

export function configuredVideoCount(b: Bundle): number {
	return b.videos.filter((v) => CONFIGURED_STATUSES.includes(v.status)).length;
}

export function usedEdits(b: Bundle): number {
	return b.videos.filter((v) => v.status !== 'pending' && v.editing_instructions !== null).length;
}

export function parsePosition(raw: string): number {
	if (!/^\d+$/.test(raw) || Number(raw) < 1) throw validationError('position', 'position must be a whole number from 1.');
	return Number(raw);
}

export function findVideo(b: Bundle, position: number): VideoSlot {
	const video = b.videos.find((v) => v.position === position);
	if (!video) {
		throw new ApiError(404, 'VIDEO_NOT_FOUND', `This bundle has no video slot ${position} (it has ${b.videos.length}).`, {
			position,
			videos_total: b.videos.length,
		});
	}
	return video;
}

export function requireVideoStatus(v: VideoSlot, allowed: readonly VideoStatus[], action: string): void {
	if (allowed.includes(v.status)) return;
	throw new ApiError(409, 'INVALID_STATUS_TRANSITION', `Video ${v.position} is ${v.status}: cannot ${action}.`, {
		position: v.position,
		current_status: v.status,
		allowed_statuses: [...allowed],
	});
}

export function requireBundleStatus(b: Bundle, allowed: readonly BundleStatus[], action: string): void {
	if (allowed.includes(b.status)) return;
	throw new ApiError(409, 'BUNDLE_INVALID_STATUS', `The bundle is ${b.status}: cannot ${action}.`, {
		current_status: b.status,
		allowed_statuses: [...allowed],
	});
}

export function requireOpenBundle(b: Bundle): void {
	requireBundleStatus(b, OPEN_BUNDLE_STATUSES, 'configure its videos');
	if (b.videos.length === 0) {
		throw validationError('bundle_id', 'This bundle has no video slots (account_only); order a videos_only bundle instead.');
	}
}

/**
 * The bundle's video phase (spec 001: accepted → in_review → finalized): `in_review` while a posted
 * video awaits review or submitted ones wait to be posted, `finalized` once every video that was
 * posted is finalized and none is waiting.
 */
export function syncVideoPhase(b: Bundle): void {
	if (b.status !== 'accepted' && b.status !== 'in_review' && b.status !== 'finalized') return;
	const has = (...statuses: VideoStatus[]) => b.videos.some((v) => statuses.includes(v.status));
	if (!has('in_review', 'pending_corrections', 'finalized')) return;
	b.status = has('in_review', 'pending_corrections', 'published', 'accepted') ? 'in_review' : 'finalized';
}

function emitVideo(c: VideoCtx, b: Bundle, v: VideoSlot, type: string, previous: string, extra: Record<string, unknown> = {}) {
	c.emit(type, { ...videoEventData(b, v, previous), ...extra });
}

/** Options charged once per slot (notes §9.2); returns the breakdown of what this configuration adds. */
function newExtras(v: VideoSlot, input: VideoInput): Record<string, number> {
	const c = input.content;
	const extras: Record<string, number> = {};
	const add = (key: keyof typeof PRICES, used: boolean) => {
		if (used && !v.paid_extras.includes(key)) extras[key] = PRICES[key];
	};
	add('sound_volume', c.volume_original_sound !== null || c.volume_added_sound !== null);
	add('story_repost', c.story_repost_url !== null);
	add('instant_repost_as_story', c.instant_repost_as_story);
	return extras;
}

export interface Charge {
	breakdown: Record<string, number> & { total: number };
}

/**
 * Configures one slot (PUT, batch item, CSV row): state rules, dates, edit slots, paid options,
 * then the write. Throws before writing anything.
 */
export function configureSlot(c: VideoCtx, b: Bundle, v: VideoSlot, input: VideoInput): Charge | null {
	requireVideoStatus(v, ['pending', 'configured'], 'configure it (unschedule it first if it was published)');
	const date = input.content.target_publish_start_date!;
	assertLeadTime(b, date, 'target_publish_date');
	assertDayCapacity(b, date, v);
	if (input.content.editing_instructions !== null) {
		const others = usedEdits(b) - (v.status !== 'pending' && v.editing_instructions !== null ? 1 : 0);
		if (others >= b.edits_quantity) {
			throw validationError(
				'editing_instructions',
				`All ${b.edits_quantity} edit slots of this bundle are used: add edit slots (POST /bundles/{id}/add-edit-slots) or remove editing_instructions.`,
			);
		}
	}
	const extras = newExtras(v, input);
	const total = Object.values(extras).reduce((a, n) => a + n, 0);
	const charge = total > 0 ? { breakdown: { ...extras, total } } : null;
	if (charge) c.store.debit(c.owner, charge.breakdown, `Video options: bundle ${b.id} video ${v.position}`, v.id);
	const previous = v.status;
	const now = c.store.now();
	Object.assign(v, input.content, { target_publish_end_date: addDays(date, 1) });
	if (input.name !== undefined) v.name = input.name;
	if (input.external_ref !== undefined) v.external_ref = input.external_ref;
	v.status = 'configured';
	v.configured_at = now;
	v.download_error = null;
	v.paid_extras.push(...Object.keys(extras));
	b.updated_at = now;
	emitVideo(c, b, v, 'video.configured', previous);
	return charge;
}

/** configured → published (submitted to TokPortal), with stale dates shifted forward. */
export function publishVideos(c: VideoCtx, b: Bundle, videos: VideoSlot[]): DateAdjustment[] {
	const adjustments = shiftStaleDates(b, videos);
	const now = c.store.now();
	for (const v of videos) {
		v.status = 'published';
		v.published_at = now;
		emitVideo(c, b, v, 'video.published', 'configured');
	}
	b.updated_at = now;
	syncVideoPhase(b);
	return adjustments;
}

export function unscheduleVideo(c: VideoCtx, b: Bundle, v: VideoSlot): void {
	requireVideoStatus(v, ['published', 'accepted'], 'unschedule it');
	v.status = 'configured';
	v.published_at = null;
	b.updated_at = c.store.now();
	syncVideoPhase(b);
}

/** Empties the slot (back to `pending`, date freed); paid options stay paid for this slot. */
export function resetVideo(c: VideoCtx, b: Bundle, v: VideoSlot): void {
	requireVideoStatus(v, UNPOSTED_STATUSES, 'reset it');
	Object.assign(v, emptyVideoContent(), {
		status: 'pending',
		name: `Video ${v.position}`,
		external_ref: null,
		download_error: null,
		configured_at: null,
		published_at: null,
		feedback_history: [],
	});
	b.updated_at = c.store.now();
	syncVideoPhase(b);
}

/** Review approval: by the customer (`api`), the 72 h rule or auto_finalize_videos (`auto`). */
export function finalizeVideo(c: VideoCtx, b: Bundle, v: VideoSlot, by: 'api' | 'auto'): void {
	requireVideoStatus(v, ['accepted', 'in_review'], 'finalize it');
	const previous = v.status;
	const now = c.store.now();
	v.status = 'finalized';
	v.finalized_at = now;
	v.feedback_history.push({ type: 'finalized', finalized_at: now, finalized_by: by });
	b.updated_at = now;
	syncVideoPhase(b);
	emitVideo(c, b, v, 'video.finalized', previous, { finalized_by: by });
}

export function requestVideoCorrections(
	c: VideoCtx,
	b: Bundle,
	v: VideoSlot,
	comment: string,
	fields: Record<string, string>,
): string {
	requireVideoStatus(v, ['in_review'], 'request corrections');
	const now = c.store.now();
	v.feedback_history.push({ type: 'corrections_requested', comment, fields, requested_at: now, requested_by: 'api' });
	v.status = 'pending_corrections';
	b.updated_at = now;
	syncVideoPhase(b);
	emitVideo(c, b, v, 'video.pending_corrections', 'in_review', { comment, fields });
	return now;
}
