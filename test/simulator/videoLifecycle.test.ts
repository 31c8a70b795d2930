// The video state machine end to end: publish (one, all, with the bundle) with date adjustment,
// posting, review (finalize, corrections), the bundle's video phase, reset / unschedule /
// fix-download, and the video.* webhooks — driven in process and over /_sim/.
import { startSimulator, type Simulator } from './index';
import { type Call, client, createBundle, day, publishedBundle, type Receiver, startReceiver, VALID_ACCOUNT, videoConfig } from './testHelpers';

let sim: Simulator;
let call: Call;
let receiver: Receiver;

const VIDEO_EVENTS = [
	'video.configured',
	'video.published',
	'video.in_review',
	'video.pending_corrections',
	'video.finalized',
	'video.not_recommended',
	'video.ai_labeled',
	'video.sound_restricted',
];

beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
	call = client(sim);
	receiver = await startReceiver();
	expect((await call('POST', '/webhooks', { body: { url: receiver.url, events: VIDEO_EVENTS } })).status).toBe(201);
});
afterAll(async () => {
	await sim.close();
	await receiver.close();
});

const bundle = (id: string) => sim.state.bundles.find((b) => b.id === id)!;
const video = (id: string, position: number) => bundle(id).videos[position - 1];
const videoEvents = (id: string) =>
	sim.state.events
		.filter((e) => e.type.startsWith('video.') && e.data.bundle_id === id)
		.map((e) => `${e.type}#${String(e.data.position)}`);

/** Simulates time passing: the configured 2-day window now starts `days` from today. */
function age(id: string, position: number, days: number): void {
	Object.assign(video(id, position), { target_publish_start_date: day(days), target_publish_end_date: day(days + 1) });
}

/** Waits until the receiver got the event with this id, and returns its parsed envelope. */
async function delivered(eventId: string): Promise<any> {
	for (let i = 0; i < 200; i++) {
		const found = receiver.received.map((r) => JSON.parse(r.rawBody)).find((e) => e.id === eventId);
		if (found) return found;
		await new Promise((r) => setTimeout(r, 10));
	}
	throw new Error(`event ${eventId} was not delivered`);
}

test('review flow without auto-finalize: publish → post (in_review) → corrections → reposted → finalize; bundle accepted → in_review → finalized → completed', async () => {
	const id = await publishedBundle(call, { auto_finalize_videos: false, videos_quantity: 2 }, 2);
	expect(bundle(id).videos.map((v) => v.status)).toEqual(['published', 'published']);
	sim.operator.acceptBundle(id);
	const early = await call('POST', `/bundles/${id}/videos/1/finalize`);
	expect([early.status, early.body.error.code, early.body.error.details]).toEqual([
		409,
		'INVALID_STATUS_TRANSITION',
		{ position: 1, current_status: 'published', allowed_statuses: ['accepted', 'in_review'] },
	]);
	expect(() => sim.operator.postVideo(id, 1)).toThrow(/move the account to review first/);
	sim.operator.moveAccountToReview(id);
	sim.operator.acceptVideo(id, 1);
	const posted = sim.operator.postVideo(id, 1);
	expect(posted).toMatchObject({ status: 'in_review', platform_url: expect.stringContaining('https://www.tiktok.com/@streetstyle.nyc/video/') });
	expect(bundle(id).status).toBe('in_review');

	const comment = 'The caption is cut off; please repost with the full text.';
	const asked = await call('POST', `/bundles/${id}/videos/1/corrections`, { body: { comment, fields: { description: 'Use the full caption.' } } });
	expect(asked.body.data).toEqual({
		video_id: posted.id,
		bundle_id: id,
		position: 1,
		status: 'pending_corrections',
		corrections: { comment, fields: { description: 'Use the full caption.' }, requested_at: expect.any(String) },
	});
	const firstUrl = posted.platform_url;
	sim.operator.applyVideoCorrections(id, 1);
	expect(video(id, 1)).toMatchObject({ status: 'in_review', platform_url: expect.not.stringMatching(firstUrl!) });
	const finalized = await call('POST', `/bundles/${id}/videos/1/finalize`);
	expect(finalized.body.data).toEqual({ video_id: posted.id, bundle_id: id, position: 1, status: 'finalized', finalized_at: expect.any(String) });
	expect(bundle(id).status).toBe('in_review');

	sim.operator.postVideo(id, 2);
	sim.operator.autoFinalizeVideo(id, 2);
	expect(bundle(id).status).toBe('finalized');
	const history = (await call('GET', `/bundles/${id}/videos/1`)).body.data.feedback_history;
	expect(history.map((h: { type: string }) => h.type)).toEqual(['corrections_requested', 'corrections_applied', 'finalized']);
	sim.operator.completeBundle(id);
	expect(bundle(id).status).toBe('completed');

	expect(videoEvents(id)).toEqual([
		'video.configured#1',
		'video.configured#2',
		'video.published#1',
		'video.published#2',
		'video.in_review#1',
		'video.pending_corrections#1',
		'video.in_review#1',
		'video.finalized#1',
		'video.in_review#2',
		'video.finalized#2',
	]);
	const finals = sim.state.events.filter((e) => e.type === 'video.finalized' && e.data.bundle_id === id).map((e) => e.data.finalized_by);
	expect(finals).toEqual(['api', 'auto']);
});

test('auto_finalize_videos finalizes a posted video at once and sends only video.finalized (with platform_url)', async () => {
	const id = await publishedBundle(call, { auto_finalize_videos: true });
	sim.operator.acceptBundle(id);
	sim.operator.moveAccountToReview(id);
	const v = sim.operator.postVideo(id, 1);
	expect(v.status).toBe('finalized');
	expect(bundle(id).status).toBe('finalized');
	expect(videoEvents(id)).toEqual(['video.configured#1', 'video.published#1', 'video.finalized#1']);
	const event = sim.state.events.filter((e) => e.type === 'video.finalized' && e.data.bundle_id === id)[0];
	expect(event.data).toMatchObject({ video_id: v.id, status: 'finalized', finalized_by: 'auto', platform_url: v.platform_url });
	expect((await delivered(event.id)).data.platform_url).toBe(v.platform_url);
	expect(sim.operator.completeBundle(id).status).toBe('completed');
});

test('publish one and publish-all need a published bundle; stale dates shift forward (cadence kept, 3 per day)', async () => {
	const id = await publishedBundle(call, { videos_quantity: 6 });
	const inSetup = await createBundle(call);
	await call('PUT', `/bundles/${inSetup}/videos/1`, { body: videoConfig() });
	const tooEarly = await call('POST', `/bundles/${inSetup}/videos/1/publish`);
	expect([tooEarly.status, tooEarly.body.error.code, tooEarly.body.error.details.current_status]).toEqual([
		409,
		'BUNDLE_INVALID_STATUS',
		'pending_setup',
	]);
	const notConfigured = await call('POST', `/bundles/${id}/videos/2/publish`);
	expect([notConfigured.status, notConfigured.body.error.code]).toEqual([409, 'INVALID_STATUS_TRANSITION']);

	await call('PUT', `/bundles/${id}/videos/2`, { body: videoConfig({ target_publish_date: day(6) }) });
	age(id, 2, -2);
	const one = await call('POST', `/bundles/${id}/videos/2/publish`);
	expect(one.body.data).toEqual({
		video_id: video(id, 2).id,
		position: 2,
		bundle_id: id,
		status: 'published',
		date_adjusted: true,
		original_date: day(-2),
		new_date: day(3),
		hint: expect.any(String),
	});

	expect((await call('PATCH', `/bundles/${id}/videos/1`, { body: { target_publish_date: day(3) } })).status).toBe(200);
	for (const p of [3, 4, 5, 6]) await call('PUT', `/bundles/${id}/videos/${p}`, { body: videoConfig({ target_publish_date: day(10 + p) }) });
	age(id, 3, -1);
	age(id, 4, -1);
	age(id, 5, 0);
	const all = await call('POST', `/bundles/${id}/videos/publish-all`);
	// Shifted by 4 days: two land on day 3, which already holds videos 1 and 2 → one moves to day 4.
	expect(all.body.data).toMatchObject({ bundle_id: id, videos_published: 4, positions: [3, 4, 5, 6], dates_adjusted: true });
	expect(all.body.data.adjusted_videos).toEqual([
		{ video_id: video(id, 3).id, position: 3, previous_date: day(-1), new_date: day(3) },
		{ video_id: video(id, 4).id, position: 4, previous_date: day(-1), new_date: day(4) },
		{ video_id: video(id, 5).id, position: 5, previous_date: day(0), new_date: day(4) },
		{ video_id: video(id, 6).id, position: 6, previous_date: day(16), new_date: day(20) },
	]);
	const none = await call('POST', `/bundles/${id}/videos/publish-all`);
	expect(none.body.data).toMatchObject({ videos_published: 0, video_ids: [], dates_adjusted: false, adjusted_videos: [] });
});

test('publishing the bundle submits its configured videos and reports adjusted dates; unpublish brings them back', async () => {
	const id = await createBundle(call, { videos_quantity: 2 });
	await call('PUT', `/bundles/${id}/account`, { body: VALID_ACCOUNT });
	await call('PUT', `/bundles/${id}/videos/1`, { body: videoConfig() });
	age(id, 1, 1);
	const published = await call('POST', `/bundles/${id}/publish`);
	expect(published.body.data).toMatchObject({
		status: 'published',
		adjusted_videos: [{ video_id: video(id, 1).id, position: 1, previous_date: day(1), new_date: day(3) }],
		adjusted_videos_note: expect.any(String),
	});
	expect(video(id, 1)).toMatchObject({ status: 'published', target_publish_end_date: day(4) });
	await call('POST', `/bundles/${id}/unpublish`);
	expect(bundle(id).videos.map((v) => v.status)).toEqual(['configured', 'pending']);
	expect((await call('POST', `/bundles/${id}/publish`)).body.data.adjusted_videos).toBeUndefined();
});

test('reset empties a slot not yet posted; unschedule withdraws a published one; fix-download replaces broken media', async () => {
	const id = await publishedBundle(call, { videos_quantity: 3 }, 2);
	const unschedule = await call('POST', `/bundles/${id}/videos/1/unschedule`);
	expect(unschedule.body.data).toMatchObject({ status: 'configured', published_at: null, video_url: expect.any(String) });
	expect((await call('POST', `/bundles/${id}/videos/1/unschedule`)).body.error.details.allowed_statuses).toEqual(['published', 'accepted']);
	const reset = await call('POST', `/bundles/${id}/videos/1/reset`);
	expect(reset.body.data).toMatchObject({ status: 'pending', name: 'Video 1', video_type: null, video_url: null, target_publish_date: null });
	expect((await call('POST', `/bundles/${id}/videos/1/reset`)).body.error.code).toBe('INVALID_STATUS_TRANSITION');

	sim.operator.failVideoDownload(id, 2, 'HTTP 404 from cdn.example.com');
	expect((await call('GET', `/bundles/${id}/videos/2`)).body.data.download_error).toBe('HTTP 404 from cdn.example.com');
	const wrongType = await call('POST', `/bundles/${id}/videos/2/fix-download`, { body: { carousel_images: ['https://cdn.example.com/a.jpg'] } });
	expect([wrongType.status, wrongType.body.error.details.field]).toEqual([400, 'carousel_images']);
	const fixed = await call('POST', `/bundles/${id}/videos/2/fix-download`, { body: { video_url: 'https://cdn.example.com/fixed.mp4' } });
	expect(fixed.body.data).toMatchObject({ status: 'published', video_url: 'https://cdn.example.com/fixed.mp4', download_error: null });
	expect((await call('POST', `/bundles/${id}/videos/2/fix-download`, { body: {} })).body.error.code).toBe('VALIDATION_ERROR');
	expect((await call('POST', `/bundles/${id}/videos/3/fix-download`, { body: { video_url: 'https://x.example/v.mp4' } })).status).toBe(409);
});

test('a ban cancels videos not posted yet; they stop counting toward the daily cap', async () => {
	const id = await publishedBundle(call, { videos_quantity: 2 });
	sim.operator.acceptBundle(id);
	sim.operator.moveAccountToReview(id);
	sim.operator.banAccount(bundle(id).saved_account_id!);
	expect(bundle(id).status).toBe('cancelled');
	expect(bundle(id).videos.map((v) => v.status)).toEqual(['cancelled', 'pending']);
	const closed = await call('PUT', `/bundles/${id}/videos/2`, { body: videoConfig() });
	expect([closed.status, closed.body.error.code]).toEqual([409, 'BUNDLE_INVALID_STATUS']);
});

test('operator video actions over /_sim/ and platform flags', async () => {
	const sim$ = async (path: string, body: unknown = {}) => {
		const res = await fetch(`${sim.url}/_sim${path}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(body),
		});
		return { status: res.status, body: (await res.json()) as any }; // parsed JSON under test
	};
	const id = await publishedBundle(call, { auto_finalize_videos: false });
	await sim$(`/bundles/${id}/accept`);
	await sim$(`/bundles/${id}/account/review`);
	expect((await sim$(`/bundles/${id}/videos/1/accept`)).body.data.status).toBe('accepted');
	const posted = await sim$(`/bundles/${id}/videos/1/post`);
	expect(posted.body.data).toMatchObject({ bundle_id: id, status: 'in_review', platform_url: expect.any(String) });
	expect((await sim$(`/bundles/${id}/videos/1/flag`, { flag: 'ai_labeled' })).status).toBe(200);
	expect((await sim$(`/bundles/${id}/videos/1/flag`, { flag: 'viral' })).status).toBe(400);
	await call('POST', `/bundles/${id}/videos/1/corrections`, { body: { comment: 'Fix the caption.' } });
	const applied = await sim$(`/bundles/${id}/videos/1/apply-corrections`, { changes: { description: 'Fixed caption' } });
	expect(applied.body.data).toMatchObject({ status: 'in_review', description: 'Fixed caption' });
	expect((await sim$(`/bundles/${id}/videos/1/auto-finalize`)).body.data.status).toBe('finalized');
	expect((await sim$(`/bundles/${id}/complete`)).body.data.status).toBe('completed');
	expect((await sim$(`/bundles/${id}/videos/1/download-failed`)).body.error.code).toBe('INVALID_STATUS_TRANSITION');
	expect(videoEvents(id)).toContain('video.ai_labeled#1');
});
