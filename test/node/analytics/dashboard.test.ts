// Analytics → Get Dashboard, Get Series and Get Contract through n8n-core against the simulator: the
// documented filters as TokPortal reads them (repeatable platform, country, account), the output as
// TokPortal's `data` (one item per point for a series), validation before sending, and plan refusals
// that name the plan to upgrade to.
import { STARTER_API_KEY } from '../../simulator';
import type { Simulator } from '../../simulator';
import { run } from '../accountFixtures';
import { analyticsSimulator, CREATOR_API_KEY, direct, postedVideos } from './fixtures';

let sim: Simulator;
beforeAll(async () => {
	sim = await analyticsSimulator();
});
afterAll(async () => await sim.close());
beforeEach(() => sim.faults.clear());

describe('Analytics → Get Dashboard', () => {
	it('returns TokPortal’s dashboard object from one GET /analytics, totals equal to the sum of its videos', async () => {
		const { items, requests, error } = await run(sim, { resource: 'analytics', operation: 'getDashboard' });
		expect(error).toBeUndefined();
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /analytics']);
		expect(requests[0].query).toEqual({});
		expect(items).toHaveLength(1);
		const expected = (await direct(sim, '/analytics')).json.data;
		expect(items[0].json).toEqual(expected);
		let views = 0;
		for (const { videoId } of postedVideos(sim)) views += (await direct(sim, `/videos/${videoId}/analytics`)).json.data.views;
		expect(items[0].json.totals).toMatchObject({ views, tracked_posts: postedVideos(sim).length });
	});

	it('sends every filter as TokPortal names it, lists repeated', async () => {
		const [a, b] = [...new Set(postedVideos(sim).map((v) => v.accountId))];
		const { items, requests } = await run(sim, {
			resource: 'analytics',
			operation: 'getDashboard',
			filters: {
				accounts: `${a}, ${b}`,
				platforms: ['tiktok', 'instagram'],
				countries: ['USA', 'UK'],
				workspace: 'ws_x',
				dateFrom: '2026-01-01',
				dateTo: '2026-12-31',
			},
		});
		expect(requests[0].query).toEqual({
			account: [a, b],
			platform: ['tiktok', 'instagram'],
			country: ['USA', 'UK'],
			workspace: 'ws_x',
			from: '2026-01-01',
			to: '2026-12-31',
		});
		// Another workspace than the key's selects nothing.
		expect(items[0].json.totals).toMatchObject({ account_count: 0, views: 0 });
	});

	it('takes the account IDs from an expression giving a list, and narrows the totals to them', async () => {
		const accountId = postedVideos(sim)[0].accountId;
		const { items, requests } = await run(sim, {
			resource: 'analytics',
			operation: 'getDashboard',
			filters: { accounts: '={{ $json.ids }}' },
		}, { items: [{ ids: [accountId] }] });
		expect(requests[0].query).toEqual({ account: accountId });
		expect(items[0].json.totals).toMatchObject({ account_count: 1 });
		expect((items[0].json.accounts as Array<{ account_id: string }>).map((x) => x.account_id)).toEqual([accountId]);
	});

	it.each([
		[{ dateFrom: '2026-06-30', dateTo: '2026-06-01' }, '"From Date" (2026-06-30) must not be after "To Date" (2026-06-01)'],
		[{ dateFrom: '30/06/2026' }, '"From Date" must be a date written YYYY-MM-DD'],
		[{ accounts: '={{ [] }}' }, '"Delivered Account IDs" is empty, which would select every delivered account'],
		[{ accounts: '' }, '"Delivered Account IDs" is empty, which would select every delivered account'],
		[{ accounts: 'abc, abc' }, '"Delivered Account IDs" lists an entry twice'],
		[{ accounts: 'ok, ..' }, '"Delivered Account IDs" has an invalid entry'],
		[{ platforms: ['tik tok'] }, '"Platform Names or IDs" has an invalid entry: it must be a platform name'],
		[{ countries: ['United States'] }, '"Country Names or IDs" has an invalid entry: it must be a country code'],
		[{ workspace: '  ' }, '"Workspace ID" is empty'],
	])('refuses %j before sending anything', async (filters, message) => {
		const { error, requests } = await run(sim, { resource: 'analytics', operation: 'getDashboard', filters });
		expect(error?.message).toContain(message);
		expect(error?.description).toContain('Nothing was sent to TokPortal');
		expect(requests).toHaveLength(0);
	});
});

describe('Analytics → Get Series', () => {
	it('outputs one item per point, each saying what it measures', async () => {
		const accountId = postedVideos(sim)[0].accountId;
		const { items, requests } = await run(sim, {
			resource: 'analytics',
			operation: 'getSeries',
			metric: 'likes',
			granularity: 'week',
			mode: 'gained',
			filters: { accounts: accountId, dateFrom: '2026-10-01', dateTo: '2026-10-31' },
		});
		expect(requests.map((r) => [r.method, r.path, r.query])).toEqual([
			['GET', '/analytics/series', { metric: 'likes', granularity: 'week', mode: 'gained', account: accountId, from: '2026-10-01', to: '2026-10-31' }],
		]);
		const expected = (await direct(
			sim,
			`/analytics/series?metric=likes&granularity=week&mode=gained&account=${accountId}&from=2026-10-01&to=2026-10-31`,
		)).json.data.points as Array<{ date: string; value: number }>;
		expect(expected.length).toBeGreaterThan(3);
		expect(items.map((item) => item.json)).toEqual(
			expected.map((point) => ({ ...point, metric: 'likes', granularity: 'week', mode: 'gained' })),
		);
		expect(items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('defaults to daily cumulative views of the last 30 days', async () => {
		const { items, requests } = await run(sim, { resource: 'analytics', operation: 'getSeries' });
		expect(requests[0].query).toEqual({ metric: 'views', granularity: 'day', mode: 'cumulative' });
		expect(items).toHaveLength(30);
		expect(items[0].json).toMatchObject({ metric: 'views', granularity: 'day', mode: 'cumulative' });
	});

	it('says which plan includes time series when the key’s plan does not (Starter)', async () => {
		const { error, requests } = await run(sim, { resource: 'analytics', operation: 'getSeries' }, { apiKey: STARTER_API_KEY });
		expect(error?.message).toBe(
			'Your TokPortal plan (Starter) does not include analytics time series. It is included from the Creator plan (also in Marketer, Farmer): upgrade in TokPortal, or run Analytics → Get Contract to see what this API key can read.',
		);
		expect(error?.description).toContain('ANALYTICS_PLAN_UPGRADE_REQUIRED');
		expect(requests).toHaveLength(1);
	});
});

describe('Analytics → Get Contract', () => {
	it('returns what the key’s plan can read', async () => {
		const { items, requests } = await run(sim, { resource: 'analytics', operation: 'getContract' }, { apiKey: CREATOR_API_KEY });
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /analytics/contract']);
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual((await direct(sim, '/analytics/contract', CREATOR_API_KEY)).json.data);
		expect(items[0].json).toMatchObject({ plan: 'creator', features: { series: true, export_videos_csv: true, comments: false } });
	});
});
