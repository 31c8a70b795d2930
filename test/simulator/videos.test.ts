// Video slots: reading, configuring (one, batch, CSV), the field rules, the date rules (lead time,
// 3 per day), paid options and PATCH (notes §9.1–9.4, §9.8).
import { startSimulator, type Simulator } from './index';
import { type Call, client, createBundle, day, publishedBundle, VALID_ACCOUNT, videoConfig } from './testHelpers';

let sim: Simulator;
let call: Call;

beforeAll(async () => {
	sim = await startSimulator({ seed: { accounts: 6 }, rateLimit: false });
	call = client(sim);
});
afterAll(() => sim.close());

const events = (bundleId: string, type: string) =>
	sim.state.events.filter((e) => e.type === type && e.data.bundle_id === bundleId).map((e) => e.data);

describe('read', () => {
	test('GET /bundles/{id}/videos lists every slot (not paginated); one slot by position; unknown position → 404', async () => {
		const id = await createBundle(call, { videos_quantity: 3 });
		const list = await call('GET', `/bundles/${id}/videos`);
		expect(list.status).toBe(200);
		expect(list.body.pagination).toBeUndefined();
		expect(list.body.data.map((v: { position: number; status: string; name: string }) => [v.position, v.status, v.name])).toEqual([
			[1, 'pending', 'Video 1'],
			[2, 'pending', 'Video 2'],
			[3, 'pending', 'Video 3'],
		]);
		expect(list.body.data[0]).toMatchObject({ bundle_id: id, video_type: null, target_publish_date: null, platform_url: null });
		const one = await call('GET', `/bundles/${id}/videos/2`);
		expect(one.body.data).toEqual(list.body.data[1]);
		const missing = await call('GET', `/bundles/${id}/videos/4`);
		expect([missing.status, missing.body.error.code, missing.body.error.details]).toEqual([
			404,
			'VIDEO_NOT_FOUND',
			{ position: 4, videos_total: 3 },
		]);
		const bad = await call('GET', `/bundles/${id}/videos/first`);
		expect([bad.status, bad.body.error.code, bad.body.error.details.field]).toEqual([400, 'VALIDATION_ERROR', 'position']);
	});
});

describe('PUT /bundles/{id}/videos/{position}', () => {
	test('configures the slot: the 2-day window, video.configured, and the bundle becomes publishable', async () => {
		const id = await createBundle(call);
		await call('PUT', `/bundles/${id}/account`, { body: VALID_ACCOUNT });
		expect((await call('GET', `/bundles/${id}`)).body.data.next_action).toBe('configure_videos');
		const res = await call('PUT', `/bundles/${id}/videos/1`, {
			body: videoConfig({ name: 'Launch', external_ref: 'clip-01', ai_content_disclaimer: true }),
		});
		expect(res.status).toBe(200);
		expect(res.body.data).toMatchObject({
			position: 1,
			status: 'configured',
			name: 'Launch',
			external_ref: 'clip-01',
			video_type: 'video',
			video_url: 'https://cdn.example.com/clips/clip-01.mp4',
			target_publish_date: day(4),
			target_publish_start_date: day(4),
			target_publish_end_date: day(5),
			ai_content_disclaimer: true,
			disclose_as_ads: false,
			configured_at: expect.any(String),
		});
		expect(res.body.credits_charged).toBeUndefined();
		expect(events(id, 'video.configured')).toEqual([
			expect.objectContaining({ position: 1, status: 'configured', previous_status: 'pending', external_ref: 'clip-01' }),
		]);
		const bundle = (await call('GET', `/bundles/${id}`)).body.data;
		expect(bundle).toMatchObject({ next_action: 'publish_bundle', videos_configured_count: 1 });
		expect((await call('GET', `/bundles/${id}/publish-readiness`)).body.data.ready).toBe(true);
	});

	test.each<[string, string, string, Record<string, unknown>]>([
		['video_type missing', 'VALIDATION_ERROR', 'video_type', { video_type: undefined }],
		['unknown video_type', 'VALIDATION_ERROR', 'video_type', { video_type: 'reel' }],
		['date missing', 'VALIDATION_ERROR', 'target_publish_date', { target_publish_date: undefined }],
		['month 13', 'VALIDATION_ERROR', 'target_publish_date', { target_publish_date: '2030-13-01' }],
		['date not a calendar day', 'VALIDATION_ERROR', 'target_publish_date', { target_publish_date: '2030-02-30' }],
		['description missing on a video', 'VALIDATION_ERROR', 'description', { description: undefined }],
		['video_url missing on a video', 'VALIDATION_ERROR', 'video_url', { video_url: undefined }],
		['video_url not a URL', 'VALIDATION_ERROR', 'video_url', { video_url: 'clip one.mp4' }],
		['carousel without images', 'VALIDATION_ERROR', 'carousel_images', { video_type: 'carousel', video_url: undefined, tiktok_sound_url: 'https://www.tiktok.com/music/x-1' }],
		['TikTok carousel without sound', 'VALIDATION_ERROR', 'tiktok_sound_url', { video_type: 'carousel', video_url: undefined, carousel_images: ['https://cdn.example.com/a.jpg'] }],
		['21 carousel images', 'VALIDATION_ERROR', 'carousel_images', { video_type: 'carousel', video_url: undefined, tiktok_sound_url: 'https://www.tiktok.com/music/x-1', carousel_images: Array(21).fill('https://cdn.example.com/a.jpg') }],
		['video_url on a carousel', 'VALIDATION_ERROR', 'video_url', { video_type: 'carousel', carousel_images: ['https://cdn.example.com/a.jpg'], tiktok_sound_url: 'https://www.tiktok.com/music/x-1' }],
		['a story with both media', 'VALIDATION_ERROR', 'video_url', { video_type: 'story', description: undefined, story_image_url: 'https://cdn.example.com/s.jpg' }],
		['a story with a description', 'VALIDATION_ERROR', 'description', { video_type: 'story' }],
		['Instagram field on TikTok', 'VALIDATION_ERROR', 'instagram_location', { instagram_location: 'Paris' }],
		['volume above 100', 'VALIDATION_ERROR', 'volume_added_sound', { volume_added_sound: 101 }],
		['a YouTube field', 'VALIDATION_ERROR', 'youtube_title', { youtube_title: 'x' }],
		['target_publish_end_date', 'UNKNOWN_FIELD', 'target_publish_end_date', { target_publish_end_date: day(6) }],
		['an unknown field', 'UNKNOWN_FIELD', 'caption', { caption: 'x' }],
		['name over 200 characters', 'VALIDATION_ERROR', 'name', { name: 'n'.repeat(201) }],
	])('%s → 400 %s (%s)', async (_case, code, field, patch) => {
		const id = await createBundle(call);
		const res = await call('PUT', `/bundles/${id}/videos/1`, { body: videoConfig(patch) });
		expect([res.status, res.body.error.code, res.body.error.details.field]).toEqual([400, code, field]);
		expect(sim.state.bundles.find((b) => b.id === id)!.videos[0].status).toBe('pending');
	});

	test('Instagram: instagram_content_type is required (not on stories); Instagram-only fields are kept; TikTok sound refused', async () => {
		const id = await createBundle(call, { platform: 'instagram' });
		const missing = await call('PUT', `/bundles/${id}/videos/1`, { body: videoConfig() });
		expect([missing.body.error.code, missing.body.error.details.field]).toEqual(['VALIDATION_ERROR', 'instagram_content_type']);
		const sound = await call('PUT', `/bundles/${id}/videos/1`, {
			body: videoConfig({ instagram_content_type: 'reel', tiktok_sound_url: 'https://www.tiktok.com/music/x-1' }),
		});
		expect(sound.body.error.details.field).toBe('tiktok_sound_url');
		const reel = await call('PUT', `/bundles/${id}/videos/1`, {
			body: videoConfig({
				instagram_content_type: 'reel',
				instagram_location: 'Paris, France',
				instagram_collaborators: ['cafe.paris_', 'partner.brand'],
				instagram_audio_name: 'Original audio',
				instagram_add_to_story: true,
				disclose_as_ads: true,
			}),
		});
		expect(reel.body.data).toMatchObject({
			instagram_content_type: 'reel',
			instagram_location: 'Paris, France',
			instagram_collaborators: ['cafe.paris_', 'partner.brand'],
			instagram_add_to_story: true,
			disclose_as_ads: true,
		});
		const carousel = await call('PUT', `/bundles/${id}/videos/2`, {
			body: {
				video_type: 'carousel',
				instagram_content_type: 'post',
				description: 'Swipe →',
				carousel_title: 'Menu',
				carousel_images: ['carousel-images/org_user_1/b/photo-1.jpg', 'https://cdn.example.com/2.jpg'],
				target_publish_date: day(4),
			},
		});
		expect(carousel.body.data).toMatchObject({ status: 'configured', carousel_images: ['carousel-images/org_user_1/b/photo-1.jpg', 'https://cdn.example.com/2.jpg'] });
		const story = await call('PUT', `/bundles/${id}/videos/3`, {
			body: { video_type: 'story', story_image_url: 'https://cdn.example.com/s.jpg', target_publish_date: day(5) },
		});
		expect(story.body.data).toMatchObject({ status: 'configured', video_type: 'story', description: null });
	});
});

describe('target dates', () => {
	test('lead time ≥ 3 days while the account is being created: INVALID_DATE with min_days_ahead and earliest_allowed', async () => {
		const id = await createBundle(call);
		for (const days of [-1, 0, 2]) {
			const res = await call('PUT', `/bundles/${id}/videos/1`, { body: videoConfig({ target_publish_date: day(days) }) });
			expect([res.status, res.body.error.code, res.body.error.details]).toEqual([
				400,
				'INVALID_DATE',
				{ field: 'target_publish_date', date: day(days), min_days_ahead: 3, earliest_allowed: day(3) },
			]);
		}
		expect((await call('PUT', `/bundles/${id}/videos/1`, { body: videoConfig({ target_publish_date: day(3) }) })).status).toBe(200);
	});

	test('lead time ≥ 1 day for existing accounts (videos_only, or once the account is delivered)', async () => {
		const account = sim.state.accounts.find((a) => a.platform === 'tiktok')!;
		const existing = await createBundle(call, { bundle_type: 'videos_only', account_id: account.id, platform: undefined, country: undefined });
		const today = await call('PUT', `/bundles/${existing}/videos/1`, { body: videoConfig({ target_publish_date: day(0) }) });
		expect(today.body.error.details).toMatchObject({ min_days_ahead: 1, earliest_allowed: day(1) });
		expect((await call('PUT', `/bundles/${existing}/videos/1`, { body: videoConfig({ target_publish_date: day(1) }) })).status).toBe(200);

		const id = await publishedBundle(call);
		sim.operator.acceptBundle(id);
		sim.operator.moveAccountToReview(id);
		expect((await call('PUT', `/bundles/${id}/videos/2`, { body: videoConfig({ target_publish_date: day(1) }) })).status).toBe(200);
	});

	test('at most 3 videos per target day per bundle: VIDEOS_PER_DAY_EXCEEDED; a slot does not count against itself; reset frees the day', async () => {
		const id = await createBundle(call, { videos_quantity: 5 });
		for (const p of [1, 2, 3]) expect((await call('PUT', `/bundles/${id}/videos/${p}`, { body: videoConfig() })).status).toBe(200);
		const fourth = await call('PUT', `/bundles/${id}/videos/4`, { body: videoConfig() });
		expect([fourth.status, fourth.body.error.code, fourth.body.error.details]).toEqual([
			400,
			'VIDEOS_PER_DAY_EXCEEDED',
			{ date: day(4), current_count: 3, max_per_day: 3 },
		]);
		expect((await call('PUT', `/bundles/${id}/videos/2`, { body: videoConfig({ description: 'Again' }) })).status).toBe(200);
		expect((await call('PUT', `/bundles/${id}/videos/4`, { body: videoConfig({ target_publish_date: day(5) }) })).status).toBe(200);
		await call('POST', `/bundles/${id}/videos/1/reset`);
		expect((await call('PUT', `/bundles/${id}/videos/5`, { body: videoConfig() })).status).toBe(200);
		// Another bundle's day is its own.
		const other = await createBundle(call);
		expect((await call('PUT', `/bundles/${other}/videos/1`, { body: videoConfig() })).status).toBe(200);
	});
});

describe('PUT /bundles/{id}/videos/batch', () => {
	test('one request configures many positions; each failure stays with its position', async () => {
		const id = await createBundle(call, { videos_quantity: 6 });
		const res = await call('PUT', `/bundles/${id}/videos/batch`, {
			body: {
				videos: [
					{ position: 1, ...videoConfig({ external_ref: 'a' }) },
					{ position: 2, ...videoConfig({ target_publish_date: day(1) }) },
					{ position: 3, ...videoConfig() },
					{ position: 3, ...videoConfig() },
					{ position: 9, ...videoConfig() },
					{ position: 4, ...videoConfig(), auto_publish: true },
					{ position: 5, ...videoConfig() },
					{ position: 6, ...videoConfig() },
					'not an object',
				],
			},
		});
		expect(res.status).toBe(200);
		expect(res.body.data.configured.map((v: { position: number }) => v.position)).toEqual([1, 3, 5]);
		expect(res.body.data.errors.map((e: { index: number; position: number | null; code: string }) => [e.index, e.position, e.code])).toEqual([
			[1, 2, 'INVALID_DATE'],
			[3, 3, 'VALIDATION_ERROR'],
			[4, 9, 'VIDEO_NOT_FOUND'],
			[5, 4, 'VALIDATION_ERROR'],
			[7, 6, 'VIDEOS_PER_DAY_EXCEEDED'],
			[8, null, 'VALIDATION_ERROR'],
		]);
		expect(res.body.data.errors[3].message).toMatch(/move it out of the videos\[\] items/);
		expect(sim.requests.filter((r) => r.path === `/bundles/${id}/videos/batch`)).toHaveLength(1);
	});

	test('envelope: {videos:[…]} required; a bundle without slots or closed → whole-request error', async () => {
		const id = await createBundle(call);
		for (const body of [[{ position: 1 }], { videos: [] }, { videos: {} }, { videos: [videoConfig()], auto_publish: 'yes' }]) {
			const res = await call('PUT', `/bundles/${id}/videos/batch`, { body });
			expect([res.status, res.body.error.code]).toEqual([400, 'VALIDATION_ERROR']);
		}
		const extra = await call('PUT', `/bundles/${id}/videos/batch`, { body: { videos: [], publish: true } });
		expect(extra.body.error.code).toBe('UNKNOWN_FIELD');
		const accountOnly = await createBundle(call, { bundle_type: 'account_only', videos_quantity: undefined });
		const none = await call('PUT', `/bundles/${accountOnly}/videos/batch`, { body: { videos: [{ position: 1, ...videoConfig() }] } });
		expect([none.status, none.body.error.code]).toEqual([400, 'VALIDATION_ERROR']);
	});

	test('auto_publish on a bundle in setup publishes the bundle when ready, or reports its blockers', async () => {
		const id = await createBundle(call);
		const blocked = await call('PUT', `/bundles/${id}/videos/batch`, {
			body: { videos: [{ position: 1, ...videoConfig() }], auto_publish: true },
		});
		expect(blocked.body.auto_publish).toMatchObject({
			published: false,
			scope: 'bundle',
			bundle_status: 'pending_setup',
			blockers: [expect.objectContaining({ code: 'ACCOUNT_MISSING' })],
		});
		await call('PUT', `/bundles/${id}/account`, { body: VALID_ACCOUNT });
		const done = await call('PUT', `/bundles/${id}/videos/batch`, {
			body: { videos: [{ position: 2, ...videoConfig() }], auto_publish: true },
		});
		expect(done.body.auto_publish).toEqual({
			published: true,
			scope: 'bundle',
			bundle_status: 'published',
			positions: [1, 2],
			blockers: [],
			adjusted_videos: [],
		});
		expect(done.body.data.configured[0].status).toBe('published');
	});
});

describe('paid options (notes §9.2)', () => {
	test('sound volume is charged once per slot; story repost and instant repost 1 credit each; dry run only quotes', async () => {
		const id = await createBundle(call);
		const credits = sim.state.credits;
		const quoted = await call('PUT', `/bundles/${id}/videos/1`, {
			body: videoConfig({ volume_original_sound: 80, instant_repost_as_story: true }),
			headers: { 'X-TokPortal-Dry-Run': 'true' },
		});
		expect(quoted.body).toMatchObject({ dry_run: true, credits_charged: 0, credits_would_charge: 2 });
		expect(sim.state.credits).toBe(credits);
		const paid = await call('PUT', `/bundles/${id}/videos/1`, {
			body: videoConfig({ volume_original_sound: 80, instant_repost_as_story: true }),
		});
		expect(paid.body).toMatchObject({
			credits_charged: 2,
			credits_remaining: credits - 2,
			cost_breakdown: { sound_volume: 1, instant_repost_as_story: 1, total: 2 },
		});
		const again = await call('PUT', `/bundles/${id}/videos/1`, { body: videoConfig({ volume_added_sound: 10, instant_repost_as_story: true }) });
		expect(again.body.credits_charged).toBeUndefined();
		const story = await call('PUT', `/bundles/${id}/videos/2`, {
			body: { video_type: 'story', video_url: 'https://cdn.example.com/s.mp4', story_repost_url: 'https://www.tiktok.com/@x/video/1', target_publish_date: day(4) },
		});
		expect(story.body.cost_breakdown).toEqual({ story_repost: 1, total: 1 });
		expect(sim.state.credits).toBe(credits - 3);
	});

	test('editing_instructions use the bundle’s edit slots', async () => {
		const id = await createBundle(call, { edits_quantity: 1 });
		expect((await call('PUT', `/bundles/${id}/videos/1`, { body: videoConfig({ editing_instructions: 'Add captions' }) })).status).toBe(200);
		expect((await call('GET', `/bundles/${id}`)).body.data.used_edits).toBe(1);
		const full = await call('PUT', `/bundles/${id}/videos/2`, { body: videoConfig({ editing_instructions: 'Cut to 15 s' }) });
		expect([full.status, full.body.error.details.field]).toEqual([400, 'editing_instructions']);
		expect((await call('PUT', `/bundles/${id}/videos/1`, { body: videoConfig({ editing_instructions: 'Captions in French' }) })).status).toBe(200);
	});
});

describe('PATCH /bundles/{id}/videos/{position}', () => {
	test('name and external_ref at any stage (null clears); description and dates until posted; the lead time applies', async () => {
		const id = await createBundle(call);
		const pending = await call('PATCH', `/bundles/${id}/videos/1`, { body: { name: 'Teaser', external_ref: 'ext-1' } });
		expect(pending.body.data).toMatchObject({ status: 'pending', name: 'Teaser', external_ref: 'ext-1' });
		const early = await call('PATCH', `/bundles/${id}/videos/1`, { body: { description: 'x' } });
		expect([early.status, early.body.error.code]).toEqual([409, 'INVALID_STATUS_TRANSITION']);
		await call('PUT', `/bundles/${id}/videos/1`, { body: videoConfig() });
		const moved = await call('PATCH', `/bundles/${id}/videos/1`, { body: { description: 'New caption', target_publish_date: day(7) } });
		expect(moved.body.data).toMatchObject({ description: 'New caption', target_publish_start_date: day(7), target_publish_end_date: day(8) });
		const windowed = await call('PATCH', `/bundles/${id}/videos/1`, {
			body: { target_publish_start_date: day(8), target_publish_end_date: day(11) },
		});
		expect(windowed.body.data).toMatchObject({ target_publish_start_date: day(8), target_publish_end_date: day(11) });
		const tooSoon = await call('PATCH', `/bundles/${id}/videos/1`, { body: { target_publish_date: day(1) } });
		expect([tooSoon.status, tooSoon.body.error.code]).toEqual([400, 'INVALID_DATE']);
		const backwards = await call('PATCH', `/bundles/${id}/videos/1`, { body: { target_publish_end_date: day(6) } });
		expect(backwards.body.error.details.field).toBe('target_publish_end_date');
		const both = await call('PATCH', `/bundles/${id}/videos/1`, { body: { target_publish_date: day(9), target_publish_start_date: day(9) } });
		expect(both.body.error.code).toBe('VALIDATION_ERROR');
		const cleared = await call('PATCH', `/bundles/${id}/videos/1`, { body: { name: null, external_ref: null } });
		expect(cleared.body.data).toMatchObject({ name: null, external_ref: null, target_publish_start_date: day(8) });
		expect((await call('PATCH', `/bundles/${id}/videos/1`, { body: {} })).body.error.code).toBe('VALIDATION_ERROR');
		expect((await call('PATCH', `/bundles/${id}/videos/1`, { body: { video_url: 'https://x' } })).body.error.code).toBe('UNKNOWN_FIELD');
	});
});

describe('POST /bundles/{id}/videos/import-csv', () => {
	const csvForm = (csv: string, fields: Record<string, string> = {}) => {
		const form = new FormData();
		form.append('file', new Blob([csv], { type: 'text/csv' }), 'videos.csv');
		for (const [k, v] of Object.entries(fields)) form.append(k, v);
		return form;
	};

	test('valid rows are imported, the others reported by sheet row; quoting, lists and flags', async () => {
		const id = await createBundle(call, { videos_quantity: 4 });
		const csv = [
			'position,video_type,description,target_publish_date,video_url,carousel_images,tiktok_sound_url,ai_content_disclaimer,external_ref',
			`1,video,"Hello, world ""quoted""",${day(4)},https://cdn.example.com/1.mp4,,,true,row-1`,
			`2,carousel,Swipe,${day(4)},,https://cdn.example.com/a.jpg; https://cdn.example.com/b.jpg,https://www.tiktok.com/music/x-1,,row-2`,
			`3,video,Too soon,${day(1)},https://cdn.example.com/3.mp4,,,,row-3`,
			'',
			`4,video,Bad flag,${day(5)},https://cdn.example.com/4.mp4,,,maybe,row-4`,
			`7,video,No slot,${day(5)},https://cdn.example.com/7.mp4,,,,row-7`,
		].join('\r\n');
		const res = await call('POST', `/bundles/${id}/videos/import-csv`, { form: csvForm(csv) });
		expect(res.status).toBe(200);
		expect(res.body.data).toMatchObject({ bundle_id: id, imported: 2, skipped: 3 });
		expect(res.body.data.errors).toEqual([
			{ row: 4, position: 3, code: 'INVALID_DATE', message: expect.any(String) },
			{ row: 6, position: null, code: 'VALIDATION_ERROR', message: expect.stringContaining('ai_content_disclaimer') },
			{ row: 7, position: 7, code: 'VIDEO_NOT_FOUND', message: expect.any(String) },
		]);
		expect(res.body.data.videos[0]).toMatchObject({ description: 'Hello, world "quoted"', ai_content_disclaimer: true, external_ref: 'row-1' });
		expect(res.body.data.videos[1].carousel_images).toEqual(['https://cdn.example.com/a.jpg', 'https://cdn.example.com/b.jpg']);
	});

	test('unknown column or no file → 400 before any row; auto_publish publishes the imported videos', async () => {
		const id = await publishedBundle(call, { videos_quantity: 3 });
		const unknown = await call('POST', `/bundles/${id}/videos/import-csv`, {
			form: csvForm(`position,video_type,target_publish_end_date\n2,video,${day(6)}`),
		});
		expect([unknown.status, unknown.body.error.code, unknown.body.error.details.field]).toEqual([400, 'UNKNOWN_FIELD', 'target_publish_end_date']);
		const noFile = new FormData();
		noFile.append('auto_publish', 'true');
		const missing = await call('POST', `/bundles/${id}/videos/import-csv`, { form: noFile });
		expect([missing.body.error.code, missing.body.error.details.field]).toEqual(['VALIDATION_ERROR', 'file']);
		const json = await call('POST', `/bundles/${id}/videos/import-csv`, { body: { file: 'x' } });
		expect([json.status, json.body.error.code]).toEqual([400, 'VALIDATION_ERROR']);
		const ok = await call('POST', `/bundles/${id}/videos/import-csv`, {
			form: csvForm(`position,video_type,description,target_publish_date,video_url\n2,video,Row two,${day(6)},https://cdn.example.com/2.mp4`, {
				auto_publish: 'true',
			}),
		});
		expect(ok.body.auto_publish).toMatchObject({ published: true, scope: 'videos', positions: [2] });
		expect(sim.state.bundles.find((b) => b.id === id)!.videos[1].status).toBe('published');
	});
});
