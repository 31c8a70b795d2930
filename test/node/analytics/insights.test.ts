// Analytics → Get Comment Pulse, Get Account Comments, Get Account Raw Snapshots and Get Post Raw
// Snapshots (Marketer plan) through n8n-core against the simulator.
import type { Simulator } from '../../simulator';
import { byId, run } from '../accountFixtures';
import { analyticsSimulator, busiestAccount, CREATOR_API_KEY, direct, postedVideos } from './fixtures';

let sim: Simulator;
let accountId: string;
beforeAll(async () => {
	sim = await analyticsSimulator();
	accountId = busiestAccount(sim);
});
afterAll(async () => await sim.close());

describe('Analytics → Get Comment Pulse', () => {
	it('returns the pulse object, with the filters and both limits as TokPortal names them', async () => {
		const [first, second] = postedVideos(sim).filter((v) => v.accountId === accountId);
		const { items, requests } = await run(sim, {
			resource: 'analytics',
			operation: 'getCommentPulse',
			filters: { accounts: accountId, posts: [first.videoId, second.videoId], platforms: ['instagram', 'tiktok'], dateTo: '2026-12-31' },
			postLimit: 5,
			limit: 7,
		});
		expect(requests.map((r) => [r.method, r.path, r.query])).toEqual([
			[
				'GET',
				'/analytics/comments',
				{
					account: accountId,
					post: [first.videoId, second.videoId],
					platform: ['instagram', 'tiktok'],
					to: '2026-12-31',
					limit: '7',
					postLimit: '5',
				},
			],
		]);
		const data = items[0].json as { summary: { posts_analyzed: number }; comments: unknown[] };
		expect(items).toHaveLength(1);
		expect(data.summary.posts_analyzed).toBe(2);
		expect(data.comments.length).toBeLessThanOrEqual(7);
		expect(items[0].json).toEqual(
			(await direct(sim, `/analytics/comments?account=${accountId}&post=${first.videoId}&post=${second.videoId}&platform=instagram&platform=tiktok&to=2026-12-31&limit=7&postLimit=5`)).json.data,
		);
	});

	it('says comment analytics need the Marketer plan on a Creator key', async () => {
		const { error } = await run(sim, { resource: 'analytics', operation: 'getCommentPulse' }, { apiKey: CREATOR_API_KEY });
		expect(error?.message).toMatch(/^Your TokPortal plan \(Creator\) does not include comment analytics\. It is included from the Marketer plan \(also in Farmer\)/);
	});

	it.each([
		[{ postLimit: 51 }, '"Max Posts" must be a whole number from 1 to 50'],
		[{ limit: 101 }, '"Limit" must be a whole number from 1 to 100'],
		[{ filters: { posts: '={{ [] }}' } }, '"Video IDs" is empty, which would select every video'],
		// An expression that gives nothing is a mistake, not "TokPortal's default number of posts".
		[{ postLimit: '={{ "" }}' }, '"Max Posts" is required'],
	])('refuses %j without sending anything', async (parameters, message) => {
		const { error, requests } = await run(sim, { resource: 'analytics', operation: 'getCommentPulse', ...parameters });
		expect(error?.message).toContain(message);
		expect(requests).toHaveLength(0);
	});
});

describe('Analytics → Get Account Comments', () => {
	it('outputs one item per comment, newest first, optionally of one post', async () => {
		const video = postedVideos(sim).find((v) => v.accountId === accountId)!;
		const { items, requests } = await run(sim, {
			resource: 'analytics',
			operation: 'getAccountComments',
			accountId: byId(accountId),
			filters: { videoId: video.videoId },
			limit: 100,
		});
		expect(requests.map((r) => [r.path, r.query])).toEqual([
			[`/analytics/accounts/${accountId}/comments`, { trackedPostId: video.videoId, limit: '100' }],
		]);
		const expected = (await direct(sim, `/analytics/accounts/${accountId}/comments?trackedPostId=${video.videoId}&limit=100`)).json.data;
		expect(expected.length).toBeGreaterThan(0);
		expect(items.map((item) => item.json)).toEqual(expected);
		expect(items.every((item) => item.json.video_id === video.videoId)).toBe(true);
	});

	it('filters by the platform’s post ID (postId) and sends the default Limit of 50', async () => {
		const { requests } = await run(sim, {
			resource: 'analytics',
			operation: 'getAccountComments',
			accountId: byId(accountId),
			filters: { platformPostId: '7351234567890123456' },
		});
		expect(requests[0].query).toEqual({ postId: '7351234567890123456', limit: '50' });
	});
});

describe('Analytics → raw snapshots', () => {
	it('Get Account Raw Snapshots: one item per snapshot, with source, limit and dates', async () => {
		const { items, requests } = await run(sim, {
			resource: 'analytics',
			operation: 'getAccountRawSnapshots',
			accountId: byId(accountId),
			source: 'public',
			limit: 3,
			filters: { dateFrom: '2026-01-01' },
		});
		expect(requests.map((r) => [r.path, r.query])).toEqual([
			[`/analytics/accounts/${accountId}/raw`, { source: 'public', limit: '3', from: '2026-01-01' }],
		]);
		expect(items).toHaveLength(3);
		expect(items.map((item) => item.json)).toEqual(
			(await direct(sim, `/analytics/accounts/${accountId}/raw?source=public&limit=3&from=2026-01-01`)).json.data,
		);
		expect(items[0].json).toMatchObject({ account_id: accountId, source: 'public', payload: { provider: expect.any(String) } });
	});

	it('Get Post Raw Snapshots: one item per snapshot of a video, connected source by default', async () => {
		const { videoId } = postedVideos(sim)[0];
		const { items, requests } = await run(sim, {
			resource: 'analytics',
			operation: 'getPostRawSnapshots',
			videoId,
			limit: 2,
		});
		expect(requests.map((r) => [r.path, r.query])).toEqual([[`/analytics/posts/${videoId}/raw`, { source: 'connected', limit: '2' }]]);
		expect(items.length).toBeGreaterThan(0);
		expect(items.length).toBeLessThanOrEqual(2);
		expect(items.every((item) => item.json.video_id === videoId && item.json.source === 'connected')).toBe(true);
	});

	it('raw snapshots need the Marketer plan', async () => {
		const { error } = await run(
			sim,
			{ resource: 'analytics', operation: 'getPostRawSnapshots', videoId: postedVideos(sim)[0].videoId },
			{ apiKey: CREATOR_API_KEY },
		);
		expect(error?.message).toMatch(/^Your TokPortal plan \(Creator\) does not include raw provider snapshots\. It is included from the Marketer plan/);
	});
});
