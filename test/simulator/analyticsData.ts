// Deterministic analytics: every posted video (a slot with a platform_url, whatever its review status)
// of a delivered account is a tracked post, live since the manager posted it (`posted_at`, shown as the
// post's `published_at`), whose final metrics derive from its id; history (series, raw snapshots)
// grows linearly to today's value over the post's first 14 days (an account's followers over 60
// days). Same ids → same numbers on every endpoint and run.
import { ApiError } from './errors';
import { stableInt, stableUuid } from './stable';
import type { Store } from './store';
import type { Bundle, DeliveredAccount, VideoSlot } from './types';

export const DAY_MS = 86_400_000;
const POST_GROWTH_DAYS = 14;
const FOLLOWER_GROWTH_DAYS = 60;

export interface PostMetrics {
	views: number;
	likes: number;
	comments: number;
	shares: number;
	bookmarks: number;
}

export interface TrackedPost {
	video: VideoSlot;
	bundle: Bundle;
	account: DeliveredAccount;
	/** When the post went live on the platform (the slot's posted_at, not its submission published_at). */
	published_at: string;
	platform_url: string;
}

/** The tracked post of a slot, or null while it is not live (not posted yet). */
function trackedPost(video: VideoSlot, bundle: Bundle, account: DeliveredAccount): TrackedPost | null {
	if (!video.platform_url || !video.posted_at) return null;
	return { video, bundle, account, published_at: video.posted_at, platform_url: video.platform_url };
}

export const METRIC_NAMES = ['views', 'likes', 'comments', 'shares', 'bookmarks'] as const;

/** The final (today's) metrics of a post. */
export function postMetrics(videoId: string): PostMetrics {
	const views = stableInt(`${videoId}:views`, 800, 250_000);
	const likes = Math.floor((views * stableInt(`${videoId}:like-rate`, 30, 120)) / 1000);
	return {
		views,
		likes,
		comments: Math.floor((likes * stableInt(`${videoId}:comment-rate`, 2, 8)) / 100),
		shares: Math.floor((likes * stableInt(`${videoId}:share-rate`, 3, 15)) / 100),
		bookmarks: Math.floor((likes * stableInt(`${videoId}:save-rate`, 5, 20)) / 100),
	};
}

export function followersOf(account: DeliveredAccount): { followers: number; following: number } {
	return {
		followers: stableInt(`${account.id}:followers`, 200, 80_000),
		following: stableInt(`${account.id}:following`, 40, 900),
	};
}

export function engagementRate(m: PostMetrics): number {
	if (m.views === 0) return 0;
	return Math.round(((m.likes + m.comments + m.shares + m.bookmarks) / m.views) * 10_000) / 100;
}

export function sumMetrics(list: PostMetrics[]): PostMetrics {
	const sum: PostMetrics = { views: 0, likes: 0, comments: 0, shares: 0, bookmarks: 0 };
	for (const m of list) for (const k of METRIC_NAMES) sum[k] += m[k];
	return sum;
}

/** Whole UTC days since the epoch. */
export function dayNumber(iso: string | number): number {
	return Math.floor((typeof iso === 'number' ? iso : Date.parse(iso)) / DAY_MS);
}

export function dayString(day: number): string {
	return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Fraction of the final value reached on `day`: linear from the start day, complete by today. */
function growth(startDay: number, day: number, today: number, span: number): number {
	if (day < startDay) return 0;
	const full = Math.min(span, today - startDay + 1);
	return Math.min(1, (day - startDay + 1) / full);
}

export function postMetricsOn(post: TrackedPost, day: number, today: number): PostMetrics {
	const final = postMetrics(post.video.id);
	const f = growth(dayNumber(post.published_at), day, today, POST_GROWTH_DAYS);
	const out = { ...final };
	for (const k of METRIC_NAMES) out[k] = Math.floor(final[k] * f);
	return out;
}

export function followersOn(account: DeliveredAccount, day: number, today: number): number {
	return Math.floor(followersOf(account).followers * growth(dayNumber(account.created_at), day, today, FOLLOWER_GROWTH_DAYS));
}

/** Posted videos of this user's bundles, grouped by the delivered account they were posted on. */
export function postsByAccount(store: Store, owner: string): Map<string, TrackedPost[]> {
	const accounts = new Map(store.state.accounts.filter((a) => a.owner_id === owner).map((a) => [a.id, a]));
	const out = new Map<string, TrackedPost[]>();
	for (const bundle of store.state.bundles) {
		if (bundle.owner_id !== owner) continue;
		const account = accounts.get(bundle.saved_account_id ?? bundle.existing_account_id ?? '');
		if (!account) continue;
		for (const video of bundle.videos) {
			const post = trackedPost(video, bundle, account);
			if (!post) continue;
			out.set(account.id, [...(out.get(account.id) ?? []), post]);
		}
	}
	return out;
}

export function postsOf(store: Store, account: DeliveredAccount): TrackedPost[] {
	return postsByAccount(store, account.owner_id).get(account.id) ?? [];
}

/**
 * A video of this user's bundles by id. Foreign and unknown ids both answer 404 (a video id is not
 * worth confirming to another user); an unposted video has no analytics yet.
 */
export function ownedPost(store: Store, videoId: string, owner: string): TrackedPost {
	for (const bundle of store.state.bundles) {
		const video = bundle.videos.find((v) => v.id === videoId);
		if (!video) continue;
		if (bundle.owner_id !== owner) break;
		const account = store.state.accounts.find((a) => a.id === (bundle.saved_account_id ?? bundle.existing_account_id));
		const post = account && trackedPost(video, bundle, account);
		if (!post) {
			throw new ApiError(404, 'ANALYTICS_NOT_FOUND', 'No analytics data for this video yet: it has not been posted.', {
				video_id: videoId,
				status: video.status,
			});
		}
		return post;
	}
	throw new ApiError(404, 'VIDEO_NOT_FOUND', 'Video not found.', { video_id: videoId });
}

/** When the account's numbers were last collected: the last refresh, else its newest post or creation. */
export function scrapedAt(store: Store, account: DeliveredAccount, posts: TrackedPost[]): string {
	const refreshed = store.state.analyticsRefreshes[account.id];
	if (refreshed) return refreshed;
	return posts.reduce((latest, p) => (p.published_at > latest ? p.published_at : latest), account.created_at);
}

export function postView(store: Store, post: TrackedPost): Record<string, unknown> {
	const m = postMetrics(post.video.id);
	return {
		video_id: post.video.id,
		bundle_id: post.bundle.id,
		position: post.video.position,
		account_id: post.account.id,
		username: post.account.username,
		platform: post.account.platform,
		country: post.account.country,
		platform_url: post.platform_url,
		published_at: post.published_at,
		...m,
		engagement_rate: engagementRate(m),
		scraped_at: scrapedAt(store, post.account, [post]),
	};
}

/** One account's line in the dashboard, reports and exports: its followers and its posts' totals. */
export function accountSummary(store: Store, account: DeliveredAccount, posts: TrackedPost[]): Record<string, unknown> {
	const m = sumMetrics(posts.map((p) => postMetrics(p.video.id)));
	return {
		account_id: account.id,
		username: account.username,
		platform: account.platform,
		country: account.country,
		followers: followersOf(account).followers,
		tracked_posts: posts.length,
		...m,
		engagement_rate: engagementRate(m),
		scraped_at: scrapedAt(store, account, posts),
	};
}

/** The last path segment of the post URL: TikTok's numeric id or Instagram's reel code. */
export function platformPostId(post: TrackedPost): string {
	return post.platform_url.replace(/\/+$/, '').split('/').at(-1) ?? '';
}

const AUTHORS = ['mia', 'leo', 'zoe', 'sam', 'ava', 'kai', 'noa', 'eli', 'ivy', 'max', 'lou', 'rio'];
const PHRASES: ReadonlyArray<{ text: string; sentiment: 'positive' | 'neutral' | 'negative' }> = [
	{ text: 'Love this, where is it from?', sentiment: 'positive' },
	{ text: 'So good 🔥', sentiment: 'positive' },
	{ text: 'Saving this for later', sentiment: 'positive' },
	{ text: 'Need the link please', sentiment: 'neutral' },
	{ text: 'What song is this?', sentiment: 'neutral' },
	{ text: 'First!', sentiment: 'neutral' },
	{ text: 'Not convinced, tried it and it broke', sentiment: 'negative' },
	{ text: 'Too expensive for what it is', sentiment: 'negative' },
];
const MAX_SAMPLED_COMMENTS = 40;

export interface SampleComment {
	id: string;
	video_id: string;
	account_id: string;
	platform: string;
	author_handle: string;
	text: string;
	sentiment: 'positive' | 'neutral' | 'negative';
	like_count: number;
	posted_at: string;
}

/** The stored comment sample of a post (up to 40, newest first), fixed for its id. */
export function commentsOf(post: TrackedPost): SampleComment[] {
	const count = Math.min(postMetrics(post.video.id).comments, MAX_SAMPLED_COMMENTS);
	const published = Date.parse(post.published_at);
	return Array.from({ length: count }, (_, i) => {
		const seed = `${post.video.id}:comment:${i}`;
		const phrase = PHRASES[stableInt(`${seed}:text`, 0, PHRASES.length - 1)];
		return {
			id: stableUuid(seed),
			video_id: post.video.id,
			account_id: post.account.id,
			platform: post.account.platform,
			author_handle: `${AUTHORS[stableInt(`${seed}:author`, 0, AUTHORS.length - 1)]}${stableInt(`${seed}:n`, 10, 999)}`,
			text: phrase.text,
			sentiment: phrase.sentiment,
			like_count: stableInt(`${seed}:likes`, 0, 300),
			posted_at: new Date(published + (i + 1) * stableInt(`${seed}:delay`, 5, 90) * 60_000).toISOString(),
		};
	}).sort((a, b) => (a.posted_at < b.posted_at ? 1 : -1));
}
