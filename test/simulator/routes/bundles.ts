// Bundle reads, PATCH, publish-readiness, publish and unpublish (spec 001, notes §7.5–7.10).
import { READABLE_PLATFORMS } from '../catalog';
import { ApiError, validationError } from '../errors';
import { accountEventData, bundleEventData } from '../eventData';
import { paginate } from '../pagination';
import { publishBlockers } from '../readiness';
import type { RouteContext, RouteDef, RouteResult } from '../router';
import type { Bundle } from '../types';
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
const ACCOUNT_STATUS_FILTERS = [
	'pending',
	'configured',
	'published',
	'in_review',
	'pending_corrections',
	'corrections_requested',
	'finalized',
];
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

// Spec 001 lists the video phase (`in_review`, `finalized`) as bundle statuses; here they select
// accepted bundles by the progress of their videos.
function statusMatches(b: Bundle, status: string): boolean {
	if (status === 'in_review') return b.status === 'accepted' && b.videos.some((v) => v.status === 'in_review');
	if (status === 'finalized') {
		return b.status === 'accepted' && b.videos.length > 0 && b.videos.every((v) => v.status === 'finalized');
	}
	return b.status === status;
}

function listBundles(ctx: RouteContext): RouteResult {
	const q = ctx.query;
	const statuses = queryEnum(q, 'status', STATUS_FILTERS);
	const types = queryEnum(q, 'bundle_type', BUNDLE_TYPES);
	// `corrections_requested` is the spec 003 word for the `pending_corrections` state.
	const accountStatuses = queryEnum(q, 'account_status', ACCOUNT_STATUS_FILTERS).map((s) =>
		s === 'corrections_requested' ? 'pending_corrections' : s,
	);
	const platforms = queryEnum(q, 'platform', READABLE_PLATFORMS);
	const refs = queryValues(q, 'external_ref');
	const items = newestFirst(ctx.store.state.bundles).filter(
		(b) =>
			b.owner_id === ctx.owner &&
			(statuses.length === 0 || statuses.some((s) => statusMatches(b, s))) &&
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

/** The error code names the first blocker's family; all blockers are in details.blockers. */
function notReadyCode(firstBlocker: string): string {
	if (firstBlocker === 'BUNDLE_ALREADY_PUBLISHED') return 'BUNDLE_ALREADY_PUBLISHED';
	if (firstBlocker === 'BUNDLE_NOT_IN_SETUP') return 'BUNDLE_INVALID_STATUS';
	return 'ACCOUNT_NOT_CONFIGURED';
}

function publish(ctx: RouteContext): RouteResult {
	const b = ctx.store.ownedBundle(ctx.params.id, ctx.owner);
	const blockers = publishBlockers(b);
	if (blockers.length > 0) {
		throw new ApiError(409, notReadyCode(blockers[0].code), 'The bundle cannot be published.', {
			current_status: b.status,
			blockers,
		});
	}
	const now = ctx.store.now();
	b.status = 'published';
	b.published_at = now;
	b.updated_at = now;
	ctx.emit('bundle.published', bundleEventData(b, 'pending_setup'));
	if (b.account) {
		const previous = b.account.status;
		b.account.status = 'published';
		ctx.emit('account.published', accountEventData(b, previous));
	}
	return { status: 200, body: { data: { id: b.id, bundle_id: b.id, status: b.status, published_at: now } } };
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
	if (b.account?.status === 'published') b.account.status = 'configured';
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
