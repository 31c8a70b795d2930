import { TokPortal } from '../../../nodes/TokPortal/TokPortal.node';
import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { byId, run } from '../accountFixtures';
import { publishedVideoBundle, slot } from './videoFixtures';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());

describe('Video → Unschedule', () => {
	it('takes a submitted video back to configured, keeping its content', async () => {
		const a = await publishedVideoBundle(sim);
		const { items, requests } = await run(sim, { resource: 'video', operation: 'unschedule', bundleId: byId(a), position: 1 });
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST /bundles/${a}/videos/1/unschedule`]);
		expect(items[0].json).toMatchObject({ status: 'configured', description: 'Fixture clip' });
	});
});

describe('Video → Reset', () => {
	it('empties a slot that is not posted: it becomes free again', async () => {
		const a = await publishedVideoBundle(sim);
		const { items } = await run(sim, { resource: 'video', operation: 'reset', bundleId: byId(a), position: 1 });
		expect(items[0].json).toMatchObject({ status: 'pending', description: null, video_url: null, target_publish_date: null });
		expect(slot(sim, a, 1).status).toBe('pending');
		const again = await run(sim, { resource: 'video', operation: 'reset', bundleId: byId(a), position: 1 });
		expect(again.error?.message).toBe('Video 1 is pending; this action needs it to be configured, published, accepted. Use Video → Get to check it.');
	});

	it('says in the panel what it ends', () => {
		const notices = new TokPortal().description.properties.filter((property) => property.type === 'notice' && property.displayOptions?.show?.resource?.includes('video'));
		expect(notices.find((notice) => notice.name === 'resetNotice')?.displayName).toMatch(/erases the video’s configuration .* Nothing is refunded/);
		expect(notices.find((notice) => notice.name === 'unscheduleNotice')?.displayName).toMatch(/stops a submitted video from being posted/);
	});
});
