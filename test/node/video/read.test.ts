import { getVideoSlots } from '../../../nodes/TokPortal/methods/loadOptions';
import { loadOptionsContext } from '../../harness/loadOptionsContext';
import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { byId, run } from '../accountFixtures';
import { configureSlots, day, videoBundle, videoConfig } from './videoFixtures';

let sim: Simulator;
let bundleId: string;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
	bundleId = await videoBundle(sim, { videos: 4 });
	await configureSlots(sim, bundleId, [
		{ position: 1, ...videoConfig({ target_publish_date: day(5), name: 'Teaser', external_ref: 'acme-1' }) },
		{ position: 3, ...videoConfig({ target_publish_date: day(6) }) },
	]);
});
afterAll(async () => await sim.close());

describe('Video → Get Many', () => {
	it('returns one item per slot, in position order, from one request', async () => {
		const { items, requests } = await run(sim, { resource: 'video', operation: 'getMany', bundleId: byId(bundleId), returnAll: true });
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /bundles/${bundleId}/videos`]);
		expect(items.map((item) => [item.json.position, item.json.status])).toEqual([
			[1, 'configured'],
			[2, 'pending'],
			[3, 'configured'],
			[4, 'pending'],
		]);
		expect(items.every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('filters on free slots or one status, and stops at the Limit', async () => {
		const free = await run(sim, { resource: 'video', operation: 'getMany', bundleId: byId(bundleId), returnAll: true, filters: { onlyFree: true } });
		expect(free.items.map((item) => item.json.position)).toEqual([2, 4]);
		const configured = await run(sim, { resource: 'video', operation: 'getMany', bundleId: byId(bundleId), returnAll: false, limit: 1, filters: { status: 'configured' } });
		expect(configured.items.map((item) => item.json.position)).toEqual([1]);
		const both = await run(sim, { resource: 'video', operation: 'getMany', bundleId: byId(bundleId), returnAll: true, filters: { onlyFree: true, status: 'configured' } });
		expect(both.error?.message).toMatch(/cannot be combined with another "Status"/);
		expect(both.requests).toHaveLength(0);
	});
});

describe('Video → Get', () => {
	it('returns one slot with its content', async () => {
		const { items, requests } = await run(sim, { resource: 'video', operation: 'get', bundleId: byId(bundleId), position: '1' });
		expect(requests.map((r) => r.path)).toEqual([`/bundles/${bundleId}/videos/1`]);
		expect(items[0].json).toMatchObject({ position: 1, name: 'Teaser', external_ref: 'acme-1', video_url: 'https://cdn.example.com/fixture.mp4' });
	});

	it('refuses a position that is not a slot number before sending, and words an unknown slot', async () => {
		const bad = await run(sim, { resource: 'video', operation: 'get', bundleId: byId(bundleId), position: 'first' });
		expect(bad.error?.message).toBe('"Position Name or ID" must be a video slot number: a whole number of 1 or more (got "first")');
		expect(bad.requests).toHaveLength(0);
		const unknown = await run(sim, { resource: 'video', operation: 'get', bundleId: byId(bundleId), position: 9 });
		expect(unknown.error?.message).toBe('This bundle has no video slot 9 (it has 4). Choose an existing Position, or add slots with Bundle → Add Video Slots.');
	});
});

describe('the Position dropdown', () => {
	it('lists the chosen bundle’s slots with their status, date and name', async () => {
		const options = await getVideoSlots.call(loadOptionsContext(sim, { bundleId: byId(bundleId) }));
		expect(options).toEqual([
			{ name: `1 · configured · ${day(5)} · Teaser`, value: 1, description: 'External Reference: acme-1' },
			{ name: '2 · pending · Video 2', value: 2, description: undefined },
			{ name: `3 · configured · ${day(6)} · Video 3`, value: 3, description: undefined },
			{ name: '4 · pending · Video 4', value: 4, description: undefined },
		]);
	});

	it('is empty until a bundle is chosen, or when the bundle comes from an expression', async () => {
		expect(await getVideoSlots.call(loadOptionsContext(sim, {}))).toEqual([]);
		expect(await getVideoSlots.call(loadOptionsContext(sim, { bundleId: byId('={{ $json.bundle }}') }))).toEqual([]);
	});
});
