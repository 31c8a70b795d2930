// Warming → Configure Terms: the search terms of the Advanced Niche Warming a bundle bought.
import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { byId, callApi, run } from '../accountFixtures';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());

/** A bundle that bought `count` warming terms without giving them yet. */
async function bundleWithWarming(count: number | undefined): Promise<string> {
	const warming = count === undefined ? {} : { wants_advanced_warming: true, advanced_warming_terms_count: count };
	const { status, json } = await callApi(sim, 'POST', '/bundles', { bundle_type: 'account_only', platform: 'tiktok', country: 'USA', ...warming });
	if (status !== 201) throw new Error(`fixture: HTTP ${status} ${JSON.stringify(json)}`);
	return String(json.data?.id);
}

const configure = (bundleId: string, terms: string | string[]) => ({
	resource: 'warming',
	operation: 'configureTerms',
	bundleId: byId(bundleId),
	terms,
});

describe('Warming → Configure Terms', () => {
	it('sets the bought terms once, returning the session; setting them again says they are set', async () => {
		const bundleId = await bundleWithWarming(3);
		const before = sim.state.credits;
		const { items, requests, error } = await run(sim, configure(bundleId, 'vegan recipes, meal prep, high protein'));
		expect(error).toBeUndefined();
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`PUT /bundles/${bundleId}/warming-terms`]);
		expect(requests[0].body).toEqual({ advanced_warming_terms: ['vegan recipes', 'meal prep', 'high protein'] });
		expect(requests[0].headers['idempotency-key']).toMatch(/^n8n-/);
		expect(items[0].json).toMatchObject({ source: 'bundle', bundle_id: bundleId, status: 'scheduled', terms_configured: 3 });
		expect(sim.state.credits).toBe(before);

		const again = await run(sim, configure(bundleId, 'a1, b2, c3'));
		expect(again.error?.message).toBe(
			'The warming terms of this bundle are already set (vegan recipes, meal prep, high protein): they can be set only once. Nothing was changed.',
		);
	});

	it('says how many terms the bundle bought when the count differs', async () => {
		const bundleId = await bundleWithWarming(6);
		const { error, requests } = await run(sim, configure(bundleId, ['a1', 'b2', 'c3']));
		expect(requests).toHaveLength(1);
		expect(error?.message).toBe('This bundle bought 6 warming terms: give exactly that many different terms (3 were sent). Nothing was changed.');
		expect(error?.description).toContain('ADVANCED_WARMING_TERMS');
	});

	it('says when the bundle bought no warming', async () => {
		const bundleId = await bundleWithWarming(undefined);
		const { error } = await run(sim, configure(bundleId, 'a1, b2, c3'));
		expect(error?.message).toMatch(/^TokPortal found no such warming session. For a bundle: it did not buy Advanced Niche Warming/);
	});

	it('checks the terms before sending', async () => {
		const bundleId = await bundleWithWarming(3);
		const { error, requests } = await run(sim, configure(bundleId, 'a1, b2, c3, d4, e5'));
		expect(requests).toHaveLength(0);
		expect(error?.message).toBe('"Warming Terms" must hold a multiple of 3 terms (3, 6, 9 … 30); it has 5');
	});
});
