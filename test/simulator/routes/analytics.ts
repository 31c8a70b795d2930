// Analytics v2 reads and refresh (notes §12.5): dashboard, series, account and video analytics,
// the plan contract, can-refresh / refresh. Numbers come from analyticsData.ts (deterministic).
import {
	accountSummary,
	dayNumber,
	dayString,
	engagementRate,
	followersOf,
	followersOn,
	ownedPost,
	postMetrics,
	postMetricsOn,
	postsByAccount,
	postsOf,
	postView,
	scrapedAt,
	sumMetrics,
	type TrackedPost,
} from '../analyticsData';
import { accountFilters, inRange, queryRange, selectAccounts, workspaceOf } from '../analyticsFilters';
import { taskBlockReason } from '../coverage';
import { ApiError, validationError } from '../errors';
import { paginate } from '../pagination';
import { accessInfo, ANALYTICS_CONTRACT_VERSION, contract, contractHeaders, includes, requireFeature } from '../plans';
import type { RouteContext, RouteDef, RouteResult } from '../router';
import type { DeliveredAccount } from '../types';
import { isObject, type Json, optBool, optInt, queryEnum } from '../validate';

export const REFRESH_COOLDOWN_MS = 60 * 60 * 1000;
const SERIES_METRICS = ['views', 'likes', 'comments', 'shares', 'followers'] as const;
const SORTABLE = ['published_at', 'views', 'likes', 'comments', 'shares', 'bookmarks', 'engagement_rate'] as const;
const REFRESH_FIELDS = ['force', 'includePosts', 'includeComments', 'forcePosts', 'bootstrapPosts', 'postLimit'];
const MAX_SERIES_DAYS = 366;

function ok(ctx: RouteContext, data: unknown, extra: Record<string, unknown> = {}): RouteResult {
	return { status: 200, body: { data, ...extra }, headers: contractHeaders(ctx.user.plan) };
}

/** Audience breakdown (Marketer+ "demographics"), fixed per account set. */
function audience(accounts: DeliveredAccount[]): Record<string, unknown> {
	const byCountry = new Map<string, number>();
	for (const a of accounts) byCountry.set(a.country, (byCountry.get(a.country) ?? 0) + followersOf(a).followers);
	const total = [...byCountry.values()].reduce((x, y) => x + y, 0) || 1;
	return {
		countries: [...byCountry.entries()]
			.sort((x, y) => y[1] - x[1])
			.map(([country, n]) => ({ country, share: Math.round((n / total) * 1000) / 10 })),
		age_ranges: [
			{ range: '13-17', share: 8.5 },
			{ range: '18-24', share: 41.2 },
			{ range: '25-34', share: 32.1 },
			{ range: '35+', share: 18.2 },
		],
		genders: [
			{ gender: 'female', share: 54.3 },
			{ gender: 'male', share: 44.1 },
			{ gender: 'other', share: 1.6 },
		],
	};
}

function facet(values: string[]): Array<{ value: string; count: number }> {
	const counts = new Map<string, number>();
	for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
	return [...counts.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([value, count]) => ({ value, count }));
}

function dashboard(ctx: RouteContext): RouteResult {
	requireFeature(ctx, 'dashboard');
	const range = queryRange(ctx);
	const accounts = selectAccounts(ctx, accountFilters(ctx));
	const byAccount = postsByAccount(ctx.store, ctx.owner);
	const postsFor = (a: DeliveredAccount) => (byAccount.get(a.id) ?? []).filter((p) => inRange(p.published_at, range));
	const rows = accounts.map((a) => accountSummary(ctx.store, a, postsFor(a)));
	const posts = accounts.flatMap(postsFor);
	const m = sumMetrics(posts.map((p) => postMetrics(p.video.id)));
	const plan = ctx.user.plan;
	// Starter shows limited post visibility: the top 3 instead of 10.
	const topCount = includes(plan, 'series') ? 10 : 3;
	return ok(ctx, {
		tier: accessInfo(plan).level,
		access: accessInfo(plan),
		range: {
			from: range.from === null ? null : new Date(range.from).toISOString(),
			to: range.to === null ? null : new Date(range.to).toISOString(),
		},
		totals: {
			account_count: accounts.length,
			followers: accounts.reduce((sum, a) => sum + followersOf(a).followers, 0),
			tracked_posts: posts.length,
			...m,
			engagement_rate: engagementRate(m),
		},
		accounts: rows.sort((a, b) => (b.views as number) - (a.views as number)),
		top_posts: posts
			.sort((a, b) => postMetrics(b.video.id).views - postMetrics(a.video.id).views)
			.slice(0, topCount)
			.map((p) => postView(ctx.store, p)),
		audience: includes(plan, 'demographics') ? audience(accounts) : null,
		facets: {
			platforms: facet(accounts.map((a) => a.platform)),
			countries: facet(accounts.map((a) => a.country)),
			workspaces: [{ id: workspaceOf(ctx.owner), name: 'Default workspace' }],
		},
		contract: { version: ANALYTICS_CONTRACT_VERSION, plan },
	});
}

function seriesValue(metric: string, accounts: DeliveredAccount[], posts: TrackedPost[], day: number, today: number): number {
	if (metric === 'followers') return accounts.reduce((sum, a) => sum + followersOn(a, day, today), 0);
	const key = metric as 'views' | 'likes' | 'comments' | 'shares';
	return posts.reduce((sum, p) => sum + postMetricsOn(p, day, today)[key], 0);
}

function series(ctx: RouteContext): RouteResult {
	requireFeature(ctx, 'series');
	const one = (name: string, allowed: readonly string[], fallback: string) =>
		queryEnum(ctx.query, name, allowed).at(-1) ?? fallback;
	const metric = one('metric', SERIES_METRICS, 'views');
	const granularity = one('granularity', ['day', 'week'], 'day');
	const mode = one('mode', ['cumulative', 'gained', 'snapshot'], 'cumulative');
	const range = queryRange(ctx);
	const today = dayNumber(Date.now());
	const last = range.to === null ? today : Math.min(today, dayNumber(range.to));
	const first = range.from === null ? last - 29 : dayNumber(range.from);
	if (last - first + 1 > MAX_SERIES_DAYS) throw validationError('from', `A series covers at most ${MAX_SERIES_DAYS} days.`);
	const accounts = selectAccounts(ctx, accountFilters(ctx));
	const byAccount = postsByAccount(ctx.store, ctx.owner);
	const posts = accounts.flatMap((a) => byAccount.get(a.id) ?? []);
	const daily: Array<{ day: number; value: number; gained: number }> = [];
	for (let day = first; day <= last; day++) {
		const value = seriesValue(metric, accounts, posts, day, today);
		daily.push({ day, value, gained: value - seriesValue(metric, accounts, posts, day - 1, today) });
	}
	const pick = (d: { value: number; gained: number }) => (mode === 'gained' ? d.gained : d.value);
	let points = daily.map((d) => ({ date: dayString(d.day), value: pick(d) }));
	if (granularity === 'week') {
		// Buckets start on Monday (UTC); level modes show the last day of the bucket, `gained` its sum.
		const weeks = new Map<number, Array<{ value: number; gained: number }>>();
		for (const d of daily) {
			const monday = d.day - ((new Date(d.day * 86_400_000).getUTCDay() + 6) % 7);
			weeks.set(monday, [...(weeks.get(monday) ?? []), d]);
		}
		points = [...weeks.entries()].map(([monday, days]) => ({
			date: dayString(monday),
			value: mode === 'gained' ? days.reduce((sum, d) => sum + d.gained, 0) : (days.at(-1)?.value ?? 0),
		}));
	}
	return ok(ctx, {
		metric,
		granularity,
		mode,
		from: dayString(first),
		to: dayString(last),
		accounts: accounts.map((a) => a.id),
		points,
	});
}

/** The legacy/compat shape (GET /accounts/{id}/analytics), field names as the older docs show. */
function accountTotals(ctx: RouteContext, account: DeliveredAccount): Record<string, unknown> {
	const posts = postsOf(ctx.store, account);
	const m = sumMetrics(posts.map((p) => postMetrics(p.video.id)));
	const firstPost = posts.reduce((min, p) => Math.min(min, Date.parse(p.published_at)), Date.now());
	const weeks = Math.max(1, (Date.now() - firstPost) / (7 * 86_400_000));
	const { followers, following } = followersOf(account);
	return {
		account_id: account.id,
		followers_count: followers,
		following_count: following,
		total_videos_tracked: posts.length,
		total_views: m.views,
		total_likes: m.likes,
		total_comments: m.comments,
		total_shares: m.shares,
		total_bookmarks: m.bookmarks,
		average_engagement_rate: engagementRate(m),
		average_video_views: posts.length === 0 ? 0 : Math.round((m.views / posts.length) * 100) / 100,
		weekly_post_average: Math.round((posts.length / weeks) * 100) / 100,
		scraped_at: scrapedAt(ctx.store, account, posts),
	};
}

function compatAccount(ctx: RouteContext): RouteResult {
	requireFeature(ctx, 'account_analytics');
	return ok(ctx, accountTotals(ctx, ctx.store.ownedAccount(ctx.params.id, ctx.owner)));
}

function refreshInfo(ctx: RouteContext, account: DeliveredAccount): Record<string, unknown> {
	const last = ctx.store.state.analyticsRefreshes[account.id] ?? null;
	const next = last === null ? null : new Date(Date.parse(last) + REFRESH_COOLDOWN_MS).toISOString();
	const blocked = taskBlockReason(ctx.store, account);
	// Coverage does not gate analytics; a banned or detached account cannot be collected any more.
	const reason =
		blocked === 'account_banned' || blocked === 'management_ended'
			? blocked
			: next !== null && Date.parse(next) > Date.now()
				? 'cooldown'
				: null;
	return {
		account_id: account.id,
		can_refresh: reason === null,
		reason,
		last_refreshed_at: last,
		next_refresh_possible_at: reason === 'cooldown' ? next : reason === null ? ctx.store.now() : null,
		cooldown_seconds: REFRESH_COOLDOWN_MS / 1000,
	};
}

function v2Account(ctx: RouteContext): RouteResult {
	requireFeature(ctx, 'account_analytics');
	const account = ctx.store.ownedAccount(ctx.params.id, ctx.owner);
	const posts = postsOf(ctx.store, account);
	const info = refreshInfo(ctx, account);
	return ok(ctx, {
		account: {
			id: account.id,
			username: account.username,
			platform: account.platform,
			country: account.country,
			profile_url: account.profile_url,
			banned: account.banned,
		},
		access: accessInfo(ctx.user.plan),
		totals: accountTotals(ctx, account),
		top_posts: [...posts]
			.sort((a, b) => postMetrics(b.video.id).views - postMetrics(a.video.id).views)
			.slice(0, 5)
			.map((p) => postView(ctx.store, p)),
		audience: includes(ctx.user.plan, 'demographics') ? audience([account]) : null,
		refresh: { last_refreshed_at: info.last_refreshed_at, next_refresh_possible_at: info.next_refresh_possible_at },
	});
}

function accountVideos(ctx: RouteContext): RouteResult {
	requireFeature(ctx, 'video_analytics');
	const account = ctx.store.ownedAccount(ctx.params.id, ctx.owner);
	const sortBy = queryEnum(ctx.query, 'sort_by', SORTABLE).at(-1) ?? 'published_at';
	const order = queryEnum(ctx.query, 'sort_order', ['asc', 'desc']).at(-1) ?? 'desc';
	const rows = postsOf(ctx.store, account).map((p) => postView(ctx.store, p));
	const key = (r: Record<string, unknown>) => r[sortBy] as string | number;
	rows.sort((a, b) => {
		const diff = key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : String(a.video_id).localeCompare(String(b.video_id));
		return order === 'asc' ? diff : -diff;
	});
	const page = paginate(rows, ctx.query);
	return ok(ctx, page.data, { pagination: page.pagination });
}

function videoAnalytics(ctx: RouteContext): RouteResult {
	requireFeature(ctx, 'video_analytics');
	return ok(ctx, postView(ctx.store, ownedPost(ctx.store, ctx.params.id, ctx.owner)));
}

function getContract(ctx: RouteContext): RouteResult {
	return ok(ctx, contract(ctx.user.plan));
}

function canRefresh(ctx: RouteContext): RouteResult {
	requireFeature(ctx, 'refresh');
	return ok(ctx, refreshInfo(ctx, ctx.store.ownedAccount(ctx.params.id, ctx.owner)));
}

function refreshOptions(body: unknown): Json {
	if (body === undefined) return {};
	if (!isObject(body)) throw validationError('body', 'A JSON object body is required.');
	const unknown = Object.keys(body).find((k) => !REFRESH_FIELDS.includes(k));
	if (unknown) {
		throw new ApiError(400, 'UNKNOWN_FIELD', `Unknown field: ${unknown}. Refresh options are camelCase: ${REFRESH_FIELDS.join(', ')}.`, {
			field: unknown,
			allowed: REFRESH_FIELDS,
		});
	}
	const options: Json = {};
	for (const k of REFRESH_FIELDS.slice(0, 5)) options[k] = optBool(body, k) ?? false;
	options.postLimit = optInt(body, 'postLimit', 1, 100) ?? 25;
	return options;
}

function refresh(ctx: RouteContext): RouteResult {
	requireFeature(ctx, 'refresh');
	const account = ctx.store.ownedAccount(ctx.params.id, ctx.owner);
	const options = refreshOptions(ctx.body);
	const info = refreshInfo(ctx, account);
	if (info.reason === 'cooldown') {
		const next = info.next_refresh_possible_at as string;
		throw new ApiError(409, 'ANALYTICS_REFRESH_TOO_SOON', `Analytics of this account can be refreshed again at ${next}.`, {
			account_id: account.id,
			last_refreshed_at: info.last_refreshed_at,
			next_refresh_possible_at: next,
			retry_after_seconds: Math.max(1, Math.ceil((Date.parse(next) - Date.now()) / 1000)),
		});
	}
	if (info.reason !== null) {
		throw new ApiError(409, 'MANAGED_ACCOUNT_TASK_BLOCKED', 'Analytics of this account can no longer be collected.', {
			account_id: account.id,
			reason: info.reason,
		});
	}
	const now = ctx.store.now();
	ctx.store.state.analyticsRefreshes[account.id] = now;
	const posts = postsOf(ctx.store, account);
	return ok(ctx, {
		account_id: account.id,
		status: 'completed',
		refreshed_at: now,
		next_refresh_possible_at: new Date(Date.parse(now) + REFRESH_COOLDOWN_MS).toISOString(),
		posts_refreshed: options.includePosts ? Math.min(posts.length, options.postLimit as number) : 0,
		comments_refreshed: options.includeComments === true,
		options,
	});
}

export const analyticsRoutes: Array<RouteDef<RouteContext>> = [
	{ method: 'GET', path: '/analytics', handler: dashboard },
	{ method: 'GET', path: '/analytics/series', handler: series },
	{ method: 'GET', path: '/analytics/contract', handler: getContract },
	{ method: 'GET', path: '/analytics/accounts/:id', handler: v2Account },
	{ method: 'POST', path: '/analytics/accounts/:id/refresh', handler: refresh },
	{ method: 'GET', path: '/accounts/:id/analytics', handler: compatAccount },
	{ method: 'GET', path: '/accounts/:id/analytics/videos', handler: accountVideos },
	{ method: 'GET', path: '/accounts/:id/analytics/can-refresh', handler: canRefresh },
	{ method: 'POST', path: '/accounts/:id/analytics/refresh', handler: refresh },
	{ method: 'GET', path: '/videos/:id/analytics', handler: videoAnalytics },
];
