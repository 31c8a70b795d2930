// Analytics → Get Account, Get Account Videos and Get Video through n8n-core against the simulator.
import { randomUUID } from 'node:crypto';

import type { Simulator } from '../../simulator';
import { byId, run } from '../accountFixtures';
import { analyticsSimulator, busiestAccount, direct, postedVideos } from './fixtures';

let sim: Simulator;
let accountId: string;
beforeAll(async () => {
	sim = await analyticsSimulator();
	accountId = busiestAccount(sim);
});
afterAll(async () => await sim.close());

describe('Analytics → Get Account', () => {
	it('reads the full view (totals, top posts, refresh times) by default', async () => {
		const { items, requests } = await run(sim, { resource: 'analytics', operation: 'getAccount', accountId: byId(accountId) });
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /analytics/accounts/${accountId}`]);
		expect(items).toHaveLength(1);
		// "Next refresh possible" is "now" when a refresh is possible: compared apart.
		const { refresh, ...expected } = (await direct(sim, `/analytics/accounts/${accountId}`)).json.data;
		const { refresh: received, ...rest } = items[0].json;
		expect(rest).toEqual(expected);
		expect(received).toEqual({ last_refreshed_at: null, next_refresh_possible_at: expect.any(String) });
		expect(refresh.last_refreshed_at).toBeNull();
	});

	it('reads only the flat totals with Detail → Totals Only', async () => {
		const { items, requests } = await run(sim, {
			resource: 'analytics',
			operation: 'getAccount',
			accountId: byId(accountId),
			detail: 'totals',
		});
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /accounts/${accountId}/analytics`]);
		expect(items[0].json).toEqual((await direct(sim, `/accounts/${accountId}/analytics`)).json.data);
		expect(items[0].json.total_videos_tracked).toBe(postedVideos(sim).filter((v) => v.accountId === accountId).length);
	});

	it('says what to do when the delivered account does not exist', async () => {
		const { error } = await run(sim, { resource: 'analytics', operation: 'getAccount', accountId: byId(randomUUID()) });
		expect(error?.message).toMatch(/^Delivered account not found/);
		expect(error?.description).toContain('SAVED_ACCOUNT_NOT_FOUND');
	});
});

describe('Analytics → Get Account Videos', () => {
	const videos = () => postedVideos(sim).filter((v) => v.accountId === accountId);

	it('Return All: one item per posted video, sorted as asked, from pages of 100', async () => {
		const { items, requests } = await run(sim, {
			resource: 'analytics',
			operation: 'getAccountVideos',
			accountId: byId(accountId),
			returnAll: true,
			sort: { sortBy: 'views', sortOrder: 'asc' },
		});
		expect(requests.map((r) => [r.path, r.query])).toEqual([
			[`/accounts/${accountId}/analytics/videos`, { page: '1', per_page: '100', sort_by: 'views', sort_order: 'asc' }],
		]);
		expect(items.map((item) => item.json.video_id).sort()).toEqual(videos().map((v) => v.videoId).sort());
		const views = items.map((item) => item.json.views as number);
		expect(views).toEqual([...views].sort((a, b) => a - b));
	});

	it('Limit asks for no more than it needs and sends no sort when none is chosen', async () => {
		expect(videos().length).toBeGreaterThan(2);
		const { items, requests } = await run(sim, {
			resource: 'analytics',
			operation: 'getAccountVideos',
			accountId: byId(accountId),
			limit: 2,
		});
		expect(requests.map((r) => r.query)).toEqual([{ page: '1', per_page: '2' }]);
		expect(items).toHaveLength(2);
	});

	it('refuses a Limit of 0 without sending anything', async () => {
		const { error, requests } = await run(sim, {
			resource: 'analytics',
			operation: 'getAccountVideos',
			accountId: byId(accountId),
			limit: 0,
		});
		expect(error?.message).toContain('"Limit" must be a whole number of 1 or more');
		expect(requests).toHaveLength(0);
	});
});

describe('Analytics → Get Video', () => {
	it('returns the analytics of one posted video', async () => {
		const { videoId } = postedVideos(sim)[0];
		const { items, requests } = await run(sim, { resource: 'analytics', operation: 'getVideo', videoId });
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /videos/${videoId}/analytics`]);
		expect(items[0].json).toEqual((await direct(sim, `/videos/${videoId}/analytics`)).json.data);
	});

	it('explains a video that is not posted yet (ANALYTICS_NOT_FOUND) and an unknown one (VIDEO_NOT_FOUND)', async () => {
		const unposted = sim.state.bundles.flatMap((b) => b.videos).find((v) => !v.platform_url)!;
		const notPosted = await run(sim, { resource: 'analytics', operation: 'getVideo', videoId: unposted.id });
		expect(notPosted.error?.message).toMatch(/^This video has no analytics yet: it is not posted/);
		const unknown = await run(sim, { resource: 'analytics', operation: 'getVideo', videoId: randomUUID() });
		expect(unknown.error?.message).toMatch(/^Video not found/);
		expect(unknown.error?.description).toContain('VIDEO_NOT_FOUND');
	});

	it.each([['={{ "" }}', 'is required'], ['..', 'is not a valid ID']])('refuses Video ID %j without sending anything', async (videoId, rule) => {
		const { error, requests } = await run(sim, { resource: 'analytics', operation: 'getVideo', videoId });
		expect(error?.message).toContain(`"Video ID" ${rule}`);
		expect(requests).toHaveLength(0);
	});
});
