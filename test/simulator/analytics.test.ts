// Analytics v2 reads over real HTTP: plan contract and gates, deterministic totals across endpoints,
// filters, series, account/video analytics, refresh cooldown.
import { DEFAULT_API_KEY, type Simulator, STARTER_API_KEY, startSimulator } from './index';
import { client, postDeliveredVideos } from './testHelpers';

const CREATOR_KEY = `sk_${'c'.repeat(64)}`;
const OTHER_KEY = `sk_${'d'.repeat(64)}`;
let sim: Simulator;
let call: ReturnType<typeof client>;

beforeAll(async () => {
	sim = await startSimulator({
		seed: { accounts: 20, bundles: 20 },
		rateLimit: false,
		apiKeys: [DEFAULT_API_KEY, STARTER_API_KEY, CREATOR_KEY, OTHER_KEY],
		plans: { [CREATOR_KEY]: 'creator' },
	});
	call = client(sim);
	// More posted videos: every slot of the bundles being worked on with a delivered account is
	// configured, published and posted.
	await postDeliveredVideos(sim);
});
afterAll(() => sim.close());

const postedVideos = () =>
	sim.state.bundles.flatMap((b) =>
		b.videos.filter((v) => v.platform_url).map((v) => ({ ...v, accountId: (b.saved_account_id ?? b.existing_account_id) as string })),
	);

async function videoTotals(ids: string[]): Promise<Record<string, number>> {
	const sum: Record<string, number> = { views: 0, likes: 0, comments: 0, shares: 0, bookmarks: 0 };
	for (const id of ids) {
		const res = await call('GET', `/videos/${id}/analytics`);
		expect(res.status).toBe(200);
		for (const k of Object.keys(sum)) sum[k] += res.body.data[k];
	}
	return sum;
}

describe('plan contract and gates', () => {
	test('GET /analytics/contract says what each plan can read; every analytics response has the contract header', async () => {
		const full = await call('GET', '/analytics/contract');
		expect(full.status).toBe(200);
		expect(full.headers.get('x-tokportal-analytics-contract')).toBe('analytics-v2; plan=marketer; level=full');
		expect(full.body.data).toMatchObject({
			version: 'analytics-v2',
			plan: 'marketer',
			access: { level: 'full', planTier: 'marketer', reason: 'full_access' },
			features: { dashboard: true, series: true, export_videos_csv: true, reports: true, comments: true, raw_snapshots: true },
		});
		const starter = await call('GET', '/analytics/contract', { key: STARTER_API_KEY });
		expect(starter.body.data.features).toMatchObject({ dashboard: true, series: false, export_videos_csv: false, reports: false });
		expect(starter.body.data.endpoints).toContainEqual({
			method: 'GET',
			path: '/analytics/export/videos',
			feature: 'export_videos_csv',
			allowed: false,
			required_plan: 'creator',
		});
		const creator = await call('GET', '/analytics/contract', { key: CREATOR_KEY });
		expect(creator.body.data.features).toMatchObject({ export_videos_csv: true, raw_snapshots: false, comments: false });
	});

	test.each([
		['GET', '/analytics/export/videos', 'export_videos_csv', 'creator'],
		['GET', '/analytics/series', 'series', 'creator'],
		['POST', '/analytics/export/reports', 'reports', 'creator'],
		['POST', '/analytics/export/reports/html', 'reports', 'creator'],
		['GET', '/analytics/comments', 'comments', 'marketer'],
	])('Starter: %s %s → 403 naming the plan that includes it', async (method, path, feature, required) => {
		const res = await call(method, path, { key: STARTER_API_KEY, body: method === 'POST' ? {} : undefined });
		expect(res.status).toBe(403);
		expect(res.body.error).toMatchObject({
			code: 'ANALYTICS_PLAN_UPGRADE_REQUIRED',
			details: { feature, current_plan: 'starter', required_plan: required, contract_endpoint: '/analytics/contract' },
		});
		expect(res.body.error.message).toContain(required === 'creator' ? 'Creator plan' : 'Marketer plan');
	});

	test('Creator reads series and exports but not raw snapshots or comments', async () => {
		expect((await call('GET', '/analytics/series', { key: CREATOR_KEY })).status).toBe(200);
		expect((await call('GET', '/analytics/export/videos', { key: CREATOR_KEY })).status).toBe(200);
		const raw = await call('GET', `/analytics/posts/${postedVideos()[0].id}/raw`, { key: CREATOR_KEY });
		expect([raw.status, raw.body.error.details.required_plan]).toEqual([403, 'marketer']);
	});
});

describe('dashboard', () => {
	test('totals equal the sum of the per-video analytics; per-account lines add up', async () => {
		const res = await call('GET', '/analytics');
		expect(res.status).toBe(200);
		const videos = postedVideos();
		expect(videos.length).toBeGreaterThanOrEqual(8);
		// Posted videos count whatever their review status (auto-finalized or waiting for review).
		expect(new Set(videos.map((v) => v.status))).toEqual(new Set(['in_review', 'finalized']));
		const sum = await videoTotals(videos.map((v) => v.id));
		const { totals, accounts } = res.body.data;
		expect(totals).toMatchObject({ ...sum, tracked_posts: videos.length, account_count: sim.state.accounts.length });
		expect(totals.engagement_rate).toBeCloseTo(((sum.likes + sum.comments + sum.shares + sum.bookmarks) / sum.views) * 100, 2);
		expect(accounts.reduce((n: number, a: { views: number }) => n + a.views, 0)).toBe(sum.views);
		expect(accounts.reduce((n: number, a: { followers: number }) => n + a.followers, 0)).toBe(totals.followers);
		expect(res.body.data.top_posts).toHaveLength(Math.min(10, videos.length));
		expect(res.body.data.audience.countries.length).toBeGreaterThan(0);
		expect(res.body.data.access).toEqual({ level: 'full', planTier: 'marketer', reason: 'full_access' });
	});

	test('filters: platform and account repeat, country aliases, workspace, date range; invalid dates → 400', async () => {
		const byPlatform = await call('GET', '/analytics?platform=tiktok&platform=instagram');
		expect(byPlatform.body.data.totals.account_count).toBe(sim.state.accounts.filter((a) => a.platform !== 'youtube').length);
		const [a, b] = [...new Set(postedVideos().map((v) => v.accountId))];
		const two = await call('GET', `/analytics?account=${a}&account=${b}`);
		const expected = await videoTotals(postedVideos().filter((v) => v.accountId === a || v.accountId === b).map((v) => v.id));
		expect(two.body.data.totals).toMatchObject({ account_count: 2, views: expected.views, likes: expected.likes });
		// Accounts show ISO codes; the filter takes them or TokPortal's codes, in any case.
		const us = await call('GET', '/analytics?country=US');
		const usCount = sim.state.accounts.filter((x) => x.country === 'US').length;
		expect([usCount > 0, us.body.data.totals.account_count]).toEqual([true, usCount]);
		expect(us.body.data.accounts.every((x: { country: string }) => x.country === 'US')).toBe(true);
		expect((await call('GET', '/analytics?country=usa')).body.data.totals).toEqual(us.body.data.totals);
		const uk = await call('GET', '/analytics?country=UK&country=GB');
		expect(uk.body.data.totals.account_count).toBe(sim.state.accounts.filter((x) => x.country === 'GB').length);
		expect((await call('GET', '/analytics?workspace=ws_user_1')).body.data.totals.account_count).toBe(sim.state.accounts.length);
		expect((await call('GET', '/analytics?workspace=ws_other')).body.data.totals).toMatchObject({ account_count: 0, views: 0 });
		const future = await call('GET', '/analytics?from=2099-01-01');
		expect(future.body.data.totals).toMatchObject({ tracked_posts: 0, views: 0 });
		for (const q of ['from=yesterday', 'to=2026-13-45', 'from=2026-05-02&to=2026-05-01', 'platform=myspace']) {
			const bad = await call('GET', `/analytics?${q}`);
			expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_ERROR']);
		}
	});

	test('the same seed gives the same numbers in another simulator', async () => {
		const again = await startSimulator({ seed: { accounts: 20, bundles: 20 }, rateLimit: false });
		try {
			await postDeliveredVideos(again);
			const other = await client(again)('GET', '/analytics');
			const mine = await call('GET', '/analytics');
			expect(other.body.data.totals).toEqual(mine.body.data.totals);
			// Only scraped_at (the time the videos were posted here) differs.
			const numbers = (rows: Array<Record<string, unknown>>) => rows.map(({ scraped_at: _, ...rest }) => rest);
			expect(numbers(other.body.data.accounts)).toEqual(numbers(mine.body.data.accounts));
		} finally {
			await again.close();
		}
	});

	test('Starter sees totals with 3 top posts and no audience; another user sees none of these accounts', async () => {
		const starterSim = await startSimulator({ seed: { accounts: 20, bundles: 20 }, rateLimit: false, plans: { [DEFAULT_API_KEY]: 'starter' } });
		try {
			const res = await client(starterSim)('GET', '/analytics');
			expect(res.body.data).toMatchObject({ tier: 'basic', audience: null, access: { planTier: 'starter' } });
			expect(res.body.data.top_posts.length).toBeLessThanOrEqual(3);
		} finally {
			await starterSim.close();
		}
		const other = await call('GET', '/analytics', { key: OTHER_KEY });
		expect(other.body.data.totals).toMatchObject({ account_count: 0, views: 0 });
	});
});

describe('accounts and videos', () => {
	const accountWithPosts = () => {
		const counts = new Map<string, number>();
		for (const v of postedVideos()) counts.set(v.accountId, (counts.get(v.accountId) ?? 0) + 1);
		return [...counts.entries()].sort((x, y) => y[1] - x[1])[0];
	};

	test('GET /accounts/{id}/analytics (spec 002) and /analytics/accounts/{id} agree with the video list', async () => {
		const [id, posts] = accountWithPosts();
		const compat = await call('GET', `/accounts/${id}/analytics`);
		expect(Object.keys(compat.body.data).sort()).toEqual(
			[
				'account_id',
				'followers_count',
				'following_count',
				'total_videos_tracked',
				'total_views',
				'total_likes',
				'total_comments',
				'total_shares',
				'total_bookmarks',
				'average_engagement_rate',
				'average_video_views',
				'weekly_post_average',
				'scraped_at',
			].sort(),
		);
		const sum = await videoTotals(postedVideos().filter((v) => v.accountId === id).map((v) => v.id));
		expect(compat.body.data).toMatchObject({ account_id: id, total_videos_tracked: posts, total_views: sum.views, total_likes: sum.likes });
		expect(compat.body.data.average_video_views).toBeCloseTo(sum.views / posts, 2);
		const v2 = await call('GET', `/analytics/accounts/${id}`);
		expect(v2.body.data.totals).toEqual(compat.body.data);
		expect(v2.body.data.account).toMatchObject({ id, banned: false });
		expect(v2.body.data.top_posts.length).toBe(Math.min(5, posts));
	});

	test('GET /accounts/{id}/analytics/videos paginates and sorts', async () => {
		const [id, posts] = accountWithPosts();
		const all = await call('GET', `/accounts/${id}/analytics/videos?sort_by=views&sort_order=desc&per_page=100`);
		expect(all.body.pagination).toEqual({ page: 1, per_page: 100, total: posts, total_pages: 1 });
		const views = all.body.data.map((v: { views: number }) => v.views);
		expect(views).toEqual([...views].sort((x, y) => y - x));
		const page2 = await call('GET', `/accounts/${id}/analytics/videos?sort_by=views&sort_order=desc&per_page=1&page=2`);
		expect(page2.body.data[0].video_id).toBe(all.body.data[1].video_id);
		const asc = await call('GET', `/accounts/${id}/analytics/videos?sort_by=published_at&sort_order=asc&per_page=100`);
		const dates = asc.body.data.map((v: { published_at: string }) => v.published_at);
		expect(dates).toEqual([...dates].sort());
		expect((await call('GET', `/accounts/${id}/analytics/videos?sort_by=color`)).status).toBe(400);
		expect((await call('GET', `/accounts/${id}/analytics/videos?sort_order=up`)).status).toBe(400);
	});

	test('video analytics: shape, unposted → ANALYTICS_NOT_FOUND, unknown/foreign → VIDEO_NOT_FOUND, foreign account → 403', async () => {
		const video = postedVideos()[0];
		const res = await call('GET', `/videos/${video.id}/analytics`);
		expect(res.body.data).toMatchObject({
			video_id: video.id,
			account_id: video.accountId,
			platform_url: video.platform_url,
			published_at: video.posted_at,
			views: expect.any(Number),
			engagement_rate: expect.any(Number),
		});
		const unposted = sim.state.bundles.flatMap((b) => b.videos).find((v) => !v.platform_url)!;
		const notYet = await call('GET', `/videos/${unposted.id}/analytics`);
		expect([notYet.status, notYet.body.error.code]).toEqual([404, 'ANALYTICS_NOT_FOUND']);
		const unknown = await call('GET', '/videos/00000000-0000-4000-8000-000000000000/analytics');
		expect([unknown.status, unknown.body.error.code]).toEqual([404, 'VIDEO_NOT_FOUND']);
		const foreign = await call('GET', `/videos/${video.id}/analytics`, { key: OTHER_KEY });
		expect([foreign.status, foreign.body.error.code]).toEqual([404, 'VIDEO_NOT_FOUND']);
		const foreignAccount = await call('GET', `/accounts/${video.accountId}/analytics`, { key: OTHER_KEY });
		expect([foreignAccount.status, foreignAccount.body.error.code]).toEqual([403, 'SAVED_ACCOUNT_NOT_OWNED']);
	});
});

describe('series', () => {
	test('daily cumulative views end at the dashboard total; gained points add up to the change', async () => {
		const total = (await call('GET', '/analytics')).body.data.totals.views;
		const cumulative = await call('GET', '/analytics/series?metric=views&granularity=day&mode=cumulative');
		expect(cumulative.body.data).toMatchObject({ metric: 'views', granularity: 'day', mode: 'cumulative' });
		expect(cumulative.body.data.points).toHaveLength(30);
		expect(cumulative.body.data.points.at(-1)).toEqual({ date: new Date().toISOString().slice(0, 10), value: total });
		const gained = await call('GET', '/analytics/series?metric=views&mode=gained');
		const first = cumulative.body.data.points[0].value - gained.body.data.points[0].value;
		const sumGained = gained.body.data.points.reduce((n: number, p: { value: number }) => n + p.value, 0);
		expect(first + sumGained).toBe(total);
	});

	test('range, weekly buckets from Monday, followers per account, validation', async () => {
		const account = sim.state.accounts[0];
		const days = await call('GET', `/analytics/series?metric=followers&mode=snapshot&account=${account.id}&from=2026-04-01&to=2026-04-14`);
		expect(days.body.data).toMatchObject({ from: '2026-04-01', to: '2026-04-14', accounts: [account.id] });
		expect(days.body.data.points).toHaveLength(14);
		const weeks = await call('GET', `/analytics/series?metric=followers&granularity=week&account=${account.id}&from=2026-04-01&to=2026-04-14`);
		expect(weeks.body.data.points.map((p: { date: string }) => p.date)).toEqual(['2026-03-30', '2026-04-06', '2026-04-13']);
		expect(weeks.body.data.points[2].value).toBe(days.body.data.points[13].value);
		for (const q of ['metric=saves', 'granularity=month', 'mode=total', 'from=2025-01-01&to=2026-06-01']) {
			const bad = await call('GET', `/analytics/series?${q}`);
			expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_ERROR']);
		}
	});
});

describe('refresh', () => {
	test('can-refresh → refresh → cooldown with the next possible time; both refresh paths share it', async () => {
		const account = sim.state.accounts.find((a) => !a.banned)!;
		const before = await call('GET', `/accounts/${account.id}/analytics/can-refresh`);
		expect(before.body.data).toMatchObject({ account_id: account.id, can_refresh: true, reason: null, cooldown_seconds: 3600 });
		const done = await call('POST', `/accounts/${account.id}/analytics/refresh`, { body: { includePosts: true, postLimit: 5 } });
		expect(done.status).toBe(200);
		expect(done.body.data).toMatchObject({ account_id: account.id, status: 'completed', options: { includePosts: true, postLimit: 5, force: false } });
		const next = done.body.data.next_refresh_possible_at;
		expect(Date.parse(next) - Date.parse(done.body.data.refreshed_at)).toBe(3_600_000);
		const after = await call('GET', `/accounts/${account.id}/analytics/can-refresh`);
		expect(after.body.data).toMatchObject({ can_refresh: false, reason: 'cooldown', next_refresh_possible_at: next });
		const again = await call('POST', `/analytics/accounts/${account.id}/refresh`, { body: { force: true } });
		expect(again.status).toBe(409);
		expect(again.body.error).toMatchObject({ code: 'ANALYTICS_REFRESH_TOO_SOON', details: { next_refresh_possible_at: next } });
		expect(again.body.error.message).toContain(next);
		expect((await call('GET', `/accounts/${account.id}/analytics`)).body.data.scraped_at).toBe(done.body.data.refreshed_at);
	});

	test('idempotent replay, dry run leaves no cooldown, camelCase fields only, banned accounts refused', async () => {
		const [a, b] = sim.state.accounts.filter((x) => !x.banned && !sim.state.analyticsRefreshes[x.id]);
		const headers = { 'Idempotency-Key': 'refresh-1' };
		const first = await call('POST', `/accounts/${a.id}/analytics/refresh`, { body: {}, headers });
		const replay = await call('POST', `/accounts/${a.id}/analytics/refresh`, { body: {}, headers });
		expect(replay.headers.get('idempotent-replayed')).toBe('true');
		expect(replay.body).toEqual(first.body);
		expect(replay.headers.get('x-tokportal-analytics-contract')).toContain('plan=marketer');
		const dry = await call('POST', `/accounts/${b.id}/analytics/refresh`, { headers: { 'X-TokPortal-Dry-Run': 'true' } });
		expect(dry.body).toMatchObject({ dry_run: true, data: { status: 'completed' } });
		expect(sim.state.analyticsRefreshes[b.id]).toBeUndefined();
		const snake = await call('POST', `/accounts/${b.id}/analytics/refresh`, { body: { include_posts: true } });
		expect([snake.status, snake.body.error.code, snake.body.error.details.field]).toEqual([400, 'UNKNOWN_FIELD', 'include_posts']);
		const limit = await call('POST', `/accounts/${b.id}/analytics/refresh`, { body: { postLimit: 0 } });
		expect(limit.body.error.details.field).toBe('postLimit');
		const banned = sim.state.accounts.find((x) => x.banned)!;
		const check = await call('GET', `/accounts/${banned.id}/analytics/can-refresh`);
		expect(check.body.data).toMatchObject({ can_refresh: false, reason: 'account_banned', next_refresh_possible_at: null });
		const refused = await call('POST', `/accounts/${banned.id}/analytics/refresh`, { body: {} });
		expect(refused.body.error).toMatchObject({ code: 'MANAGED_ACCOUNT_TASK_BLOCKED', details: { reason: 'account_banned' } });
	});
});
