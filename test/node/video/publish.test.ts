import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { byId, run } from '../accountFixtures';
import { configureSlots, day, publishedVideoBundle, slot, videoBundle, videoConfig } from './videoFixtures';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());

describe('Video → Publish', () => {
	it('submits one configured video of a published bundle', async () => {
		const a = await publishedVideoBundle(sim, { videos: 3, configured: 1 });
		await configureSlots(sim, a, [{ position: 2, ...videoConfig({ target_publish_date: day(8) }) }]);
		const { items, requests } = await run(sim, { resource: 'video', operation: 'publish', bundleId: byId(a), position: 2 });
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST /bundles/${a}/videos/2/publish`]);
		expect(requests[0].headers['idempotency-key']).toMatch(/^n8n-/);
		expect(items[0].json).toMatchObject({ position: 2, bundle_id: a, status: 'published', date_adjusted: false });
		expect(slot(sim, a, 2).status).toBe('published');
	});

	it('says to publish the bundle first when it is still in setup, and what a video’s status allows', async () => {
		const draft = await videoBundle(sim);
		await configureSlots(sim, draft, [{ position: 1, ...videoConfig() }]);
		const early = await run(sim, { resource: 'video', operation: 'publish', bundleId: byId(draft), position: 1 });
		expect(early.error?.message).toMatch(/^The bundle is pending_setup: this needs it to be published, .*Publish the bundle first \(Bundle → Publish\), or configure with Auto Publish\.$/);
		const a = await publishedVideoBundle(sim, { videos: 2, configured: 1 });
		const pending = await run(sim, { resource: 'video', operation: 'publish', bundleId: byId(a), position: 2 });
		expect(pending.error?.message).toBe('Video 2 is pending; this action needs it to be configured. Use Video → Get to check it.');
	});
});

describe('Video → Publish All', () => {
	it('submits every configured video of the bundle at once and says how many', async () => {
		const a = await publishedVideoBundle(sim, { videos: 4, configured: 1 });
		await configureSlots(sim, a, [2, 3].map((position) => ({ position, ...videoConfig({ target_publish_date: day(6 + position) }) })));
		const { items, requests } = await run(sim, { resource: 'video', operation: 'publishAll', bundleId: byId(a) });
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST /bundles/${a}/videos/publish-all`]);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ bundle_id: a, videos_published: 2, positions: [2, 3], dates_adjusted: false });
		const again = await run(sim, { resource: 'video', operation: 'publishAll', bundleId: byId(a) });
		expect(again.items[0].json).toMatchObject({ videos_published: 0 });
	});
});
