// Bundle reads, PATCH, publish-readiness, publish and unpublish (spec 001, notes §7.5–7.10).
import { READABLE_PLATFORMS } from '../catalog';
import { ApiError, validationError } from '../errors';
import { paginate } from '../pagination';
import { ADJUSTED_NOTE, publishBundle } from '../publishing';
import { publishBlockers } from '../readiness';
import type { RouteContext, RouteDef, RouteResult } from '../router';
import { objectBody, optBool, optString, queryEnum, queryValues } from '../validate';
import { bundleDetail, bundleSummary } from '../views';
import { BUNDLE_TYPES } from './bundleCreate';

const STATUS_FILTERS = [
	'draft',
	'pending_setup',
	'published',
	'published_priority',
	'accepted',
	'completed',
	'cancelled',
	'archived',
	'in_review',
	'finalized',
];
// Spec 001's list plus spec 003's corrections status; nothing else exists (README "Contradictions").
const ACCOUNT_STATUS_FILTERS = ['pending', 'configured', 'in_review', 'corrections_requested', 'finalized'];
const PATCHABLE = ['auto_finalize_videos', 'external_ref', 'title'];

/** Newest first; equal timestamps keep the latest-created first. */
// Items are appended (webhooks may also be removed) and created_at never changes, so the sorted order
// is cached per list until its length or last element changes: a 50,000-account Return All must not
// sort 50,000 items per page request.
const sortedCache = new WeakMap<object, { length: number; last: unknown; sorted: unknown[] }>();

export function newestFirst<T extends { created_at: string }>(items: T[]): T[] {
	const cached = sortedCache.get(items);
	if (cached && cached.length === items.length && cached.last === items.at(-1)) return cached.sorted as T[];
	const sorted = [...items]
		.reverse()
		.sort((a, b) => (a.created_at === b.created_at ? 0 : a.created_at < b.created_at ? 1 : -1));
	sortedCache.set(items, { length: items.length, last: items.at(-1), sorted });
	return sorted;
}

function listBundles(ctx: RouteContext): RouteResult {
	const q = ctx.query;
	const statuses = queryEnum(q, 'status', STATUS_FILTERS);
	const types = queryEnum(q, 'bundle_type', BUNDLE_TYPES);
	const accountStatuses = queryEnum(q, 'account_status', ACCOUNT_STATUS_FILTERS);
	const platforms = queryEnum(q, 'platform', READABLE_PLATFORMS);
	const refs = queryValues(q, 'external_ref');
	const items = newestFirst(ctx.store.state.bundles).filter(
		(b) =>
			b.owner_id === ctx.owner &&
			(statuses.length === 0 || statuses.includes(b.status)) &&
			(types.length === 0 || types.includes(b.bundle_type)) &&
			(accountStatuses.length === 0 || (b.account !== null && accountStatuses.includes(b.account.status))) &&
			(platforms.length === 0 || platforms.includes(b.platform)) &&
			(refs.length === 0 || (b.external_ref !== null && refs.includes(b.external_ref))),
	);
	const page = paginate(items, q);
	return { status: 200, body: { data: page.data.map(bundleSummary), pagination: page.pagination } };
}

function getBundle(ctx: RouteContext): RouteResult {
	return { status: 200, body: { data: bundleDetail(ctx.store.ownedBundle(ctx.params.id, ctx.owner)) } };
}

function patchBundle(ctx: RouteContext): RouteResult {
	const b = ctx.store.ownedBundle(ctx.params.id, ctx.owner);
	const o = objectBody(ctx.body);
	const unknown = Object.keys(o).find((k) => !PATCHABLE.includes(k));
	if (unknown) throw validationError(unknown, `Unknown field: ${unknown}.`);
	if (!PATCHABLE.some((k) => o[k] !== undefined)) {
		throw validationError('body', 'Provide at least one of auto_finalize_videos, external_ref, title.');
	}
	const auto = optBool(o, 'auto_finalize_videos');
	const ref = optString(o, 'external_ref', 200, true);
	const title = optString(o, 'title', 200, true);
	if (typeof ref === 'string' && ref !== b.external_ref) {
		const other = ctx.store.state.bundles.find(
			(x) => x.owner_id === ctx.owner && x.id !== b.id && x.external_ref === ref,
		);
		if (other) {
			throw new ApiError(409, 'DUPLICATE_EXTERNAL_REF', 'Another bundle already uses this external_ref.', {
				existing_bundle_id: other.id,
				external_ref: ref,
			});
		}
	}
	if (auto !== undefined) b.auto_finalize_videos = auto;
	if (ref !== undefined) b.external_ref = ref;
	if (title !== undefined) b.title = title;
	b.updated_at = ctx.store.now();
	return {
		status: 200,
		body: {
			data: {
				id: b.id,
				title: b.title,
				auto_finalize_videos: b.auto_finalize_videos,
				external_ref: b.external_ref,
				updated_at: b.updated_at,
			},
		},
	};
}

function readiness(ctx: RouteContext): RouteResult {
	const b = ctx.store.ownedBundle(ctx.params.id, ctx.owner);
	const blockers = publishBlockers(b);
	return { status: 200, body: { data: { bundle_id: b.id, ready: blockers.length === 0, blockers } } };
}

function publish(ctx: RouteContext): RouteResult {
	const b = ctx.store.ownedBundle(ctx.params.id, ctx.owner);
	const adjusted = publishBundle(ctx, b);
	return {
		status: 200,
		body: {
			data: {
				id: b.id,
				bundle_id: b.id,
				status: b.status,
				published_at: b.published_at,
				// Notes §7.9: only when configured dates no longer met the lead time.
				...(adjusted.length > 0 && { adjusted_videos: adjusted, adjusted_videos_note: ADJUSTED_NOTE }),
			},
		},
	};
}

function unpublish(ctx: RouteContext): RouteResult {
	const b = ctx.store.ownedBundle(ctx.params.id, ctx.owner);
	if (b.status !== 'published' && b.status !== 'published_priority') {
		const message =
			b.status === 'accepted' || b.status === 'completed'
				? 'An account manager already accepted this bundle; it can no longer be unpublished.'
				: `Only published bundles can be unpublished (status: ${b.status}).`;
		throw new ApiError(409, 'BUNDLE_INVALID_STATUS', message, { current_status: b.status });
	}
	b.status = 'pending_setup';
	b.published_at = null;
	b.updated_at = ctx.store.now();
	// Its videos come back with it, configured again, so their configuration can change too.
	for (const v of b.videos) {
		if (v.status === 'published') Object.assign(v, { status: 'configured', published_at: null });
	}
	return { status: 200, body: { data: { id: b.id, bundle_id: b.id, status: b.status, updated_at: b.updated_at } } };
}

export const bundleRoutes: Array<RouteDef<RouteContext>> = [
	{ method: 'GET', path: '/bundles', handler: listBundles },
	{ method: 'GET', path: '/bundles/:id', handler: getBundle },
	{ method: 'PATCH', path: '/bundles/:id', handler: patchBundle },
	{ method: 'GET', path: '/bundles/:id/publish-readiness', handler: readiness },
	{ method: 'POST', path: '/bundles/:id/publish', handler: publish },
	{ method: 'POST', path: '/bundles/:id/unpublish', handler: unpublish },
];
