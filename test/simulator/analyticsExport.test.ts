// Analytics exports and Marketer+ insights over real HTTP: the video CSV, shareable reports (secret
// token, no Idempotency-Key), the HTML report, comment pulse, account comments, raw snapshots.
import { parseCsv } from './csv';
import { type Simulator, startSimulator } from './index';
import { client, postDeliveredVideos } from './testHelpers';

let sim: Simulator;
let call: ReturnType<typeof client>;

beforeAll(async () => {
	sim = await startSimulator({ seed: { accounts: 12, bundles: 10 }, rateLimit: false });
	call = client(sim);
	await postDeliveredVideos(sim);
});
afterAll(() => sim.close());

const posted = () =>
	sim.state.bundles.flatMap((b) =>
		b.videos.filter((v) => v.platform_url).map((v) => ({ video: v, accountId: (b.saved_account_id ?? b.existing_account_id) as string })),
	);

/** The rows of an export, read with the simulator's RFC 4180 reader (the CSV import's, not the writer). */
function csvRows(text: string): string[][] {
	const parsed = parseCsv(text);
	if (!parsed) throw new Error('unterminated quote in the export');
	return parsed;
}

describe('GET /analytics/export/videos', () => {
	test('text/csv file with the documented columns, one row per posted video, values as the video analytics', async () => {
		const account = sim.state.accounts.find((a) => a.id === posted()[0].accountId)!;
		account.visible_name = 'Street, "NYC"';
		const res = await call('GET', '/analytics/export/videos');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="tokportal-video-analytics-\d{4}-\d{2}-\d{2}\.csv"$/);
		expect(res.headers.get('x-tokportal-analytics-contract')).toContain('analytics-v2');
		expect(res.body.endsWith('\r\n')).toBe(true);
		const [header, ...rows] = csvRows(res.body);
		expect(header).toEqual([
			'video_id',
			'account_id',
			'username',
			'account_name',
			'platform',
			'country',
			'bundle_id',
			'position',
			'platform_url',
			'published_at',
			'views',
			'likes',
			'comments',
			'shares',
			'bookmarks',
			'engagement_rate',
		]);
		expect(rows).toHaveLength(posted().length);
		const quoted = rows.find((r) => r[1] === account.id)!;
		expect(quoted[3]).toBe('Street, "NYC"');
		expect(res.body).toContain('"Street, ""NYC"""');
		const video = (await call('GET', `/videos/${quoted[0]}/analytics`)).body.data;
		expect(quoted.slice(10).map(Number)).toEqual([
			video.views,
			video.likes,
			video.comments,
			video.shares,
			video.bookmarks,
			video.engagement_rate,
		]);
	});

	test('filters: account, q, platform, range; an empty selection is the header row alone', async () => {
		const { accountId } = posted()[0];
		const mine = await call('GET', `/analytics/export/videos?account=${accountId}`);
		expect(csvRows(mine.body).slice(1).every((r) => r[1] === accountId)).toBe(true);
		const username = sim.state.accounts.find((a) => a.id === accountId)!.username;
		const byQuery = await call('GET', `/analytics/export/videos?q=${encodeURIComponent(username.toUpperCase())}`);
		expect(csvRows(byQuery.body).slice(1).every((r) => r[2] === username)).toBe(true);
		const none = await call('GET', '/analytics/export/videos?from=2099-01-01');
		expect(none.body).toBe(`${csvRows(mine.body)[0].join(',')}\r\n`);
		const bad = await call('GET', '/analytics/export/videos?to=soon');
		expect([bad.status, bad.headers.get('content-type'), bad.body.error.code]).toEqual([400, 'application/json', 'VALIDATION_ERROR']);
	});
});

describe('reports', () => {
	const spec = { title: 'Acme weekly', template: 'agency', brandName: 'Acme', brandAccent: '#FF0050', platforms: ['tiktok', 'instagram'] };

	test('POST /analytics/export/reports → shareable url + private token (shown once); Idempotency-Key refused', async () => {
		const res = await call('POST', '/analytics/export/reports', { body: spec });
		expect(res.status).toBe(201);
		expect(res.body.data).toMatchObject({
			url: expect.stringMatching(/^https:\/\/reports\.tokportal\.test\/r\/[0-9a-f-]{36}$/),
			token: expect.stringMatching(/^rpt_[0-9a-f]{48}$/),
			title: 'Acme weekly',
			template: 'agency',
			brand_name: 'Acme',
			filters: { platforms: ['tiktok', 'instagram'], countries: [], account_ids: [] },
			totals: { account_count: expect.any(Number), views: expect.any(Number) },
		});
		expect(sim.state.analyticsReports.at(-1)!.token).toBe(res.body.data.token);
		const keyed = await call('POST', '/analytics/export/reports', { body: spec, headers: { 'Idempotency-Key': 'r-1' } });
		expect([keyed.status, keyed.body.error.code]).toEqual([400, 'IDEMPOTENCY_KEY_NOT_ALLOWED_FOR_SENSITIVE_RESPONSE']);
		const dry = await call('POST', '/analytics/export/reports', { body: spec, headers: { 'X-TokPortal-Dry-Run': 'true' } });
		expect(dry.body).toMatchObject({ dry_run: true, data: { url: null, token: null } });
	});

	test.each([
		[{ template: 'fancy' }, 'VALIDATION_ERROR', 'template'],
		[{ brandAccent: 'red' }, 'VALIDATION_ERROR', 'brandAccent'],
		[{ platforms: ['youtube'] }, 'VALIDATION_ERROR', 'platforms'],
		[{ countries: ['ZZ'] }, 'VALIDATION_ERROR', 'countries'],
		[{ from: '2026-06-02', to: '2026-06-01' }, 'VALIDATION_ERROR', 'from'],
		[{ workspaceId: 'ws_someone' }, 'VALIDATION_ERROR', 'workspaceId'],
		[{ account_ids: [] }, 'UNKNOWN_FIELD', 'account_ids'],
	])('%# report body %j → 400 %s (%s)', async (body, code, field) => {
		const res = await call('POST', '/analytics/export/reports', { body });
		expect([res.status, res.body.error.code, res.body.error.details.field]).toEqual([400, code, field]);
	});

	test('accountIds must be delivered accounts of this user', async () => {
		const res = await call('POST', '/analytics/export/reports', { body: { accountIds: ['00000000-0000-4000-8000-000000000000'] } });
		expect([res.status, res.body.error.code]).toEqual([404, 'SAVED_ACCOUNT_NOT_FOUND']);
	});

	test('POST /analytics/export/reports/html → an escaped HTML document, replayed by Idempotency-Key', async () => {
		const body = { ...spec, title: '<script>alert(1)</script> Q3', accountIds: [posted()[0].accountId] };
		const headers = { 'Idempotency-Key': 'html-1' };
		const res = await call('POST', '/analytics/export/reports/html', { body, headers });
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="tokportal-report-[\d-]+\.html"$/);
		expect(res.body.startsWith('<!DOCTYPE html>')).toBe(true);
		expect(res.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Q3');
		expect(res.body).not.toContain('<script>');
		const username = sim.state.accounts.find((a) => a.id === posted()[0].accountId)!.username;
		expect(res.body).toContain(`<td>${username}</td>`);
		const replay = await call('POST', '/analytics/export/reports/html', { body, headers });
		expect(replay.headers.get('idempotent-replayed')).toBe('true');
		expect(replay.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(replay.body).toBe(res.body);
		const dry = await call('POST', '/analytics/export/reports/html', { body, headers: { 'X-TokPortal-Dry-Run': 'true' } });
		expect(dry.headers.get('content-type')).toBe('application/json');
		expect(dry.body).toMatchObject({ data: null, dry_run: true });
	});
});

describe('Marketer+ insights', () => {
	test('comment pulse: sentiment adds up, limit and postLimit, post filter', async () => {
		const res = await call('GET', '/analytics/comments?limit=5&postLimit=3');
		expect(res.status).toBe(200);
		const { summary, posts, comments } = res.body.data;
		expect(posts.length).toBeLessThanOrEqual(3);
		expect(comments).toHaveLength(5);
		expect(summary.comments_analyzed).toBe(posts.reduce((n: number, p: { comments_count: number }) => n + p.comments_count, 0));
		const s = summary.sentiment;
		expect(s.positive + s.neutral + s.negative).toBe(summary.comments_analyzed);
		const dates = comments.map((c: { posted_at: string }) => c.posted_at);
		expect(dates).toEqual([...dates].sort().reverse());
		const one = posted()[0].video.id;
		const filtered = await call('GET', `/analytics/comments?post=${one}`);
		expect(filtered.body.data.posts.map((p: { video_id: string }) => p.video_id)).toEqual([one]);
		expect((await call('GET', '/analytics/comments?limit=101')).status).toBe(400);
		expect((await call('GET', '/analytics/comments?postLimit=0')).status).toBe(400);
	});

	test("an account's comments by trackedPostId or platform postId", async () => {
		const { video, accountId } = posted()[0];
		const all = await call('GET', `/analytics/accounts/${accountId}/comments?limit=100`);
		expect(all.body.data.every((c: { account_id: string }) => c.account_id === accountId)).toBe(true);
		const tracked = await call('GET', `/analytics/accounts/${accountId}/comments?trackedPostId=${video.id}&limit=100`);
		expect(tracked.body.data.length).toBeGreaterThan(0);
		expect(tracked.body.data.every((c: { video_id: string }) => c.video_id === video.id)).toBe(true);
		const postId = video.platform_url!.replace(/\/+$/, '').split('/').at(-1);
		const byPlatformId = await call('GET', `/analytics/accounts/${accountId}/comments?postId=${postId}&limit=100`);
		expect(byPlatformId.body.data).toEqual(tracked.body.data);
	});

	test('raw snapshots: one per day newest first, limit, source, range', async () => {
		const { video, accountId } = posted()[0];
		const raw = await call('GET', `/analytics/accounts/${accountId}/raw?limit=3&source=public`);
		expect(raw.body.data).toHaveLength(3);
		expect(raw.body.data[0]).toMatchObject({ account_id: accountId, source: 'public', payload: { follower_count: expect.any(Number) } });
		const days = raw.body.data.map((r: { captured_at: string }) => r.captured_at.slice(0, 10));
		expect(days[0]).toBe(new Date().toISOString().slice(0, 10));
		expect(new Set(days).size).toBe(3);
		const post = await call('GET', `/analytics/posts/${video.id}/raw?limit=100`);
		const today = (await call('GET', `/videos/${video.id}/analytics`)).body.data;
		expect(post.body.data[0].payload).toMatchObject({ play_count: today.views, like_count: today.likes });
		// From the day it was posted (or 100 days back at most) to today.
		const day = (iso: string) => Math.floor(Date.parse(iso) / 86_400_000);
		const span = day(new Date().toISOString()) - day(video.posted_at!) + 1;
		expect(post.body.data).toHaveLength(Math.min(100, span));
		const ranged = await call('GET', `/analytics/accounts/${accountId}/raw?from=2026-05-01&to=2026-05-03`);
		expect(ranged.body.data.map((r: { captured_at: string }) => r.captured_at.slice(0, 10))).toEqual(['2026-05-03', '2026-05-02', '2026-05-01']);
		expect((await call('GET', `/analytics/accounts/${accountId}/raw?source=scraper`)).status).toBe(400);
		expect((await call('GET', `/analytics/accounts/${accountId}/raw?limit=0`)).status).toBe(400);
	});
});
