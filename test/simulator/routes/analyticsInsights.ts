// Marketer+ analytics (notes §12.5): comment pulse, an account's comments and raw provider snapshots
// (limit-based lists, newest first).
import {
	commentsOf,
	dayNumber,
	followersOf,
	followersOn,
	ownedPost,
	platformPostId,
	postMetricsOn,
	postsByAccount,
	postsOf,
	type SampleComment,
	type TrackedPost,
} from '../analyticsData';
import { accountFilters, inRange, queryLimit, queryRange, selectAccounts } from '../analyticsFilters';
import { contractHeaders, requireFeature } from '../plans';
import type { RouteContext, RouteDef, RouteResult } from '../router';
import { stableInt, stableUuid } from '../stable';
import type { DeliveredAccount } from '../types';
import { queryEnum, queryValues } from '../validate';

const SOURCES = ['connected', 'public', 'cache'] as const;

function ok(ctx: RouteContext, data: unknown): RouteResult {
	return { status: 200, body: { data }, headers: contractHeaders(ctx.user.plan) };
}

function sentiment(comments: SampleComment[]): Record<string, number> {
	const out = { positive: 0, neutral: 0, negative: 0 };
	for (const c of comments) out[c.sentiment] += 1;
	return out;
}

const newestFirst = (a: SampleComment, b: SampleComment) =>
	a.posted_at === b.posted_at ? a.id.localeCompare(b.id) : a.posted_at < b.posted_at ? 1 : -1;

function commentPulse(ctx: RouteContext): RouteResult {
	requireFeature(ctx, 'comments');
	const limit = queryLimit(ctx, 'limit', 20, 1, 100);
	const postLimit = queryLimit(ctx, 'postLimit', 10, 1, 50);
	const range = queryRange(ctx);
	const postIds = queryValues(ctx.query, 'post');
	const byAccount = postsByAccount(ctx.store, ctx.owner);
	const candidates = selectAccounts(ctx, accountFilters(ctx))
		.flatMap((a) => byAccount.get(a.id) ?? [])
		.filter((p) => postIds.length === 0 || postIds.includes(p.video.id));
	const withComments = candidates.map((post) => ({
		post,
		comments: commentsOf(post).filter((c) => inRange(c.posted_at, range)),
	}));
	// The posts with the most comments in the range are analysed.
	const analysed = withComments
		.sort((a, b) => b.comments.length - a.comments.length || a.post.video.id.localeCompare(b.post.video.id))
		.slice(0, postLimit);
	const all = analysed.flatMap((x) => x.comments).sort(newestFirst);
	return ok(ctx, {
		summary: {
			posts_analyzed: analysed.length,
			comments_analyzed: all.length,
			sentiment: sentiment(all),
		},
		posts: analysed.map(({ post, comments }) => ({
			video_id: post.video.id,
			account_id: post.account.id,
			username: post.account.username,
			platform_url: post.platform_url,
			comments_count: comments.length,
			sentiment: sentiment(comments),
		})),
		comments: all.slice(0, limit),
	});
}

function accountComments(ctx: RouteContext): RouteResult {
	requireFeature(ctx, 'comments');
	const account = ctx.store.ownedAccount(ctx.params.id, ctx.owner);
	const limit = queryLimit(ctx, 'limit', 20, 1, 100);
	const tracked = queryValues(ctx.query, 'trackedPostId').at(-1);
	const platformId = queryValues(ctx.query, 'postId').at(-1);
	const posts = postsOf(ctx.store, account).filter(
		(p) => (!tracked || p.video.id === tracked) && (!platformId || platformPostId(p) === platformId),
	);
	return ok(ctx, posts.flatMap(commentsOf).sort(newestFirst).slice(0, limit));
}

/** One stored snapshot per day from `startDay`, newest first, within the range and limit. */
function snapshotDays(ctx: RouteContext, startDay: number): { source: string; days: number[] } {
	const source = queryEnum(ctx.query, 'source', SOURCES).at(-1) ?? 'connected';
	const limit = queryLimit(ctx, 'limit', 20, 1, 100);
	const range = queryRange(ctx);
	const today = dayNumber(Date.now());
	const first = Math.max(startDay, range.from === null ? startDay : dayNumber(range.from));
	const last = Math.min(today, range.to === null ? today : dayNumber(range.to));
	const days: number[] = [];
	for (let day = last; day >= first && days.length < limit; day--) days.push(day);
	return { source, days };
}

const capturedAt = (day: number) => new Date(day * 86_400_000 + 6 * 3_600_000).toISOString();

function accountRaw(ctx: RouteContext): RouteResult {
	requireFeature(ctx, 'raw_snapshots');
	const account: DeliveredAccount = ctx.store.ownedAccount(ctx.params.id, ctx.owner);
	const posts = postsOf(ctx.store, account);
	const q = snapshotDays(ctx, dayNumber(account.created_at));
	const today = dayNumber(Date.now());
	return ok(
		ctx,
		q.days.map((day) => ({
			id: stableUuid(`${account.id}:raw:${q.source}:${day}`),
			account_id: account.id,
			source: q.source,
			captured_at: capturedAt(day),
			payload: {
				provider: account.platform,
				username: account.username,
				follower_count: followersOn(account, day, today),
				following_count: followersOf(account).following,
				video_count: posts.filter((p) => dayNumber(p.published_at) <= day).length,
				heart_count: posts.reduce((sum, p) => sum + postMetricsOn(p, day, today).likes, 0),
			},
		})),
	);
}

function postRaw(ctx: RouteContext): RouteResult {
	requireFeature(ctx, 'raw_snapshots');
	const post: TrackedPost = ownedPost(ctx.store, ctx.params.id, ctx.owner);
	const q = snapshotDays(ctx, dayNumber(post.published_at));
	const today = dayNumber(Date.now());
	return ok(
		ctx,
		q.days.map((day) => {
			const m = postMetricsOn(post, day, today);
			return {
				id: stableUuid(`${post.video.id}:raw:${q.source}:${day}`),
				video_id: post.video.id,
				account_id: post.account.id,
				source: q.source,
				captured_at: capturedAt(day),
				payload: {
					provider: post.account.platform,
					platform_post_id: platformPostId(post),
					play_count: m.views,
					like_count: m.likes,
					comment_count: m.comments,
					share_count: m.shares,
					save_count: m.bookmarks,
					duration_seconds: stableInt(`${post.video.id}:duration`, 7, 90),
				},
			};
		}),
	);
}

export const analyticsInsightRoutes: Array<RouteDef<RouteContext>> = [
	{ method: 'GET', path: '/analytics/comments', handler: commentPulse },
	{ method: 'GET', path: '/analytics/accounts/:id/comments', handler: accountComments },
	{ method: 'GET', path: '/analytics/accounts/:id/raw', handler: accountRaw },
	{ method: 'GET', path: '/analytics/posts/:id/raw', handler: postRaw },
];
