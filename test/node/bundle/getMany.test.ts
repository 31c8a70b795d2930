import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { run } from '../accountFixtures';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false, seed: { accounts: 8, bundles: 40 } });
});
afterAll(async () => await sim.close());

describe('Bundle → Get Many', () => {
	it('stops after one page of 30 for Limit 30 and outputs one item per bundle', async () => {
		const { items, requests } = await run(sim, { resource: 'bundle', operation: 'getMany', limit: 30 });
		expect(requests).toHaveLength(1);
		expect(requests[0].path).toBe('/bundles');
		expect(requests[0].query).toEqual({ page: '1', per_page: '30' });
		expect(items).toHaveLength(30);
		expect(items[0].json.id).toEqual(expect.any(String));
		expect(items.every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('Return All pages through every bundle of this user', async () => {
		const { items, requests } = await run(sim, { resource: 'bundle', operation: 'getMany', returnAll: true });
		const mine = sim.state.bundles.filter((bundle) => bundle.owner_id === 'user_1');
		expect(items).toHaveLength(mine.length);
		expect(requests[0].query).toMatchObject({ per_page: '100' });
	});

	it('forwards every filter in TokPortal’s names', async () => {
		const target = sim.state.bundles.find(
			(bundle) => bundle.status === 'accepted' && bundle.account?.status === 'in_review',
		);
		if (!target?.external_ref) throw new Error('the seed has no accepted bundle with an account in review');
		const { items, requests } = await run(sim, {
			resource: 'bundle',
			operation: 'getMany',
			returnAll: true,
			filters: {
				status: 'accepted',
				bundleType: target.bundle_type,
				accountStatus: 'in_review',
				platform: target.platform,
				externalRef: target.external_ref,
			},
		});
		expect(requests[0].query).toEqual({
			status: 'accepted',
			bundle_type: target.bundle_type,
			account_status: 'in_review',
			platform: target.platform,
			external_ref: target.external_ref,
			page: '1',
			per_page: '100',
		});
		expect(items.map((item) => item.json.id)).toEqual([target.id]);
	});

	it('returns only bundles matching a status filter', async () => {
		const { items } = await run(sim, {
			resource: 'bundle',
			operation: 'getMany',
			returnAll: true,
			filters: { status: 'pending_setup' },
		});
		expect(items.length).toBeGreaterThan(0);
		expect(items.every((item) => item.json.status === 'pending_setup')).toBe(true);
	});

	it('finds bundles by exact External Reference', async () => {
		const { items } = await run(sim, {
			resource: 'bundle',
			operation: 'getMany',
			returnAll: true,
			filters: { externalRef: 'seed-0012' },
		});
		expect(items.map((item) => item.json.external_ref)).toEqual(['seed-0012']);
	});

	it('refuses an External Reference filter whose expression is empty (it would list everything)', async () => {
		const { error, requests } = await run(sim, {
			resource: 'bundle',
			operation: 'getMany',
			filters: { externalRef: '={{ $json.ref }}' },
		});
		expect(error?.message).toMatch(/"External Reference" is empty/);
		expect(requests).toHaveLength(0);
	});

	it('accepts the video-phase statuses in_review and finalized', async () => {
		const { error, requests } = await run(sim, {
			resource: 'bundle',
			operation: 'getMany',
			filters: { status: 'finalized' },
		});
		expect(error).toBeUndefined();
		expect(requests[0].query.status).toBe('finalized');
	});
});
