import type { Simulator } from '../simulator';
import { startSimulator } from '../simulator';
import { byId, newBundle, run } from './accountFixtures';
import { videoBundle } from './video/videoFixtures';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());

const bundleOf = (id: string) => sim.state.bundles.find((b) => b.id === id)!;

describe('Bundle → Add Video Slots', () => {
	it('Dry Run prices the slots (2 credits each) without adding them', async () => {
		const a = await videoBundle(sim, { videos: 2 });
		const before = sim.state.credits;
		const { items, requests } = await run(sim, { resource: 'bundle', operation: 'addVideoSlots', bundleId: byId(a), quantity: 5, options: { dryRun: true } });
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /bundles/${a}`, `POST /bundles/${a}/add-video-slots`]);
		expect(requests[1].body).toEqual({ quantity: 5 });
		expect(requests[1].headers['x-tokportal-dry-run']).toBe('true');
		expect(items[0].json).toMatchObject({ credits_charged: 0, credits_would_charge: 10, dry_run: true });
		expect([sim.state.credits, bundleOf(a).videos.length]).toEqual([before, 2]);
	});

	it('adds the slots once per Idempotency Key and keeps the charge in the output', async () => {
		const a = await videoBundle(sim, { videos: 2 });
		const before = sim.state.credits;
		const order = { resource: 'bundle', operation: 'addVideoSlots', bundleId: byId(a), quantity: '3', options: { idempotencyKey: 'topup-1' } };
		const first = await run(sim, order);
		expect(first.requests[1].headers['idempotency-key']).toBe('bundle.addVideoSlots:topup-1');
		expect(first.items[0].json).toMatchObject({ bundle_id: a, added: 3, videos_quantity: 5, credits_charged: 6, cost_breakdown: expect.objectContaining({ video_slots: 6, total: 6 }) });
		const again = await run(sim, order);
		expect(again.items[0].json.idempotent_replay).toBe(true);
		expect([sim.state.credits, bundleOf(a).videos.length]).toEqual([before - 6, 5]);
	});

	it('refuses before any paid call: a quantity out of 1–500, an Account Only bundle', async () => {
		const zero = await run(sim, { resource: 'bundle', operation: 'addVideoSlots', bundleId: byId('b'), quantity: 0 });
		expect(zero.error?.message).toBe('"Quantity" must be a whole number from 1 to 500 (got 0)');
		expect(zero.requests).toHaveLength(0);
		const accountOnly = await newBundle(sim);
		const refused = await run(sim, { resource: 'bundle', operation: 'addVideoSlots', bundleId: byId(accountOnly), quantity: 1 });
		expect(refused.error?.message).toBe('Account Only bundles have no video slots: order a Videos Only bundle for the delivered account instead');
		expect(refused.requests.map((r) => r.method)).toEqual(['GET']);
	});
});

describe('Bundle → Add Edit Slots', () => {
	it('adds edit slots (3 credits each), never more than the bundle’s video slots', async () => {
		const a = await videoBundle(sim, { videos: 3, edits: 1 });
		const before = sim.state.credits;
		const ok = await run(sim, { resource: 'bundle', operation: 'addEditSlots', bundleId: byId(a), quantity: 2 });
		expect(ok.requests[1].body).toEqual({ quantity: 2 });
		expect(ok.items[0].json).toMatchObject({ bundle_id: a, added: 2, edits_quantity: 3, credits_charged: 6 });
		expect(sim.state.credits).toBe(before - 6);
		const tooMany = await run(sim, { resource: 'bundle', operation: 'addEditSlots', bundleId: byId(a), quantity: 1 });
		expect(tooMany.error?.message).toBe(
			'A bundle cannot have more edit slots than video slots: it has 3 video slot(s) and 3 edit slot(s), so at most 0 more can be added. Add video slots first.',
		);
		expect(tooMany.requests.map((r) => r.method)).toEqual(['GET']);
	});
});
