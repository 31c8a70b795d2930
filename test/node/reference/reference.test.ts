// Reference → Get Countries and Get Platforms: one item per entry.
import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { run } from '../accountFixtures';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());

describe('Reference', () => {
	it('Get Countries returns one item per country open for new accounts', async () => {
		const { items, requests } = await run(sim, { resource: 'reference', operation: 'getCountries' });
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /countries']);
		expect(items.length).toBeGreaterThanOrEqual(16);
		expect(items[0].json).toEqual({ code: 'USA', name: 'United States' });
		expect(items.every((item) => typeof item.json.code === 'string' && typeof item.json.name === 'string')).toBe(true);
	});

	it('Get Platforms returns one item per platform with whether it can be ordered', async () => {
		const { items, requests } = await run(sim, { resource: 'reference', operation: 'getPlatforms' });
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /platforms']);
		expect(items.map((item) => item.json)).toEqual([
			{ value: 'tiktok', name: 'TikTok', orderable: true },
			{ value: 'instagram', name: 'Instagram', orderable: true },
			{ value: 'youtube', name: 'YouTube', orderable: false },
		]);
	});

	it('pairs every entry with its input item, once per input item', async () => {
		const { items } = await run(sim, { resource: 'reference', operation: 'getPlatforms' }, { items: [{}, {}] });
		expect(items.map((item) => item.pairedItem)).toEqual([0, 0, 0, 1, 1, 1].map((item) => ({ item })));
	});
});
