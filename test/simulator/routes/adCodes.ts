// Ad codes (notes §9.9): a TikTok Spark Code / Instagram Partner Code for a finalized video, 7 credits;
// `code` stays null until the manager submits it (in_review), then it is delivered (finalized).
import { assertTaskAccess } from '../coverage';
import { ApiError, validationError } from '../errors';
import type { RouteContext, RouteDef, RouteResult } from '../router';
import { SERVICE_PRICES } from '../servicePricing';
import type { AdCodeRequest } from '../serviceTypes';
import type { Bundle, VideoSlot } from '../types';
import { objectBody, optString } from '../validate';

export const AUTHORIZATION_DAYS = [7, 30, 60, 365];
const FIELDS = ['authorization_days', 'note'];

/** A video of this user's bundles; another user's video answers 404 like an unknown one. */
export function ownedVideo(ctx: RouteContext, id: string): { bundle: Bundle; video: VideoSlot } {
	for (const bundle of ctx.store.state.bundles) {
		const video = bundle.videos.find((v) => v.id === id);
		if (video && bundle.owner_id === ctx.owner) return { bundle, video };
	}
	throw new ApiError(404, 'VIDEO_NOT_FOUND', 'Video not found.', { video_id: id });
}

export function adCodeView(r: AdCodeRequest): Record<string, unknown> {
	const { owner_id: _owner, ...rest } = r;
	return rest;
}

function requestAdCode(ctx: RouteContext): RouteResult {
	const { bundle, video } = ownedVideo(ctx, ctx.params.id);
	const o = objectBody(ctx.body ?? {});
	const unknown = Object.keys(o).find((k) => !FIELDS.includes(k));
	if (unknown) throw new ApiError(400, 'UNKNOWN_FIELD', `Unknown field: ${unknown}. Allowed: ${FIELDS.join(', ')}.`, { field: unknown, allowed: FIELDS });
	const days = o.authorization_days ?? 30;
	if (typeof days !== 'number' || !AUTHORIZATION_DAYS.includes(days)) {
		throw validationError('authorization_days', `authorization_days must be one of: ${AUTHORIZATION_DAYS.join(', ')}.`);
	}
	const note = optString(o, 'note', 500, true) ?? null;
	// Posted and approved: by the customer, after 72 h, or at once with auto_finalize_videos.
	if (video.status !== 'finalized') {
		throw new ApiError(409, 'VIDEO_NOT_FINALIZED', 'Ad codes can be requested for finalized (posted and approved) videos only.', {
			video_id: video.id,
			current_status: video.status,
		});
	}
	const accountId = bundle.saved_account_id ?? bundle.existing_account_id;
	const account = ctx.store.state.accounts.find((a) => a.id === accountId);
	if (account) assertTaskAccess(ctx.store, account);
	const open = ctx.store.state.adCodeRequests.find((r) => r.video_id === video.id && r.status !== 'finalized');
	if (open) {
		throw new ApiError(409, 'AD_CODE_REQUEST_ALREADY_OPEN', 'An ad code request for this video is already in progress.', {
			video_id: video.id,
			ad_code_request_id: open.id,
			current_status: open.status,
		});
	}
	const price = SERVICE_PRICES.ad_code;
	const now = ctx.store.now();
	const request: AdCodeRequest = {
		id: ctx.store.newId(),
		owner_id: ctx.owner,
		video_id: video.id,
		bundle_id: bundle.id,
		saved_account_id: accountId,
		platform: bundle.platform,
		code_type: bundle.platform === 'instagram' ? 'partner_code' : 'spark_code',
		status: 'pending',
		code: null,
		authorization_days: days,
		note,
		credits_charged: price,
		requested_at: now,
		submitted_at: null,
		delivered_at: null,
		code_expires_at: null,
		updated_at: now,
	};
	ctx.store.debit(ctx.owner, { ad_code: price, total: price }, `Ad code request: video ${video.position} of ${bundle.title ?? bundle.id}`, request.id);
	ctx.store.state.adCodeRequests.push(request);
	return {
		status: 201,
		body: {
			data: adCodeView(request),
			credits_charged: price,
			credits_remaining: ctx.store.state.credits,
			cost_breakdown: { ad_code: price, total: price },
		},
	};
}

function getAdCode(ctx: RouteContext): RouteResult {
	const { video } = ownedVideo(ctx, ctx.params.id);
	const latest = ctx.store.state.adCodeRequests.filter((r) => r.video_id === video.id).at(-1);
	if (!latest) throw new ApiError(404, 'AD_CODE_REQUEST_NOT_FOUND', 'No ad code was requested for this video.', { video_id: video.id });
	return { status: 200, body: { data: adCodeView(latest) } };
}

export const adCodeRoutes: Array<RouteDef<RouteContext>> = [
	{ method: 'POST', path: '/videos/:id/ad-code-request', handler: requestAdCode },
	{ method: 'GET', path: '/videos/:id/ad-code-request', handler: getAdCode },
];
