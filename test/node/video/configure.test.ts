import type { INodeParameters } from 'n8n-workflow';

import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { byId, configureViaApi, run } from '../accountFixtures';
import { day, slot, videoBundle } from './videoFixtures';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());

const configure = (bundle: string, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'video',
	operation: 'configure',
	bundleId: byId(bundle),
	position: 1,
	videoType: 'video',
	description: 'Launch clip #1',
	videoUrl: 'https://cdn.example.com/clip-1.mp4',
	targetPublishDate: day(4),
	...extra,
});

describe('Video → Configure', () => {
	it('reads the bundle (free), then sends one slot’s configuration in TokPortal’s names', async () => {
		const a = await videoBundle(sim);
		const { items, requests } = await run(
			sim,
			configure(a, {
				additionalFields: {
					name: 'Launch 1',
					externalRef: 'acme-clip-01',
					tiktokSoundUrl: 'https://www.tiktok.com/music/x-1',
					aiContentDisclaimer: false,
					discloseAsAds: true,
				},
			}),
		);
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /bundles/${a}`, `PUT /bundles/${a}/videos/1`]);
		expect(requests[1].body).toEqual({
			video_type: 'video',
			target_publish_date: day(4),
			description: 'Launch clip #1',
			video_url: 'https://cdn.example.com/clip-1.mp4',
			tiktok_sound_url: 'https://www.tiktok.com/music/x-1',
			name: 'Launch 1',
			external_ref: 'acme-clip-01',
			ai_content_disclaimer: false,
			disclose_as_ads: true,
		});
		expect(requests[1].headers['idempotency-key']).toMatch(/^n8n-[0-9a-f]{64}$/);
		expect(items[0].json).toMatchObject({ bundle_id: a, position: 1, status: 'configured', target_publish_date: day(4), name: 'Launch 1' });
		expect(items[0].json).not.toHaveProperty('credits_charged');
	});

	it('keeps the price of paid options in the output, and Dry Run only prices them', async () => {
		const a = await videoBundle(sim);
		const paid = configure(a, { additionalFields: { volumeOriginalSound: 40, instantRepostAsStory: true } });
		const before = sim.state.credits;
		const dry = await run(sim, { ...paid, options: { dryRun: true } });
		expect(dry.requests[1].headers['x-tokportal-dry-run']).toBe('true');
		expect(dry.items[0].json).toMatchObject({ credits_charged: 0, credits_would_charge: 2, dry_run: true });
		expect(sim.state.credits).toBe(before);
		const real = await run(sim, { ...paid, options: { idempotencyKey: 'row-7' } });
		expect(real.requests[1].headers['idempotency-key']).toBe('video.configure:row-7');
		expect(real.items[0].json).toMatchObject({ credits_charged: 2, cost_breakdown: { sound_volume: 1, instant_repost_as_story: 1, total: 2 } });
		expect(sim.state.credits).toBe(before - 2);
		const replay = await run(sim, { ...paid, options: { idempotencyKey: 'row-7' } });
		expect(replay.items[0].json).toMatchObject({ idempotent_replay: true });
		expect(sim.state.credits).toBe(before - 2);
	});

	it('Auto Publish publishes a ready bundle right after configuring', async () => {
		const a = await videoBundle(sim, { videos: 1 });
		await configureViaApi(sim, a);
		const { items } = await run(sim, configure(a, { autoPublish: true }));
		expect(items[0].json).toMatchObject({ status: 'published', auto_publish: { published: true, scope: 'bundle' } });
	});

	it('checks every type rule before sending and names each field', async () => {
		const a = await videoBundle(sim);
		const story = await run(sim, configure(a, { videoType: 'story', storyImageUrl: 'https://cdn.example.com/s.jpg' }));
		expect(story.error?.message).toBe('A story needs exactly one of "Video URL" or "Story Image URL"');
		// With the type from an expression (a sheet column), every field is shown and may be filled.
		const mixed = await run(sim, configure(a, { videoType: '={{ "story" }}' }));
		expect(mixed.error?.message).toBe('"Description" does not apply to a story (only videos and carousels): remove it or change the Video Type');
		const carousel = await run(sim, configure(a, { videoType: 'carousel', videoUrl: '', carouselImages: '' }));
		expect(carousel.error?.message).toBe('"Carousel Images" (1–20) are required for a carousel');
		const tooMany = await run(sim, configure(a, { videoType: 'carousel', videoUrl: '', carouselImages: Array.from({ length: 21 }, (_, i) => `https://cdn.example.com/${i}.jpg`) }));
		expect(tooMany.error?.message).toBe('"Carousel Images" takes at most 20 entries (got 21)');
		const volume = await run(sim, configure(a, { additionalFields: { volumeAddedSound: 101 } }));
		expect(volume.error?.message).toBe('"Volume of Added Sound" must be a whole number from 0 to 100 (got 101)');
		const long = await run(sim, configure(a, { additionalFields: { name: 'n'.repeat(201) } }));
		expect(long.error?.message).toBe('"Name" must be at most 200 characters long (it has 201)');
		const date = await run(sim, configure(a, { targetPublishDate: '06/05/2026' }));
		expect(date.error?.message).toBe('"Target Publish Date" must be a date written YYYY-MM-DD, e.g. 2026-12-31 (got "06/05/2026")');
		for (const refused of [story, mixed, carousel, tooMany, volume, long, date]) expect(refused.requests).toHaveLength(0);
	});

	it('checks the bundle’s rules after reading it, before sending: lead time, the day’s room, the slot, the platform', async () => {
		const a = await videoBundle(sim, { videos: 4 });
		const early = await run(sim, configure(a, { targetPublishDate: day(2) }));
		expect(early.error?.message).toBe(
			`"Target Publish Date" ${day(2)} is too early for this bundle: while TokPortal is still creating the account, videos need 3 days of lead time (UTC). The earliest allowed date is ${day(3)}.`,
		);
		const missing = await run(sim, configure(a, { position: 9 }));
		expect(missing.error?.message).toMatch(/^This bundle has no video slot 9: it has 4/);
		const insta = await videoBundle(sim, { platform: 'instagram' });
		const noType = await run(sim, configure(insta));
		expect(noType.error?.message).toBe('"Instagram Content Type" (Reel or Post) is required on Instagram: add it under Additional Fields');
		for (const refused of [early, missing, noType]) expect(refused.requests.map((r) => r.method)).toEqual(['GET']);
		const ok = await run(sim, configure(insta, { additionalFields: { instagramContentType: 'post', instagramLocation: 'Brooklyn', instagramCollaborators: 'acme, jane.doe' } }));
		expect(ok.requests[1].body).toMatchObject({ instagram_content_type: 'post', instagram_location: 'Brooklyn', instagram_collaborators: ['acme', 'jane.doe'] });
		expect(slot(sim, insta, 1).instagram_collaborators).toEqual(['acme', 'jane.doe']);
	});

	it('says what to do when the slot was already submitted (TokPortal’s own check, worded)', async () => {
		const a = await videoBundle(sim, { videos: 1 });
		await configureViaApi(sim, a);
		await run(sim, configure(a, { autoPublish: true }));
		const again = await run(sim, configure(a));
		expect(again.error?.message).toBe('Video 1 is published, so it cannot be configured again: unschedule it first (Video → Unschedule).');
	});
});
