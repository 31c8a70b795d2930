import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { run } from '../accountFixtures';
import { configureViaApi } from '../accountFixtures';
import { configureSlots, day, slot, videoBundle, videoConfig } from './videoFixtures';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());

/** Configure Many reading every field from its item, as a sheet-driven workflow does. */
const fromRows = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'video',
	operation: 'configureMany',
	bundleId: { __rl: true, mode: 'id', value: '={{ $json.bundle }}' },
	position: '={{ $json.position }}',
	videoType: 'video',
	description: '={{ $json.caption }}',
	videoUrl: '={{ $json.url }}',
	targetPublishDate: '={{ $json.date }}',
	additionalFields: { externalRef: '={{ $json.ref }}' },
	...extra,
});

const row = (bundle: string, n: number, extra: IDataObject = {}): IDataObject => ({
	bundle,
	caption: `Clip ${n}`,
	url: `https://cdn.example.com/clip-${n}.mp4`,
	ref: `row-${n}`,
	...extra,
});

describe('Video → Configure Many', () => {
	it('sends one batch per bundle, fills free slots in order and dates 3 per day from the lead time', async () => {
		const a = await videoBundle(sim, { videos: 5 });
		const b = await videoBundle(sim, { videos: 2, videosOnly: true });
		const items = [row(a, 1), row(b, 2), row(a, 3), row(a, 4), row(a, 5), row(b, 6), row(a, 7)];
		const { items: out, requests, error } = await run(sim, fromRows(), { items });
		expect(error).toBeUndefined();
		expect(requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`)).toEqual([
			`PUT /bundles/${a}/videos/batch`,
			`PUT /bundles/${b}/videos/batch`,
		]);
		const [batchA, batchB] = requests.filter((r) => r.method === 'PUT');
		// account_and_videos: the account is being created → 3 days of lead time; 3 videos per day.
		expect((batchA.body as { videos: IDataObject[] }).videos.map((v) => [v.position, v.target_publish_date, v.description])).toEqual([
			[1, day(3), 'Clip 1'],
			[2, day(3), 'Clip 3'],
			[3, day(3), 'Clip 4'],
			[4, day(4), 'Clip 5'],
			[5, day(4), 'Clip 7'],
		]);
		// videos_only posts to an existing account → 1 day.
		expect((batchB.body as { videos: IDataObject[] }).videos.map((v) => [v.position, v.target_publish_date])).toEqual([
			[1, day(1)],
			[2, day(1)],
		]);
		expect(out.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		expect(out.map((item) => [item.json.bundle_id, item.json.position, item.json.target_publish_date, item.json.status])).toEqual([
			[a, 1, day(3), 'configured'],
			[b, 1, day(1), 'configured'],
			[a, 2, day(3), 'configured'],
			[a, 3, day(3), 'configured'],
			[a, 4, day(4), 'configured'],
			[b, 2, day(1), 'configured'],
			[a, 5, day(4), 'configured'],
		]);
		expect(slot(sim, a, 5)).toMatchObject({ status: 'configured', description: 'Clip 7', external_ref: 'row-7' });
	});
});

describe('Video → Configure Many: safe to run again', () => {
	it('a second run of the same rows (with External References) updates the same slots instead of filling new ones', async () => {
		const a = await videoBundle(sim, { videos: 4 });
		const rows = [row(a, 1), row(a, 2)];
		await run(sim, fromRows(), { items: rows });
		const again = await run(sim, fromRows(), { items: [row(a, 1, { caption: 'Clip 1, new caption' }), row(a, 2)] });
		expect(again.items.map((item) => item.json.position)).toEqual([1, 2]);
		expect(slot(sim, a, 1).description).toBe('Clip 1, new caption');
		expect([3, 4].map((n) => slot(sim, a, n).status)).toEqual(['pending', 'pending']);
	});

	it('Retry On Fail after a lost answer repeats the first batch under the same key: nothing is configured twice', async () => {
		const a = await videoBundle(sim, { videos: 4 });
		const path = `/bundles/${a}/videos/batch`;
		// TokPortal commits the batch but the answer is lost, then fails every retry of the transport:
		// the node fails, and n8n runs it again.
		sim.faults.inject({ method: 'PUT', path }, { type: 'dropAfterCommit' });
		sim.faults.inject({ method: 'PUT', path }, { type: 'status', status: 500, retryAfterSeconds: 0 }, 4);
		const events = () => sim.state.events.filter((event) => event.type === 'video.configured' && event.data.bundle_id === a).length;
		const { items, requests, error } = await run(sim, fromRows(), { items: [row(a, 1), row(a, 2)], retryOnFail: { maxTries: 2 } });
		expect(error).toBeUndefined();
		const puts = requests.filter((r) => r.method === 'PUT');
		expect(puts.length).toBeGreaterThan(1);
		expect(new Set(puts.map((r) => r.headers['idempotency-key'])).size).toBe(1);
		expect(new Set(puts.map((r) => JSON.stringify(r.body))).size).toBe(1);
		expect(items.map((item) => [item.json.position, item.json.status])).toEqual([
			[1, 'configured'],
			[2, 'configured'],
		]);
		expect(events()).toBe(2);
		expect([3, 4].map((n) => slot(sim, a, n).status)).toEqual(['pending', 'pending']);
	});
});

describe('Video → Configure Many: errors stay with their item', () => {
	it('without Continue On Fail, one invalid row stops the run before anything is sent for any bundle', async () => {
		const a = await videoBundle(sim, { videos: 3 });
		const b = await videoBundle(sim, { videos: 3 });
		const { error, requests } = await run(sim, fromRows(), { items: [row(a, 1), row(b, 2, { url: 'not a link' }), row(a, 3)] });
		expect(error?.message).toMatch(/^"Video URL" must be a web address starting with https:\/\/ or the storage_path of an upload/);
		expect(error?.description).toMatch(/Nothing was sent to TokPortal/);
		expect(requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
	});

	it('with Continue On Fail, every item gets one paired output: the configured slot, or its own error', async () => {
		const a = await videoBundle(sim, { videos: 3 });
		const missing = 'c0ffee00-0000-4000-8000-000000000000';
		const items = [row(a, 1), row(a, 2, { date: day(1) }), row(missing, 3), row(a, 4, { url: '' }), row(a, 5)];
		const { items: out, requests } = await run(sim, fromRows(), { items, continueOnFail: true });
		expect(out.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		expect(out[0].json).toMatchObject({ bundle_id: a, position: 1, status: 'configured' });
		expect(out[1].json.error).toMatch(/too early for this bundle/);
		expect(out[2].json).toMatchObject({ code: 'BUNDLE_NOT_FOUND', httpStatus: 404 });
		expect(out[3].json.error).toBe('"Video URL" is required for a video: use the public_url of Upload → Upload Video or a public link');
		expect(out[4].json).toMatchObject({ bundle_id: a, position: 2, status: 'configured' });
		expect(requests.filter((r) => r.method === 'PUT').map((r) => (r.body as { videos: unknown[] }).videos.length)).toEqual([2]);
	});

	it('a position TokPortal refuses inside a batch becomes that item’s error; the others are configured', async () => {
		// Slot 1 holds the bundle's only edit; slot 2 is configured, so the node cannot know it has none.
		const a = await videoBundle(sim, { videos: 4, edits: 1 });
		await configureSlots(sim, a, [
			{ position: 1, ...videoConfig({ editing_instructions: 'Trim it' }) },
			{ position: 2, ...videoConfig() },
		]);
		const withEdit = fromRows({ additionalFields: { externalRef: '={{ $json.ref }}', editingInstructions: '={{ $json.edit }}' } });
		const items = [row(a, 1, { position: 2, edit: 'Add captions' }), row(a, 2, { position: 3 }), row(a, 3, { position: 4, edit: 'Add captions' })];
		const { items: out } = await run(sim, withEdit, { items, continueOnFail: true });
		expect(out[0].json).toMatchObject({ code: 'VALIDATION_ERROR', requestId: expect.stringMatching(/^req_/) });
		expect(out[0].json.description).toMatch(/^Video 2 of bundle .+ was refused · VALIDATION_ERROR\nTokPortal says: All 1 edit slots/);
		expect(out[0].json.description).toContain('1 other video(s) of this request were configured.');
		expect(out[1].json).toMatchObject({ position: 3, status: 'configured' });
		expect(slot(sim, a, 3).editing_instructions).toBeNull();
		// Slot 4 was pending: the node knows it needs a new edit slot and refuses it before sending.
		expect(out[2].json.error).toMatch(/need a free edit slot/);
		// Without Continue On Fail the run fails with TokPortal's refusal, worded.
		const { error } = await run(sim, withEdit, { items: [items[0]] });
		expect(error?.message).toBe('TokPortal rejected a field of this request. Correct the field named below and run again.');
	});

	it('a day another client filled between the node’s read and its batch: TokPortal’s refusal, worded from its details', async () => {
		const a = await videoBundle(sim, { videos: 4 });
		const d = day(6);
		sim.faults.inject({ method: 'PUT', path: `/bundles/${a}/videos/batch` }, { type: 'latency', ms: 500 });
		const pending = run(sim, fromRows(), { items: [row(a, 1, { position: 4, date: d })], continueOnFail: true });
		await new Promise((resolve) => setTimeout(resolve, 150));
		await configureSlots(sim, a, [1, 2, 3].map((position) => ({ position, ...videoConfig({ target_publish_date: d }) })));
		const { items: out } = await pending;
		expect(out[0].json).toMatchObject({
			code: 'VIDEOS_PER_DAY_EXCEEDED',
			error: `${d} already has 3 videos in this bundle; at most 3 can target the same day. Choose another date.`,
		});
		// Given a full day, the node itself refuses before sending, in its own words.
		const full = await run(sim, fromRows(), { items: [row(a, 2, { position: 4, date: d })], continueOnFail: true });
		expect(full.items[0].json.error).toMatch(new RegExp(`^${d} already has 3 videos in this bundle`));
		expect(full.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
	});
});

describe('Video → Configure Many: options', () => {
	it('Preview Only computes the calendar and sends nothing but reads', async () => {
		const a = await videoBundle(sim, { videos: 4 });
		await configureSlots(sim, a, [{ position: 2, ...videoConfig({ target_publish_date: day(3) }) }]);
		const { items: out, requests } = await run(sim, fromRows({ options: { previewOnly: true, videosPerDay: 2 } }), {
			items: [row(a, 1), row(a, 2), row(a, 3, { date: day(9) })],
		});
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /bundles/${a}`]);
		expect(out.map((item) => item.json)).toEqual([
			{ preview: true, bundle_id: a, position: 1, target_publish_date: day(3), target_publish_end_date: day(4), video_type: 'video', auto_position: true, auto_date: true, external_ref: 'row-1' },
			{ preview: true, bundle_id: a, position: 3, target_publish_date: day(4), target_publish_end_date: day(5), video_type: 'video', auto_position: true, auto_date: true, external_ref: 'row-2' },
			{ preview: true, bundle_id: a, position: 4, target_publish_date: day(9), target_publish_end_date: day(10), video_type: 'video', auto_position: true, auto_date: false, external_ref: 'row-3' },
		]);
		expect(slot(sim, a, 1).status).toBe('pending');
	});

	it('Auto Publish publishes a bundle whose account is configured, with its videos, in the same request', async () => {
		const a = await videoBundle(sim, { videos: 2 });
		await configureViaApi(sim, a);
		const { items: out, requests } = await run(sim, fromRows({ autoPublish: true }), { items: [row(a, 1), row(a, 2)] });
		const put = requests.find((r) => r.method === 'PUT')!;
		expect(put.body).toMatchObject({ auto_publish: true });
		expect(out.map((item) => item.json.status)).toEqual(['published', 'published']);
		expect(out[0].json.batch).toMatchObject({ auto_publish: { published: true, scope: 'bundle', bundle_status: 'published' } });
		expect(sim.state.bundles.find((b) => b.id === a)!.status).toBe('published');
	});

	it('Dry Run sends the batch as a simulation: nothing changes', async () => {
		const a = await videoBundle(sim, { videos: 2 });
		const { items: out, requests } = await run(sim, fromRows({ options: { dryRun: true } }), {
			items: [row(a, 1)],
		});
		const put = requests.find((r) => r.method === 'PUT')!;
		expect(put.headers['x-tokportal-dry-run']).toBe('true');
		expect(out[0].json).toMatchObject({ position: 1, status: 'configured', batch: { dry_run: true } });
		expect(slot(sim, a, 1).status).toBe('pending');
	});

	it('splits a bundle’s batch below TokPortal’s 4.5 MB body limit, by size only, keeping the pairing', async () => {
		const a = await videoBundle(sim, { videos: 12 });
		const long = (n: number) => `${n} ${'x'.repeat(500_000)}`;
		const items = Array.from({ length: 12 }, (_, i) => row(a, i + 1, { caption: long(i + 1) }));
		const { items: out, requests, error } = await run(sim, fromRows(), { items });
		expect(error).toBeUndefined();
		const puts = requests.filter((r) => r.method === 'PUT');
		expect(puts.map((r) => (r.body as { videos: unknown[] }).videos.length)).toEqual([7, 5]);
		expect(new Set(puts.map((r) => r.headers['idempotency-key'])).size).toBe(2);
		expect(out.map((item) => [item.pairedItem, item.json.position, String(item.json.description).split(' ')[0]])).toEqual(
			items.map((_, i) => [{ item: i }, i + 1, String(i + 1)]),
		);
	});
});

describe('Video → Configure Many: video types and platforms', () => {
	it('configures carousels and stories from the Video Type of each row', async () => {
		const a = await videoBundle(sim, { videos: 3 });
		const parameters = fromRows({
			videoType: '={{ $json.type }}',
			carouselImages: '={{ $json.images }}',
			storyImageUrl: '={{ $json.story }}',
			additionalFields: { tiktokSoundUrl: '={{ $json.sound }}' },
		});
		const items = [
			{ bundle: a, type: 'carousel', caption: 'Slides', images: ['carousel-images/org_1/x/a.jpg', 'https://cdn.example.com/b.jpg'], sound: 'https://www.tiktok.com/music/x-1' },
			{ bundle: a, type: 'story', story: 'https://cdn.example.com/story.jpg' },
			{ bundle: a, type: 'video', caption: 'Clip', url: 'https://cdn.example.com/c.mp4' },
		];
		const { items: out, requests, error } = await run(sim, parameters, { items });
		expect(error).toBeUndefined();
		const videos = (requests.find((r) => r.method === 'PUT')!.body as { videos: IDataObject[] }).videos;
		expect(videos.map(({ target_publish_date: _date, ...video }) => video)).toEqual([
			{ position: 1, video_type: 'carousel', description: 'Slides', carousel_images: ['carousel-images/org_1/x/a.jpg', 'https://cdn.example.com/b.jpg'], tiktok_sound_url: 'https://www.tiktok.com/music/x-1' },
			{ position: 2, video_type: 'story', story_image_url: 'https://cdn.example.com/story.jpg' },
			{ position: 3, video_type: 'video', description: 'Clip', video_url: 'https://cdn.example.com/c.mp4' },
		]);
		expect(out.map((item) => item.json.video_type)).toEqual(['carousel', 'story', 'video']);
	});

	it('applies the platform rules of each bundle before sending: Instagram needs a content type, TikTok carousels a sound', async () => {
		const insta = await videoBundle(sim, { platform: 'instagram', videos: 2 });
		const tiktok = await videoBundle(sim, { videos: 2 });
		const parameters = fromRows({
			videoType: '={{ $json.type }}',
			carouselImages: '={{ $json.images }}',
			additionalFields: { instagramContentType: '={{ $json.kind }}', tiktokSoundUrl: '={{ $json.sound }}' },
		});
		const items = [
			row(insta, 1, { kind: '' }),
			row(insta, 2, { kind: 'reel', sound: 'https://www.tiktok.com/music/x' }),
			{ bundle: tiktok, type: 'carousel', caption: 'Slides', images: ['https://cdn.example.com/a.jpg'] },
			row(tiktok, 4, { kind: 'post' }),
		].map((item) => ({ type: 'video', ...item }));
		const { items: out, requests } = await run(sim, parameters, { items, continueOnFail: true });
		expect(out.map((item) => item.json.error)).toEqual([
			'"Instagram Content Type" (Reel or Post) is required on Instagram: add it under Additional Fields',
			'"TikTok Sound URL" is only available on TikTok, and this bundle is on instagram: remove it',
			'"TikTok Sound URL" is required for a TikTok carousel: add it under Additional Fields',
			'"Instagram Content Type" is only available on Instagram, and this bundle is on tiktok: remove it',
		]);
		expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
	});
});
