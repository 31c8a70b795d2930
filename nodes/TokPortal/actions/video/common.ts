import type { IDataObject } from 'n8n-workflow';

import { bundleId } from '../common.fields';
import type { ErrorExplanation } from '../operation';
import { MAX_VIDEOS_PER_DAY } from './calendar';
import { positionField } from './fields';

/** The slot the single-video operations act on. */
export const slotFields = {
	bundleId,
	position: positionField(true, 'The video slot: 1, 2, … in the bundle'),
};

function list(value: unknown): string {
	return Array.isArray(value) ? value.join(', ') : String(value);
}

/** What TokPortal's video error codes mean, worded from their details. */
export const videoErrors: Readonly<Record<string, ErrorExplanation>> = {
	VIDEO_NOT_FOUND: (details: IDataObject) =>
		details.videos_total !== undefined
			? `This bundle has no video slot ${String(details.position ?? '')} (it has ${String(details.videos_total)}). Choose an existing Position, or add slots with Bundle → Add Video Slots.`
			: 'Video not found. Check the bundle and position (or the video ID).',
	INVALID_STATUS_TRANSITION: (details: IDataObject) => {
		if (details.current_status === undefined) return undefined;
		const video = details.position === undefined ? 'The video' : `Video ${String(details.position)}`;
		return `${video} is ${String(details.current_status)}; this action needs it to be ${list(details.allowed_statuses)}. Use Video → Get to check it.`;
	},
	INVALID_DATE: (details: IDataObject) =>
		details.earliest_allowed !== undefined
			? `${String(details.date ?? 'The date')} is too early: videos of this bundle need ${String(details.min_days_ahead)} day(s) of lead time (UTC). The earliest allowed date is ${String(details.earliest_allowed)}.`
			: undefined,
	VIDEOS_PER_DAY_EXCEEDED: (details: IDataObject) =>
		`${String(details.date ?? 'That day')} already has ${String(details.current_count ?? MAX_VIDEOS_PER_DAY)} videos in this bundle; at most ${String(details.max_per_day ?? MAX_VIDEOS_PER_DAY)} can target the same day. Choose another date.`,
	BUNDLE_INVALID_STATUS: (details: IDataObject) =>
		details.current_status !== undefined
			? `The bundle is ${String(details.current_status)}: this needs it to be ${list(details.allowed_statuses ?? 'published')}. Publish the bundle first (Bundle → Publish), or configure with Auto Publish.`
			: undefined,
	MANAGED_ACCOUNT_TASK_BLOCKED:
		'TokPortal Coverage for the delivered account of this bundle is not active, so its videos are blocked. Reactivate Coverage in TokPortal, then run again.',
};
