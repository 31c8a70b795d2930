import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { run } from '../accountFixtures';
import { postedVideoBundle, slot } from './videoFixtures';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());

/** A posted video of a bundle with auto-finalize: finalized at posting, so an ad code can be ordered. */
async function finalizedVideo(): Promise<string> {
	const a = await postedVideoBundle(sim, { autoFinalize: true });
	const video = slot(sim, a, 1);
	expect(video.status).toBe('finalized');
	return video.id;
}

const request = (videoId: string, extra: Record<string, unknown> = {}) => ({
	resource: 'video',
	operation: 'requestAdCode',
	videoId,
	authorizationDays: '60',
	...extra,
});

describe('Video → Request Ad Code', () => {
	it('Dry Run shows the 7-credit price and orders nothing', async () => {
		const videoId = await finalizedVideo();
		const before = sim.state.credits;
		const { items, requests } = await run(sim, request(videoId, { options: { dryRun: true } }));
		expect(requests.map((r) => [r.method, r.path, r.body, r.headers['x-tokportal-dry-run']])).toEqual([
			['POST', `/videos/${videoId}/ad-code-request`, { authorization_days: 60 }, 'true'],
		]);
		expect(items[0].json).toMatchObject({ credits_charged: 0, credits_would_charge: 7, dry_run: true });
		expect(sim.state.credits).toBe(before);
		expect(sim.state.adCodeRequests.filter((r) => r.video_id === videoId)).toHaveLength(0);
	});

	it('orders once per Idempotency Key, keeping the price in the output; a re-run is replayed, not charged', async () => {
		const videoId = await finalizedVideo();
		const before = sim.state.credits;
		const order = request(videoId, { additionalFields: { note: 'Spring campaign' }, options: { idempotencyKey: 'ad-row-1' } });
		const first = await run(sim, order);
		expect(first.requests[0].body).toEqual({ authorization_days: 60, note: 'Spring campaign' });
		expect(first.requests[0].headers['idempotency-key']).toBe('video.requestAdCode:ad-row-1');
		expect(first.items[0].json).toMatchObject({
			video_id: videoId,
			status: 'pending',
			code: null,
			code_type: 'spark_code',
			authorization_days: 60,
			credits_charged: 7,
			cost_breakdown: { ad_code: 7, total: 7 },
		});
		const again = await run(sim, order);
		expect(again.items[0].json).toMatchObject({ idempotent_replay: true });
		expect(sim.state.credits).toBe(before - 7);
	});

	it('says why a video cannot get a code: not finalized yet, or a request already open; nothing charged', async () => {
		const inReview = await postedVideoBundle(sim);
		const notFinal = await run(sim, request(slot(sim, inReview, 1).id));
		expect(notFinal.error?.message).toBe(
			'Ad codes are only for finalized videos (posted and approved); this one is in_review. Finalize it (Video → Finalize) once it is posted, then run again. Nothing was charged.',
		);
		const videoId = await finalizedVideo();
		await run(sim, request(videoId));
		const open = await run(sim, request(videoId));
		expect(open.error?.message).toMatch(/^An ad code request for this video is already in progress/);
	});

	it('refuses an ID that cannot be one path segment, and a note over 500 characters, before sending', async () => {
		const dots = await run(sim, request('..'));
		expect(dots.error?.message).toBe('"Video ID" is not a valid ID (got "..")');
		const note = await run(sim, request('v1', { additionalFields: { note: 'n'.repeat(501) } }));
		expect(note.error?.message).toBe('"Note" must be at most 500 characters long (it has 501)');
		expect([...dots.requests, ...note.requests]).toHaveLength(0);
	});
});

describe('Video → Get Ad Code', () => {
	it('returns the latest request, with the code once TokPortal delivers it', async () => {
		const videoId = await finalizedVideo();
		const none = await run(sim, { resource: 'video', operation: 'getAdCode', videoId });
		expect(none.error?.message).toBe('No ad code was requested for this video yet. Use Video → Request Ad Code first.');
		await run(sim, request(videoId));
		sim.operator.submitAdCode(videoId, 'SPARK-123456');
		sim.operator.deliverAdCode(videoId);
		const { items, requests } = await run(sim, { resource: 'video', operation: 'getAdCode', videoId });
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /videos/${videoId}/ad-code-request`]);
		expect(items[0].json).toMatchObject({ video_id: videoId, status: 'finalized', code: 'SPARK-123456', code_expires_at: expect.any(String) });
	});
});
