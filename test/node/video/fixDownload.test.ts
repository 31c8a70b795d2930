import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { byId, run } from '../accountFixtures';
import { configureSlots, publishedVideoBundle, slot, videoConfig } from './videoFixtures';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());

const fix = (bundle: string, extra: Record<string, unknown>) => ({ resource: 'video', operation: 'fixDownload', bundleId: byId(bundle), position: 1, ...extra });

describe('Video → Fix Download', () => {
	it('replaces the link TokPortal could not download, after reading the video (free)', async () => {
		const a = await publishedVideoBundle(sim);
		sim.operator.failVideoDownload(a, 1, 'HTTP 404 from cdn.example.com');
		const { items, requests } = await run(sim, fix(a, { videoUrl: 'https://cdn.example.com/fixed.mp4' }));
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /bundles/${a}/videos/1`, `POST /bundles/${a}/videos/1/fix-download`]);
		expect(requests[1].body).toEqual({ video_url: 'https://cdn.example.com/fixed.mp4' });
		expect(items[0].json).toMatchObject({ video_url: 'https://cdn.example.com/fixed.mp4', download_error: null });
		expect(slot(sim, a, 1).download_error).toBeNull();
	});

	it('gives carousels their photos again; refuses media of the wrong kind or for a video not configured', async () => {
		const a = await publishedVideoBundle(sim, { videos: 3 });
		await configureSlots(sim, a, [
			{ position: 2, ...videoConfig({ video_type: 'carousel', video_url: undefined, carousel_images: ['https://cdn.example.com/1.jpg'], tiktok_sound_url: 'https://www.tiktok.com/music/x' }) },
		]);
		const photos = await run(sim, { ...fix(a, { carouselImages: 'https://cdn.example.com/1b.jpg, https://cdn.example.com/2b.jpg' }), position: 2 });
		expect(photos.requests[1].body).toEqual({ carousel_images: ['https://cdn.example.com/1b.jpg', 'https://cdn.example.com/2b.jpg'] });
		const wrong = await run(sim, { ...fix(a, { videoUrl: 'https://cdn.example.com/x.mp4' }), position: 2 });
		expect(wrong.error?.message).toBe('This video is a carousel: give "Carousel Images" instead of "Video URL"');
		const pending = await run(sim, { ...fix(a, { videoUrl: 'https://cdn.example.com/x.mp4' }), position: 3 });
		expect(pending.error?.message).toBe('Video 3 is pending: its media can only be replaced after it is configured and before it is posted');
		for (const refused of [wrong, pending]) expect(refused.requests.map((r) => r.method)).toEqual(['GET']);
		const none = await run(sim, fix(a, {}));
		expect(none.error?.message).toMatch(/^Give the replacement media/);
		expect(none.requests).toHaveLength(0);
	});
});
