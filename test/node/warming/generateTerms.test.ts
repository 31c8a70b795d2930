// Warming → Generate Terms: free suggestions from a niche description.
import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { run } from '../accountFixtures';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());

const generate = (extra: Record<string, unknown> = {}) => ({
	resource: 'warming',
	operation: 'generateTerms',
	text: 'Plant-based cooking for busy parents',
	platform: 'instagram',
	count: 6,
	...extra,
});

describe('Warming → Generate Terms', () => {
	it('asks for the terms and returns them; the same description gives the same terms, for free', async () => {
		const before = sim.state.credits;
		const { items, requests } = await run(sim, generate());
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /warming/generate-terms']);
		expect(requests[0].body).toEqual({ text: 'Plant-based cooking for busy parents', platform: 'instagram', count: 6 });
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ count: 6, platform: 'instagram', credits_charged: 0 });
		expect(items[0].json.terms).toHaveLength(6);

		const again = await run(sim, generate());
		expect(again.items[0].json.terms).toEqual(items[0].json.terms);
		expect(sim.state.credits).toBe(before);
	});

	it('refuses a count that is not a multiple of 3, a short text and another platform before sending', async () => {
		const { error, requests } = await run(sim, generate({ count: 7 }));
		expect(requests).toHaveLength(0);
		expect(error?.message).toBe('"Count" must be a multiple of 3 (3, 6, 9 … 30); got 7');

		const many = await run(sim, generate({ text: 'ab', platform: 'youtube', count: 33 }));
		expect(many.requests).toHaveLength(0);
		expect(many.error?.message).toMatch(/^3 fields need fixing/);
		expect(many.error?.message).toContain('"Niche Description" must be 3–2000 characters long (it has 2)');
		expect(many.error?.message).toContain('"Platform" must be one of instagram, tiktok (got "youtube")');
		expect(many.error?.message).toContain('"Count" must be a whole number from 3 to 30 (got 33)');
	});
});
