// Analytics → Can Refresh Account and Refresh Account through n8n-core against the simulator. Refresh
// checks can-refresh first (free), so an account in its cooldown gives "next refresh possible at …"
// as an output item (refreshed: false) instead of an error, and nothing is sent.
import type { Simulator } from '../../simulator';
import { byId, run } from '../accountFixtures';
import { analyticsSimulator, postedVideos } from './fixtures';

let sim: Simulator;
let accounts: string[];
beforeAll(async () => {
	sim = await analyticsSimulator();
	accounts = [...new Set(postedVideos(sim).map((v) => v.accountId))];
});
afterAll(async () => await sim.close());
beforeEach(() => sim.faults.clear());

const refresh = (accountId: string, extra: Record<string, unknown> = {}) => ({
	resource: 'analytics',
	operation: 'refreshAccount',
	accountId: byId(accountId),
	...extra,
});

describe('Analytics → Can Refresh Account', () => {
	it('returns TokPortal’s answer: can_refresh, reason, next time', async () => {
		const accountId = accounts[0];
		const { items, requests } = await run(sim, { resource: 'analytics', operation: 'canRefreshAccount', accountId: byId(accountId) });
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /accounts/${accountId}/analytics/can-refresh`]);
		expect(items[0].json).toMatchObject({ account_id: accountId, can_refresh: true, reason: null, cooldown_seconds: 3600 });
	});
});

describe('Analytics → Refresh Account', () => {
	it('checks, then refreshes with the camelCase options under an Idempotency-Key', async () => {
		const accountId = accounts[1];
		const { items, requests, error } = await run(sim, refresh(accountId, { options: { includePosts: true, postLimit: 2, force: false } }));
		expect(error).toBeUndefined();
		expect(requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['GET', `/accounts/${accountId}/analytics/can-refresh`, undefined],
			['POST', `/accounts/${accountId}/analytics/refresh`, { includePosts: true, postLimit: 2, force: false }],
		]);
		expect(requests[1].headers['idempotency-key']).toMatch(/^n8n-[0-9a-f]{64}$/);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ refreshed: true, account_id: accountId, status: 'completed', posts_refreshed: 2 });
		expect(sim.state.analyticsRefreshes[accountId]).toBe(items[0].json.refreshed_at);
	});

	it('in the cooldown: outputs refreshed: false with the next possible time, and sends no refresh', async () => {
		const accountId = accounts[2];
		const first = await run(sim, refresh(accountId));
		// Without options the refresh still sends its JSON body, empty.
		expect(first.requests.map((r) => [r.method, r.body])).toEqual([
			['GET', undefined],
			['POST', {}],
		]);
		const refreshedAt = String(first.items[0].json.refreshed_at);
		const next = new Date(Date.parse(refreshedAt) + 3600_000).toISOString();

		const { items, requests, error } = await run(sim, refresh(accountId));
		expect(error).toBeUndefined();
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /accounts/${accountId}/analytics/can-refresh`]);
		expect(items[0].json).toEqual({
			refreshed: false,
			account_id: accountId,
			reason: 'cooldown',
			last_refreshed_at: refreshedAt,
			next_refresh_possible_at: next,
			message: `Not refreshed: TokPortal refreshed this account’s analytics at ${refreshedAt}. Next refresh possible at ${next}.`,
		});
	});

	it('answers the same way when TokPortal refuses the refresh itself as too soon (refreshed in between)', async () => {
		const accountId = accounts[3];
		sim.faults.inject({ method: 'POST', path: `/accounts/${accountId}/analytics/refresh` }, { type: 'status', status: 409, code: 'ANALYTICS_REFRESH_TOO_SOON' });
		const { items, requests, error } = await run(sim, refresh(accountId));
		expect(error).toBeUndefined();
		expect(requests.map((r) => `${r.status} ${r.method}`)).toEqual(['200 GET', '409 POST']);
		expect(items[0].json).toMatchObject({ refreshed: false, account_id: accountId, reason: 'cooldown' });
		expect(items[0].json.message).toMatch(/^Not refreshed: TokPortal refreshed this account’s analytics recently\./);
	});

	it('says a banned account can no longer be refreshed, and sends no refresh', async () => {
		const accountId = accounts[4];
		sim.operator.banAccount(accountId);
		const { items, requests } = await run(sim, refresh(accountId));
		expect(requests).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			refreshed: false,
			reason: 'account_banned',
			next_refresh_possible_at: null,
			message: 'Not refreshed: the account is banned, so TokPortal can no longer collect its analytics.',
		});
	});

	it('answers one item per input item, paired: the second finds the first one’s cooldown', async () => {
		sim.operator.resetAnalyticsRefresh(accounts[0]);
		const { items } = await run(sim, refresh('={{ $json.id }}'), {
			items: [{ id: accounts[0] }, { id: accounts[0] }],
		});
		expect(items.map((item) => [item.json.refreshed, item.pairedItem])).toEqual([
			[true, { item: 0 }],
			[false, { item: 1 }],
		]);
	});

	it.each([
		[{ postLimit: 0 }, '"Max Posts" must be a whole number from 1 to 100'],
		[{ includePosts: 'yes' }, '"Include Posts" must be true or false'],
	])('refuses options %j without sending anything', async (options, message) => {
		const { error, requests } = await run(sim, refresh(accounts[0], { options }));
		expect(error?.message).toContain(message);
		expect(requests).toHaveLength(0);
	});
});
