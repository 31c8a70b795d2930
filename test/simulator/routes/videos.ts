// Video slots of a bundle (notes §9.1–9.4): read, configure one slot, patch, batch configure.
import { ApiError, validationError } from '../errors';
import { autoPublish, type AutoPublishOutcome } from '../publishing';
import type { RouteContext, RouteDef, RouteResult } from '../router';
import type { Bundle, VideoSlot } from '../types';
import { isObject, type Json, objectBody, optString } from '../validate';
import { parseVideoConfig } from '../videoConfig';
import {
	type Charge,
	configureSlot,
	findVideo,
	parsePosition,
	requireOpenBundle,
	requireVideoStatus,
	UNPOSTED_STATUSES,
} from '../videoLifecycle';
import { addDays, assertDayCapacity, assertLeadTime, parseDay } from '../videoSchedule';
import { videoView } from '../views';

export function bundleOf(ctx: RouteContext): Bundle {
	return ctx.store.ownedBundle(ctx.params.id, ctx.owner);
}

export function slotOf(ctx: RouteContext, b: Bundle): VideoSlot {
	return findVideo(b, parsePosition(ctx.params.position));
}

/** Credit siblings only when the call paid for video options (notes §9.2). */
export function chargeSiblings(ctx: RouteContext, charges: Array<Charge | null>): Record<string, unknown> {
	const breakdown: Record<string, number> = {};
	for (const c of charges) {
		for (const [key, n] of Object.entries(c?.breakdown ?? {})) breakdown[key] = (breakdown[key] ?? 0) + n;
	}
	if (!breakdown.total) return {};
	return { credits_charged: breakdown.total, credits_remaining: ctx.store.state.credits, cost_breakdown: breakdown };
}

export function autoPublishSibling(outcome: AutoPublishOutcome | undefined): Record<string, unknown> {
	return outcome ? { auto_publish: outcome } : {};
}

function listVideos(ctx: RouteContext): RouteResult {
	const b = bundleOf(ctx);
	return { status: 200, body: { data: b.videos.map((v) => videoView(b, v)) } };
}

function getVideo(ctx: RouteContext): RouteResult {
	const b = bundleOf(ctx);
	return { status: 200, body: { data: videoView(b, slotOf(ctx, b)) } };
}

function configureOne(ctx: RouteContext): RouteResult {
	const b = bundleOf(ctx);
	requireOpenBundle(b);
	const v = slotOf(ctx, b);
	const input = parseVideoConfig(objectBody(ctx.body), { platform: b.platform });
	const charge = configureSlot(ctx, b, v, input);
	const outcome = input.auto_publish ? autoPublish(ctx, b, [v]) : undefined;
	return {
		status: 200,
		body: { data: videoView(b, v), ...chargeSiblings(ctx, [charge]), ...autoPublishSibling(outcome) },
	};
}

const PATCHABLE = [
	'name',
	'external_ref',
	'description',
	'target_publish_date',
	'target_publish_start_date',
	'target_publish_end_date',
];
/** Metadata can change at any stage; content and dates only until the video is posted. */
const CONTENT_PATCH = PATCHABLE.slice(2);

function patchDates(b: Bundle, v: VideoSlot, o: Json): void {
	const single = o.target_publish_date;
	const start = o.target_publish_start_date;
	const end = o.target_publish_end_date;
	if (single !== undefined && (start !== undefined || end !== undefined)) {
		throw validationError('target_publish_date', 'Send target_publish_date, or the explicit window start/end dates, not both.');
	}
	let from = v.target_publish_start_date;
	let to = v.target_publish_end_date;
	if (single !== undefined) {
		from = parseDay(single, 'target_publish_date');
		to = addDays(from, 1);
	}
	if (start !== undefined) from = parseDay(start, 'target_publish_start_date');
	if (end !== undefined) to = parseDay(end, 'target_publish_end_date');
	if (from === null || to === null) return;
	if (to < from) throw validationError('target_publish_end_date', 'target_publish_end_date must not be before the start date.');
	if (from !== v.target_publish_start_date) {
		assertLeadTime(b, from, single !== undefined ? 'target_publish_date' : 'target_publish_start_date');
		assertDayCapacity(b, from, v);
	}
	if (to !== v.target_publish_end_date) assertLeadTime(b, to, 'target_publish_end_date');
	v.target_publish_start_date = from;
	v.target_publish_end_date = to;
}

function patchVideo(ctx: RouteContext): RouteResult {
	const b = bundleOf(ctx);
	const v = slotOf(ctx, b);
	const o = objectBody(ctx.body);
	const unknown = Object.keys(o).find((k) => !PATCHABLE.includes(k));
	if (unknown) throw new ApiError(400, 'UNKNOWN_FIELD', `Unknown field: ${unknown}.`, { field: unknown });
	if (!PATCHABLE.some((k) => o[k] !== undefined)) {
		throw validationError('body', `Provide at least one of ${PATCHABLE.join(', ')}.`);
	}
	const name = optString(o, 'name', 200, true);
	const ref = optString(o, 'external_ref', 200, true);
	const description = optString(o, 'description', Number.MAX_SAFE_INTEGER, true);
	if (CONTENT_PATCH.some((k) => o[k] !== undefined)) {
		requireVideoStatus(v, UNPOSTED_STATUSES, 'change its description or dates (configure it first, or it is already posted)');
		if (description !== undefined) {
			if (v.video_type === 'story') throw validationError('description', 'A story has no description.');
			if (description === null || description.trim() === '') {
				throw validationError('description', `description cannot be empty on a ${v.video_type}.`);
			}
		}
		patchDates(b, v, o);
	}
	if (name !== undefined) v.name = name;
	if (ref !== undefined) v.external_ref = ref;
	if (description) v.description = description;
	b.updated_at = ctx.store.now();
	return { status: 200, body: { data: videoView(b, v) } };
}

interface BatchError {
	index: number;
	position: number | null;
	code: string;
	message: string;
	details?: Record<string, unknown>;
}

/** One position of a batch; an error stays with its position and the others go on (notes §9.4). */
function batchItem(
	ctx: RouteContext,
	b: Bundle,
	item: unknown,
	seen: Set<number>,
): { video: VideoSlot; charge: Charge | null } {
	if (!isObject(item)) throw validationError('videos', 'Each videos[] item must be an object with a position.');
	const position = item.position;
	if (typeof position !== 'number' || !Number.isInteger(position) || position < 1) {
		throw validationError('position', 'position (a whole number from 1) is required on each item.');
	}
	if (seen.has(position)) throw validationError('position', `position ${position} appears more than once in this batch.`);
	seen.add(position);
	const video = findVideo(b, position);
	const input = parseVideoConfig(item, { platform: b.platform, batchItem: true });
	return { video, charge: configureSlot(ctx, b, video, input) };
}

function batchConfigure(ctx: RouteContext): RouteResult {
	const b = bundleOf(ctx);
	const o = objectBody(ctx.body);
	const extra = Object.keys(o).find((k) => k !== 'videos' && k !== 'auto_publish');
	if (extra) throw new ApiError(400, 'UNKNOWN_FIELD', `Unknown field: ${extra}.`, { field: extra });
	if (!Array.isArray(o.videos) || o.videos.length === 0) {
		throw validationError('videos', 'The body must be {"videos": [ {position, …}, … ]} with at least one item.');
	}
	if (o.auto_publish !== undefined && typeof o.auto_publish !== 'boolean') {
		throw validationError('auto_publish', 'auto_publish must be true or false.');
	}
	requireOpenBundle(b);
	const seen = new Set<number>();
	const configured: VideoSlot[] = [];
	const charges: Array<Charge | null> = [];
	const errors: BatchError[] = [];
	o.videos.forEach((item, index) => {
		try {
			const { video, charge } = batchItem(ctx, b, item, seen);
			configured.push(video);
			charges.push(charge);
		} catch (err) {
			if (!(err instanceof ApiError)) throw err;
			const position = isObject(item) && typeof item.position === 'number' ? item.position : null;
			errors.push({ index, position, code: err.code, message: err.message, ...(err.details && { details: err.details }) });
		}
	});
	const outcome = o.auto_publish === true ? autoPublish(ctx, b, configured) : undefined;
	return {
		status: 200,
		body: {
			data: { bundle_id: b.id, configured: configured.map((v) => videoView(b, v)), errors },
			...chargeSiblings(ctx, charges),
			...autoPublishSibling(outcome),
		},
	};
}

export const videoRoutes: Array<RouteDef<RouteContext>> = [
	{ method: 'GET', path: '/bundles/:id/videos', handler: listVideos },
	// Literal `batch` outranks `:position` in the router (notes §6).
	{ method: 'PUT', path: '/bundles/:id/videos/batch', handler: batchConfigure },
	{ method: 'GET', path: '/bundles/:id/videos/:position', handler: getVideo },
	{ method: 'PUT', path: '/bundles/:id/videos/:position', handler: configureOne },
	{ method: 'PATCH', path: '/bundles/:id/videos/:position', handler: patchVideo },
];
