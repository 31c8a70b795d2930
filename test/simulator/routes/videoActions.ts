// Actions on video slots (notes §9.5–9.7): publish one / all, review (finalize, corrections),
// reset, unschedule and fix-download.
import { validationError } from '../errors';
import type { RouteContext, RouteDef, RouteResult } from '../router';
import { isObject, objectBody } from '../validate';
import { parseMediaFix } from '../videoConfig';
import {
	ACTIVE_BUNDLE_STATUSES,
	finalizeVideo,
	publishVideos,
	requestVideoCorrections,
	requireBundleStatus,
	requireVideoStatus,
	resetVideo,
	UNPOSTED_STATUSES,
	unscheduleVideo,
} from '../videoLifecycle';
import { videoView } from '../views';
import { bundleOf, slotOf } from './videos';

const DATE_HINT =
	'The target date no longer met the lead time, so it was moved forward; PATCH target_publish_date to choose another day.';
const NOT_PUBLISHED = 'publish single videos (publish the bundle first, or configure with auto_publish: true)';

function publishOne(ctx: RouteContext): RouteResult {
	const b = bundleOf(ctx);
	const v = slotOf(ctx, b);
	requireBundleStatus(b, ACTIVE_BUNDLE_STATUSES, NOT_PUBLISHED);
	requireVideoStatus(v, ['configured'], 'publish it (configure it first)');
	const [adjusted] = publishVideos(ctx, b, [v]);
	return {
		status: 200,
		body: {
			data: {
				video_id: v.id,
				position: v.position,
				bundle_id: b.id,
				status: v.status,
				date_adjusted: adjusted !== undefined,
				...(adjusted && { original_date: adjusted.previous_date, new_date: adjusted.new_date, hint: DATE_HINT }),
			},
		},
	};
}

function publishAll(ctx: RouteContext): RouteResult {
	const b = bundleOf(ctx);
	requireBundleStatus(b, ACTIVE_BUNDLE_STATUSES, NOT_PUBLISHED);
	const ready = b.videos.filter((v) => v.status === 'configured');
	const adjusted = publishVideos(ctx, b, ready);
	return {
		status: 200,
		body: {
			data: {
				bundle_id: b.id,
				videos_published: ready.length,
				video_ids: ready.map((v) => v.id),
				positions: ready.map((v) => v.position),
				dates_adjusted: adjusted.length > 0,
				adjusted_videos: adjusted,
				...(adjusted.length > 0 && { hint: DATE_HINT }),
			},
		},
	};
}

function finalize(ctx: RouteContext): RouteResult {
	const b = bundleOf(ctx);
	const v = slotOf(ctx, b);
	finalizeVideo(ctx, b, v, 'api');
	return {
		status: 200,
		body: { data: { video_id: v.id, bundle_id: b.id, position: v.position, status: v.status, finalized_at: v.finalized_at } },
	};
}

function corrections(ctx: RouteContext): RouteResult {
	const b = bundleOf(ctx);
	const v = slotOf(ctx, b);
	const o = objectBody(ctx.body);
	if (typeof o.comment !== 'string' || o.comment.trim() === '') {
		throw validationError('comment', 'comment (what should change) is required.');
	}
	const fields: Record<string, string> = {};
	if (o.fields !== undefined) {
		if (!isObject(o.fields)) throw validationError('fields', 'fields must be an object of field → feedback.');
		for (const [key, value] of Object.entries(o.fields)) {
			if (typeof value !== 'string' || value.trim() === '') {
				throw validationError('fields', `Feedback for ${key} must be a non-empty string.`);
			}
			fields[key] = value;
		}
	}
	const requestedAt = requestVideoCorrections(ctx, b, v, o.comment, fields);
	return {
		status: 200,
		body: {
			data: {
				video_id: v.id,
				bundle_id: b.id,
				position: v.position,
				status: v.status,
				corrections: { comment: o.comment, fields, requested_at: requestedAt },
			},
		},
	};
}

function reset(ctx: RouteContext): RouteResult {
	const b = bundleOf(ctx);
	const v = slotOf(ctx, b);
	resetVideo(ctx, b, v);
	return { status: 200, body: { data: videoView(b, v) } };
}

function unschedule(ctx: RouteContext): RouteResult {
	const b = bundleOf(ctx);
	const v = slotOf(ctx, b);
	unscheduleVideo(ctx, b, v);
	return { status: 200, body: { data: videoView(b, v) } };
}

function fixDownload(ctx: RouteContext): RouteResult {
	const b = bundleOf(ctx);
	const v = slotOf(ctx, b);
	requireVideoStatus(v, UNPOSTED_STATUSES, 'replace its media (it is not configured, or already posted)');
	Object.assign(v, parseMediaFix(objectBody(ctx.body), v.video_type), { download_error: null });
	b.updated_at = ctx.store.now();
	return { status: 200, body: { data: videoView(b, v) } };
}

export const videoActionRoutes: Array<RouteDef<RouteContext>> = [
	{ method: 'POST', path: '/bundles/:id/videos/publish-all', handler: publishAll },
	{ method: 'POST', path: '/bundles/:id/videos/:position/publish', handler: publishOne },
	{ method: 'POST', path: '/bundles/:id/videos/:position/finalize', handler: finalize },
	{ method: 'POST', path: '/bundles/:id/videos/:position/corrections', handler: corrections },
	{ method: 'POST', path: '/bundles/:id/videos/:position/reset', handler: reset },
	{ method: 'POST', path: '/bundles/:id/videos/:position/unschedule', handler: unschedule },
	{ method: 'POST', path: '/bundles/:id/videos/:position/fix-download', handler: fixDownload },
];
