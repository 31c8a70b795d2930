// Spec 002 "TokPortal API for Agencies", sentence by sentence (seedSentences.ts): the agency flow with
// the document's own example bodies.
import { startSimulator, type Simulator } from './index';
import { seedTest } from './seedSentences';
import { parseCsv } from './csv';
import { type Call, client, day, type Receiver, startReceiver } from './testHelpers';

const SECOND_KEY = `sk_${'cd'.repeat(32)}`;
let sim: Simulator;
let call: Call;
let receiver: Receiver;

beforeAll(async () => {
	// The second user of the organization is on the Starter analytics plan (no CSV export).
	sim = await startSimulator({ rateLimit: false, apiKeys: [`sk_${'ab'.repeat(32)}`, SECOND_KEY], plans: { [SECOND_KEY]: 'starter' } });
	call = client(sim);
	receiver = await startReceiver();
});
afterAll(async () => {
	await sim.close();
	await receiver.close();
});

// The document's examples, as sent.
const CREATE = {
	bundle_type: 'account_and_videos',
	platform: 'tiktok',
	country: 'US',
	title: 'Acme - US TikTok',
	videos_quantity: 10,
	external_ref: 'acme-spring-2026-us',
};
const ACCOUNT = {
	username: 'acme_us',
	visible_name: 'Acme',
	biography: 'New launches weekly.',
	profile_picture_url: 'https://cdn.example.com/acme/profile.jpg',
};
const VIDEO = {
	position: 1,
	video_type: 'video',
	description: 'Acme launch clip #1',
	target_publish_date: '2026-06-05',
	video_url: 'https://cdn.example.com/acme/clip-01.mp4',
	external_ref: 'acme-clip-01',
};
const BULK = {
	platforms: ['tiktok', 'instagram'],
	country: 'US',
	accounts_count: 3,
	upload_accounts_count: 1,
	videos_per_account: 5,
	external_ref: 'acme-spring-2026-us',
};

let bundleId: string;

test(seedTest('S002-03'), async () => {
	const res = await call('POST', '/bundles', { body: CREATE });
	expect(res.status).toBe(201);
	bundleId = res.body.data.id;
	expect(res.body.data).toMatchObject({ ...CREATE, status: 'pending_setup', videos_total: 10, next_action: 'configure_account' });
	expect(res.body.cost_breakdown).toEqual({ account_creation: 32, video_slots: 20, edit_slots: 0, advanced_warming: 0, total: 52 });
});

test(seedTest('S002-02'), async () => {
	const listed = await call('GET', `/bundles?external_ref=${CREATE.external_ref}`);
	expect(listed.body.data.map((b: { id: string }) => b.id)).toEqual([bundleId]);
});

test(seedTest('S002-04'), async () => {
	const res = await call('PUT', `/bundles/${bundleId}/account`, { body: ACCOUNT });
	expect([res.status, res.body.data.account]).toEqual([200, expect.objectContaining(ACCOUNT)]);
});

test(seedTest('S002-05'), async () => {
	const video = { ...VIDEO, target_publish_date: day(5) };
	const res = await call('PUT', `/bundles/${bundleId}/videos/batch`, { body: { videos: [video] } });
	expect(res.status).toBe(200);
	expect(res.body.data).toEqual({
		bundle_id: bundleId,
		configured: [expect.objectContaining({ ...video, status: 'configured' })],
		errors: [],
	});
	expect((await call('GET', `/bundles/${bundleId}`)).body.data.next_action).toBe('publish_bundle');
});

test(seedTest('S002-06'), async () => {
	// The example's date is in the past by now: TokPortal refuses it for the lead time.
	const res = await call('PUT', `/bundles/${bundleId}/videos/batch`, { body: { videos: [{ ...VIDEO, position: 2 }] } });
	expect(res.body.data.errors).toEqual([
		{
			index: 0,
			position: 2,
			code: 'INVALID_DATE',
			message: expect.stringContaining('2026-06-05'),
			details: { field: 'target_publish_date', date: '2026-06-05', min_days_ahead: 3, earliest_allowed: day(3) },
		},
	]);
});

test(seedTest('S002-07'), async () => {
	const several = await call('POST', '/bundles/bulk', { body: { ...BULK, country: ['US', 'FR'] } });
	expect([several.status, several.body.error.code, several.body.error.details.field]).toEqual([400, 'VALIDATION_ERROR', 'country']);
});

test(seedTest('S002-08'), async () => {
	for (const country of ['US', 'FR']) {
		const res = await call('POST', '/bundles/bulk', { body: { ...BULK, external_ref: `loop-${country}`, country } });
		expect(res.body.data.bundles.every((b: { country: string }) => b.country === country)).toBe(true);
	}
});

test(seedTest('S002-09'), async () => {
	const res = await call('POST', '/bundles/bulk', { body: BULK });
	expect(res.status).toBe(201);
	const types = res.body.data.bundles.map((b: { platform: string; bundle_type: string; videos_quantity: number }) => [
		b.platform,
		b.bundle_type,
		b.videos_quantity,
	]);
	expect(types).toEqual([
		['tiktok', 'account_and_videos', 5],
		['tiktok', 'account_only', 0],
		['tiktok', 'account_only', 0],
		['instagram', 'account_and_videos', 5],
		['instagram', 'account_only', 0],
		['instagram', 'account_only', 0],
	]);
	expect(res.body.credits_charged).toBe(6 * 32 + 2 * 5 * 2);
});

test(seedTest('S002-10'), async () => {
	const res = await call('GET', `/bundles?external_ref=${BULK.external_ref}&per_page=100`);
	// The single bundle and the six of the bulk order share the client reference.
	expect(res.body.pagination.total).toBe(7);
});

test(seedTest('S002-11'), async () => {
	const hook = await call('POST', '/webhooks', {
		body: { url: receiver.url, events: ['bundle.published', 'account.finalized', 'video.finalized'], description: 'Agency client dashboard' },
	});
	expect(hook.status).toBe(201);
	expect((await call('POST', `/bundles/${bundleId}/publish`)).status).toBe(200);
	sim.operator.acceptBundle(bundleId);
	sim.operator.moveAccountToReview(bundleId);
	await call('POST', `/bundles/${bundleId}/account/finalize`);
	sim.operator.postVideo(bundleId, 1); // auto_finalize_videos defaults to true
	await receiver.waitFor(3);
	const types = receiver.received.map((r) => JSON.parse(r.rawBody).type);
	expect(types).toEqual(['bundle.published', 'account.finalized', 'video.finalized']);
	const finalized = JSON.parse(receiver.received[2].rawBody);
	expect(finalized.data).toMatchObject({ bundle_id: bundleId, position: 1, external_ref: 'acme-clip-01', platform_url: expect.any(String) });
});

test(seedTest('S002-12'), async () => {
	// S002-11 delivered the account of the client bundle and posted its video 1.
	const accountId = (await call('GET', `/bundles/${bundleId}`)).body.data.saved_account_id;
	const video = (await call('GET', `/bundles/${bundleId}/videos/1`)).body.data;
	const res = await call('GET', `/accounts/${accountId}/analytics`);
	expect(res.status).toBe(200);
	const views = (await call('GET', `/videos/${video.id}/analytics`)).body.data.views;
	expect(res.body.data).toMatchObject({ account_id: accountId, total_videos_tracked: 1, total_views: views });
});

test(seedTest('S002-13'), async () => {
	const accountId = (await call('GET', `/bundles/${bundleId}`)).body.data.saved_account_id;
	const video = (await call('GET', `/bundles/${bundleId}/videos/1`)).body.data;
	const res = await call('GET', `/analytics/export/videos?account=${accountId}`);
	expect([res.status, res.headers.get('content-type')]).toEqual([200, 'text/csv; charset=utf-8']);
	const [header, ...rows] = parseCsv(res.body)!;
	const column = (name: string) => rows.map((r) => r[header.indexOf(name)]);
	expect([column('account_id'), column('video_id'), column('platform_url')]).toEqual([[accountId], [video.id], [video.platform_url]]);
	const starter = await call('GET', `/analytics/export/videos?account=${accountId}`, { key: SECOND_KEY });
	expect([starter.status, starter.body.error.code, starter.body.error.details.required_plan]).toEqual([
		403,
		'ANALYTICS_PLAN_UPGRADE_REQUIRED',
		'creator',
	]);
});

test(seedTest('S002-14'), async () => {
	const before = sim.state.credits;
	const other = await call('POST', '/bundles', { body: { bundle_type: 'account_only', country: 'FR' }, key: SECOND_KEY });
	expect(other.body.credits_remaining).toBe(before - 32);
	expect((await call('GET', '/credits/balance')).body.data.total_credits).toBe(before - 32);
});

test(seedTest('S002-01'), async () => {
	// Two API keys, two users: separate bundles, one organization wallet and one ledger.
	const mine = (await call('GET', '/bundles?per_page=100')).body.pagination.total;
	const theirs = (await call('GET', '/bundles?per_page=100', { key: SECOND_KEY })).body.pagination.total;
	expect([mine, theirs]).toEqual([sim.state.bundles.length - 1, 1]);
	const history = await call('GET', '/credits/history?per_page=100', { key: SECOND_KEY });
	expect(history.body.pagination.total).toBe(sim.state.ledger.length);
});

test(seedTest('S002-15'), async () => {
	const order = await call('POST', '/bundles', { body: { bundle_type: 'account_only', country: 'US', external_ref: 'acme-reconcile-us' } });
	const res = await call('GET', '/credits/history?page=1&per_page=50');
	expect(res.body.pagination).toMatchObject({ page: 1, per_page: 50 });
	// The newest entry is that order's debit, and it names the bundle it paid for.
	expect(res.body.data[0]).toEqual({
		id: expect.any(String),
		type: 'debit',
		amount: -32,
		description: expect.any(String),
		breakdown: expect.objectContaining({ account_creation: 32, total: 32 }),
		balance_after: sim.state.credits,
		reference_id: order.body.data.id,
		created_at: expect.any(String),
	});
	const total = res.body.data.reduce((sum: number, t: { amount: number }) => sum + t.amount, 0);
	expect(total).toBe(sim.state.credits - 10_000);
});
