import { randomUUID } from 'node:crypto';

import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { bundleInReview, byId, callApi, run } from '../accountFixtures';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());

function savedAccountOf(bundleId: string): string {
	return String(sim.state.bundles.find((b) => b.id === bundleId)?.saved_account_id);
}

describe('Delivered Account → Get Bundles', () => {
	let accountId: string;
	let originBundle: string;
	const videosOnly: string[] = [];

	beforeAll(async () => {
		originBundle = await bundleInReview(sim);
		accountId = savedAccountOf(originBundle);
		for (let i = 0; i < 3; i++) {
			const created = await callApi(sim, 'POST', '/bundles', {
				bundle_type: 'videos_only',
				account_id: accountId,
				videos_quantity: 2 + i,
			});
			videosOnly.push(String(created.json.data?.id));
		}
	});

	const getBundles = (extra: Record<string, unknown>) => ({
		resource: 'deliveredAccount',
		operation: 'getBundles',
		accountId: byId(accountId),
		...extra,
	});

	it('returns every bundle of the account as one item each, with its videos summary', async () => {
		const { items, requests } = await run(sim, getBundles({ returnAll: true }));
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({ method: 'GET', path: `/accounts/${accountId}/bundles` });
		expect(requests[0].query).toEqual({ page: '1', per_page: '100' });
		expect(items.map((item) => item.json.id).sort()).toEqual([originBundle, ...videosOnly].sort());
		const slots = items.find((item) => item.json.id === videosOnly[2])?.json.videos;
		expect(slots).toMatchObject({ total: 4, pending: 4 });
	});

	it('filters by status', async () => {
		const { items, requests } = await run(sim, getBundles({ returnAll: true, filters: { status: 'accepted' } }));
		expect(requests[0].query).toMatchObject({ status: 'accepted' });
		expect(items.map((item) => item.json.id)).toEqual([originBundle]);
	});

	it('stops at the Limit', async () => {
		const { items, requests } = await run(sim, getBundles({ returnAll: false, limit: 2 }));
		expect(items).toHaveLength(2);
		expect(requests).toHaveLength(1);
		expect(requests[0].query).toMatchObject({ per_page: '2' });
	});

	it('reports SAVED_ACCOUNT_NOT_FOUND', async () => {
		const { error } = await run(sim, { ...getBundles({ returnAll: true }), accountId: byId(randomUUID()) });
		expect(error?.message).toMatch(/^Delivered account not found/);
	});
});
