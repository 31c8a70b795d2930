// The bundle/account state machine end to end, with the webhook events each step emits.
import { startSimulator, type Simulator } from './index';
import { client, type Receiver, startReceiver, VALID_ACCOUNT, videoConfig } from './testHelpers';

let sim: Simulator;
let call: ReturnType<typeof client>;
let receiver: Receiver;

beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
	call = client(sim);
	receiver = await startReceiver();
	const hook = await call('POST', '/webhooks', {
		body: {
			url: receiver.url,
			events: [
				'bundle.created',
				'bundle.published',
				'bundle.cancelled',
				'account.configured',
				'account.published',
				'account.in_review',
				'account.pending_corrections',
				'account.finalized',
				'account.remade',
				'account.banned',
				'video.configured',
				'video.published',
				'video.finalized',
			],
		},
	});
	expect(hook.status).toBe(201);
});
afterAll(async () => {
	await sim.close();
	await receiver.close();
});

const eventTypes = (bundleId: string) =>
	sim.state.events.filter((e) => e.data.bundle_id === bundleId).map((e) => e.type);

test('create → configure → blockers → publish → review → corrections → applied → finalize → complete', async () => {
	const created = await call('POST', '/bundles', {
		body: { bundle_type: 'account_and_videos', platform: 'tiktok', country: 'USA', videos_quantity: 2, external_ref: 'life-1' },
	});
	const id: string = created.body.data.id;
	expect(created.body.data).toMatchObject({ status: 'pending_setup', account_status: 'pending', next_action: 'configure_account' });

	const missing = await call('GET', `/bundles/${id}/publish-readiness`);
	expect(missing.body.data).toEqual({
		bundle_id: id,
		ready: false,
		blockers: [expect.objectContaining({ code: 'ACCOUNT_MISSING' }), expect.objectContaining({ code: 'NO_VIDEOS_CONFIGURED' })],
	});
	const refused = await call('POST', `/bundles/${id}/publish`);
	expect(refused.status).toBe(409);
	expect(refused.body.error.code).toBe('ACCOUNT_NOT_CONFIGURED');
	expect(refused.body.error.details.blockers.map((b: { code: string }) => b.code)).toEqual(['ACCOUNT_MISSING', 'NO_VIDEOS_CONFIGURED']);

	const configured = await call('PUT', `/bundles/${id}/account`, { body: VALID_ACCOUNT });
	expect(configured.status).toBe(200);
	expect((await call('GET', `/bundles/${id}/account`)).body.data).toMatchObject({ ...VALID_ACCOUNT, status: 'configured' });
	expect((await call('GET', `/bundles/${id}`)).body.data).toMatchObject({ account_configured: true, next_action: 'configure_videos' });
	const noVideo = await call('POST', `/bundles/${id}/publish`);
	expect([noVideo.status, noVideo.body.error.code]).toEqual([409, 'NO_VIDEOS_CONFIGURED']);
	await call('PUT', `/bundles/${id}/videos/1`, { body: videoConfig() });
	expect((await call('GET', `/bundles/${id}/publish-readiness`)).body.data).toMatchObject({ ready: true, blockers: [] });

	expect((await call('POST', `/bundles/${id}/publish`)).body.data).toMatchObject({ id, status: 'published' });
	const unpublished = await call('POST', `/bundles/${id}/unpublish`);
	expect(unpublished.body.data.status).toBe('pending_setup');
	expect((await call('GET', `/bundles/${id}/account`)).body.data.status).toBe('configured');
	await call('POST', `/bundles/${id}/publish`);
	const published = await call('GET', `/bundles/${id}`);
	expect(published.body.data).toMatchObject({
		status: 'published',
		is_published: true,
		next_action: null,
		account_status: 'configured',
		account_configured: true,
	});

	sim.operator.acceptBundle(id);
	const late = await call('POST', `/bundles/${id}/unpublish`);
	expect([late.status, late.body.error.code, late.body.error.details.current_status]).toEqual([
		409,
		'BUNDLE_INVALID_STATUS',
		'accepted',
	]);
	expect((await call('POST', `/bundles/${id}/account/finalize`)).body.error.code).toBe('invalid_status');

	sim.operator.moveAccountToReview(id);
	const review = await call('GET', `/bundles/${id}`);
	const savedId: string = review.body.data.saved_account_id;
	expect(savedId).toMatch(/^[0-9a-f-]{36}$/);
	expect(review.body.data.account).toMatchObject({ saved_account_id: savedId, status: 'in_review' });
	const inReview = sim.state.events.find((e) => e.type === 'account.in_review' && e.data.bundle_id === id)!;
	expect(inReview.data).toMatchObject({
		account_id: review.body.data.account.id,
		saved_account_id: savedId,
		username: 'streetstyle.nyc',
		platform: 'tiktok',
		status: 'in_review',
		previous_status: 'configured',
	});

	const corrections = {
		comment: 'Username needs to be shorter and biography should mention the city.',
		fields: { username: 'Please shorten.', biography: 'Mention New York City.' },
	};
	const requested = await call('POST', `/bundles/${id}/account/corrections`, { body: corrections });
	expect(requested.body.data).toEqual({
		id,
		account: { status: 'corrections_requested', corrections: { ...corrections, requested_at: expect.any(String) } },
	});
	expect((await call('GET', `/bundles?account_status=corrections_requested`)).body.data.map((b: { id: string }) => b.id)).toContain(id);
	expect((await call('GET', `/bundles/${id}/account`)).body.data.status).toBe('corrections_requested');

	sim.operator.applyCorrections(id, { username: 'streetstyle.ny', biography: 'Daily street fashion, NYC.' });
	const applied = await call('GET', `/bundles/${id}`);
	expect(applied.body.data.account.status).toBe('in_review');
	expect(applied.body.data.account.feedback_history).toEqual([
		{ type: 'corrections_requested', ...corrections, requested_at: expect.any(String), requested_by: 'api' },
		{
			type: 'corrections_applied',
			applied_at: expect.any(String),
			changes: {
				username: { from: 'streetstyle.nyc', to: 'streetstyle.ny' },
				biography: { from: VALID_ACCOUNT.biography, to: 'Daily street fashion, NYC.' },
			},
		},
	]);
	expect((await call('GET', `/accounts/${savedId}`)).body.data.username).toBe('streetstyle.ny');

	const finalized = await call('POST', `/bundles/${id}/account/finalize`);
	expect(finalized.body.data).toEqual({ id, account: { status: 'finalized', finalized_at: expect.any(String) } });
	expect((await call('GET', `/bundles/${id}`)).body.data.account.feedback_history[2]).toMatchObject({
		type: 'finalized',
		finalized_by: 'api',
	});

	const video = sim.operator.postVideo(id, 1);
	expect(video).toMatchObject({ status: 'finalized', platform_url: expect.stringContaining('https://www.tiktok.com/@streetstyle.ny/video/') });
	sim.operator.completeBundle(id);
	const mine = await call('GET', `/accounts/${savedId}/bundles?status=completed`);
	expect(mine.body.data).toEqual([
		expect.objectContaining({ id, status: 'completed', videos: { total: 2, pending: 1, configured: 0, published: 0, accepted: 0, finalized: 1 } }),
	]);

	expect(eventTypes(id)).toEqual([
		'bundle.created',
		'account.configured',
		'video.configured',
		'bundle.published',
		'account.published',
		'video.published',
		'bundle.published',
		'account.published',
		'video.published',
		'account.in_review',
		'account.pending_corrections',
		'account.in_review',
		'account.finalized',
		'video.finalized',
	]);
	await receiver.waitFor(14);
	const delivered = receiver.received.map((r) => JSON.parse(r.rawBody)).filter((e) => e.data.bundle_id === id);
	expect(delivered.map((e) => e.type).sort()).toEqual(eventTypes(id).sort());
	// The event type keeps its catalogue name; the status it reports is spec 003's.
	expect(delivered.find((e) => e.type === 'account.pending_corrections').data).toMatchObject({
		status: 'corrections_requested',
		previous_status: 'in_review',
	});
	expect(delivered.find((e) => e.type === 'account.finalized').data).toMatchObject({
		saved_account_id: savedId,
		status: 'finalized',
		previous_status: 'in_review',
		finalized_by: 'api',
	});
});

test('ban cancels active bundles; remake gives a new saved account under the same bundle; auto-finalize', async () => {
	const created = await call('POST', '/bundles', {
		body: { bundle_type: 'account_only', platform: 'instagram', country: 'FR', external_ref: 'life-2' },
	});
	const id: string = created.body.data.id;
	await call('PUT', `/bundles/${id}/account`, { body: { ...VALID_ACCOUNT, username: 'cafe.paris_' } });
	await call('POST', `/bundles/${id}/publish`);
	sim.operator.acceptBundle(id);
	sim.operator.moveAccountToReview(id);
	const first = sim.state.bundles.find((b) => b.id === id)!.saved_account_id!;

	sim.operator.banAccount(first);
	const cancelled = await call('GET', `/bundles/${id}`);
	expect(cancelled.body.data.status).toBe('cancelled');
	const publish = await call('POST', `/bundles/${id}/publish`);
	expect([publish.status, publish.body.error.code, publish.body.error.details.current_status]).toEqual([
		409,
		'BUNDLE_INVALID_STATUS',
		'cancelled',
	]);
	expect((await call('GET', '/accounts?banned=true')).body.data.map((a: { id: string }) => a.id)).toEqual([first]);

	sim.operator.remakeAccount(id);
	const remade = await call('GET', `/bundles/${id}`);
	const second: string = remade.body.data.saved_account_id;
	expect(second).not.toBe(first);
	expect(remade.body.data).toMatchObject({
		status: 'accepted',
		remade: { was_remade: true, remade_count: 1, old_username: 'cafe.paris_', remade_at: expect.any(String) },
		account: { status: 'in_review', username: 'cafe.paris__1' },
	});
	expect((await call('GET', `/accounts/${second}`)).body.data.remade).toMatchObject({ was_remade: true, old_username: 'cafe.paris_' });
	const remadeEvent = sim.state.events.find((e) => e.type === 'account.remade')!;
	expect(remadeEvent.data).toMatchObject({ bundle_id: id, saved_account_id: second, previous_saved_account_id: first });

	sim.operator.autoFinalizeAccount(id);
	expect((await call('GET', `/bundles/${id}/account`)).body.data.status).toBe('finalized');
	expect(eventTypes(id)).toEqual([
		'bundle.created',
		'account.configured',
		'bundle.published',
		'account.published',
		'account.in_review',
		'account.banned',
		'bundle.cancelled',
		'account.remade',
		'account.finalized',
	]);
	expect(sim.state.events.at(-1)!.data.finalized_by).toBe('auto');
});

test('list filters accept the video-phase statuses and validate enums', async () => {
	expect((await call('GET', '/bundles?status=in_review')).status).toBe(200);
	expect((await call('GET', '/bundles?status=finalized')).status).toBe(200);
	const bad = await call('GET', '/bundles?status=bogus');
	expect([bad.status, bad.body.error.code, bad.body.error.details.field]).toEqual([400, 'VALIDATION_ERROR', 'status']);
	const tiktok = await call('GET', '/bundles?platform=tiktok&bundle_type=account_and_videos');
	expect(tiktok.body.data.every((b: { platform: string }) => b.platform === 'tiktok')).toBe(true);
});
