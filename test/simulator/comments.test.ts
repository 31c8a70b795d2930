// Comment tasks over real HTTP: single and batch creation (rejected rows never charged), list filters,
// cancel with refund, the verifier flow driven by /_sim/, approve, dispute and the verification timeline.
import { DEFAULT_API_KEY, type Simulator, startSimulator } from './index';
import { client, control, deliveredAccount } from './testHelpers';

const OTHER_KEY = `sk_${'f'.repeat(64)}`;
const TIKTOK_VIDEO = 'https://www.tiktok.com/@brand/video/7300000000000000001';
let sim: Simulator;
let call: ReturnType<typeof client>;
let sim$: ReturnType<typeof control>;

beforeAll(async () => {
	sim = await startSimulator({ seed: { accounts: 12 }, rateLimit: false, apiKeys: [DEFAULT_API_KEY, OTHER_KEY] });
	call = client(sim);
	sim$ = control(sim);
});
afterAll(() => sim.close());

const accountOn = (platform: string) => sim.state.accounts.find((a) => a.platform === platform && !a.banned && !a.post_cutoff)!;
const task = (overrides: Record<string, unknown> = {}) => ({
	saved_account_id: accountOn('tiktok').id,
	target_video_url: TIKTOK_VIDEO,
	comment_text: 'Love this!',
	...overrides,
});

async function create(overrides: Record<string, unknown> = {}) {
	const res = await call('POST', '/comments', { body: task(overrides) });
	expect(res.status).toBe(201);
	return res.body.data.created[0];
}

test('one task: 201, 1 credit, the documented fields', async () => {
	const before = sim.state.credits;
	const res = await call('POST', '/comments', { body: task({ brief_id: 'brief-7' }) });
	expect(res.status).toBe(201);
	expect(res.body).toMatchObject({ created_count: 1, rejected_count: 0, credits_charged: 1, credits_remaining: before - 1 });
	const t = res.body.data.created[0];
	expect(Object.keys(t).sort()).toEqual(
		[
			'id',
			'status',
			'platform',
			'saved_account_id',
			'target_type',
			'target_video_url',
			'target_comment_url',
			'target_author_handle',
			'comment_text',
			'brief_id',
			'cm_payout_amount',
			'submitted_at',
			'verified_at',
			'manually_confirmed_at',
			'client_dispute_deadline_at',
			'finalized_at',
			'cancelled_at',
			'correction_required',
			'deadline_at',
			'dispute',
			'credits_charged',
			'credits_refunded',
			'created_at',
			'updated_at',
		].sort(),
	);
	expect(t).toMatchObject({ status: 'pending', platform: 'tiktok', target_type: 'video', target_author_handle: 'brand', brief_id: 'brief-7' });
	expect(Date.parse(t.deadline_at) - Date.parse(t.created_at)).toBe(72 * 3_600_000);
	expect(res.body.data.rejected).toEqual([]);
});

test.each([
	[{ comment_text: 'x'.repeat(151) }, 400, 'COMMENT_TOO_LONG'],
	[{ comment_text: '' }, 400, 'VALIDATION_ERROR'],
	[{ target_video_url: 'https://www.instagram.com/reel/abc/' }, 400, 'VALIDATION_ERROR'],
	[{ target_type: 'comment' }, 400, 'VALIDATION_ERROR'],
	[{ text: 'hi' }, 400, 'UNKNOWN_FIELD'],
	[{ saved_account_id: '00000000-0000-4000-8000-000000000000' }, 404, 'SAVED_ACCOUNT_NOT_FOUND'],
])('%# a single invalid task %j → %i %s, nothing charged', async (overrides, status, code) => {
	const before = sim.state.credits;
	const res = await call('POST', '/comments', { body: task(overrides) });
	expect([res.status, res.body.error.code]).toEqual([status, code]);
	expect(sim.state.credits).toBe(before);
});

test('platform rules: Instagram allows 2,200 characters; replies are TikTok only; YouTube accounts refused', async () => {
	const insta = accountOn('instagram');
	const long = await call('POST', '/comments', {
		body: { saved_account_id: insta.id, target_video_url: 'https://www.instagram.com/reel/Cabc123/', comment_text: 'y'.repeat(2200) },
	});
	expect(long.status).toBe(201);
	const reply = await create({ target_type: 'comment', target_comment_url: `${TIKTOK_VIDEO}?comment_id=1` });
	expect(reply).toMatchObject({ target_type: 'comment', target_comment_url: `${TIKTOK_VIDEO}?comment_id=1` });
	const yt = await call('POST', '/comments', { body: task({ saved_account_id: accountOn('youtube').id }) });
	expect([yt.status, yt.body.error.code]).toEqual([400, 'COMMENT_PLATFORM_NOT_SUPPORTED']);
});

test('a batch: accepted rows debited together, rejected rows reported with their index and never charged', async () => {
	const before = sim.state.credits;
	const res = await call('POST', '/comments', {
		body: { tasks: [task(), task({ comment_text: 'x'.repeat(151) }), task({ comment_text: 'Second' }), 'nope'] },
	});
	expect(res.status).toBe(201);
	expect(res.body).toMatchObject({ created_count: 2, rejected_count: 2, credits_charged: 2, credits_remaining: before - 2 });
	expect(res.body.data.rejected).toEqual([
		{ index: 1, code: 'COMMENT_TOO_LONG', message: expect.any(String), details: { field: 'comment_text', max_length: 150, length: 151 } },
		{ index: 3, code: 'VALIDATION_ERROR', message: expect.any(String), details: { field: 'task' } },
	]);
	for (const body of [{ tasks: [] }, { tasks: Array(201).fill(task()) }, { tasks: [task()], comment_text: 'x' }]) {
		const bad = await call('POST', '/comments', { body });
		expect([bad.status, bad.body.error.details.field]).toEqual([400, 'tasks']);
	}
	const credits = sim.state.credits;
	sim.state.credits = 1;
	try {
		const poor = await call('POST', '/comments', { body: { tasks: [task(), task()] } });
		expect([poor.status, poor.body.error.code]).toEqual([402, 'INSUFFICIENT_CREDITS']);
		expect(sim.state.credits).toBe(1);
	} finally {
		sim.state.credits = credits;
	}
});

test('retrying a create with its Idempotency-Key charges once', async () => {
	const before = sim.state.credits;
	const headers = { 'Idempotency-Key': 'comment-batch-1' };
	const first = await call('POST', '/comments', { body: { tasks: [task(), task()] }, headers });
	const again = await call('POST', '/comments', { body: { tasks: [task(), task()] }, headers });
	expect(again.headers.get('idempotent-replayed')).toBe('true');
	expect(again.body).toEqual(first.body);
	expect(sim.state.credits).toBe(before - 2);
});

test('list: newest first, comma-separated statuses, account filter, pagination; get and 404s', async () => {
	const insta = accountOn('instagram');
	const submitted = await create();
	await sim$('POST', `/comments/${submitted.id}/submit`);
	const list = await call('GET', '/comments?status=pending,submitted&per_page=2');
	expect(list.body.pagination).toMatchObject({ page: 1, per_page: 2 });
	expect(list.body.data[0].id).toBe(submitted.id);
	const onlySubmitted = await call('GET', '/comments?status=submitted');
	expect(onlySubmitted.body.data.map((t: { id: string }) => t.id)).toEqual([submitted.id]);
	const byAccount = await call('GET', `/comments?saved_account_id=${insta.id}`);
	expect(byAccount.body.data.every((t: { saved_account_id: string }) => t.saved_account_id === insta.id)).toBe(true);
	expect(byAccount.body.pagination.total).toBe(1);
	expect((await call('GET', '/comments?status=pending,done')).body.error).toMatchObject({ code: 'VALIDATION_ERROR', details: { field: 'status' } });
	expect((await call('GET', `/comments/${submitted.id}`)).body.data.status).toBe('submitted');
	const foreign = await call('GET', `/comments/${submitted.id}`, { key: OTHER_KEY });
	expect([foreign.status, foreign.body.error.code]).toEqual([404, 'COMMENT_TASK_NOT_FOUND']);
	expect((await call('GET', '/comments?per_page=100', { key: OTHER_KEY })).body.data).toEqual([]);
});

test('cancel while pending refunds the credit once; later statuses are refused', async () => {
	const t = await create();
	const before = sim.state.credits;
	const cancelled = await call('DELETE', `/comments/${t.id}`);
	expect(cancelled.body).toMatchObject({ data: { status: 'cancelled', credits_refunded: 1 }, credits_refunded: 1, credits_remaining: before + 1 });
	const again = await call('DELETE', `/comments/${t.id}`);
	expect([again.status, again.body.credits_refunded]).toEqual([200, 0]);
	expect(sim.state.credits).toBe(before + 1);
	expect((await call('GET', '/credits/history?per_page=1')).body.data[0]).toMatchObject({ type: 'credit', amount: 1 });
	const posted = await create();
	await sim$('POST', `/comments/${posted.id}/submit`);
	const late = await call('DELETE', `/comments/${posted.id}`);
	expect(late.body.error).toMatchObject({ code: 'COMMENT_TASK_INVALID_STATUS', details: { current_status: 'submitted', allowed_statuses: ['pending'] } });
	const expired = await sim$('POST', `/comments/${posted.id}/expire`);
	expect(expired.body.data).toMatchObject({ status: 'expired', credits_refunded: 1 });
});

test('verification: not found, then manually confirmed → approve → finalized; the timeline lists both passes', async () => {
	const t = await create();
	await sim$('POST', `/comments/${t.id}/submit`);
	const early = await call('POST', `/comments/${t.id}/approve`);
	expect(early.body.error).toMatchObject({ code: 'COMMENT_TASK_INVALID_STATUS', details: { allowed_statuses: ['manually_confirmed'] } });
	expect((await sim$('POST', `/comments/${t.id}/verify`, { result: 'not_found' })).body.data).toMatchObject({ status: 'submitted', correction_required: true });
	const confirmed = await sim$('POST', `/comments/${t.id}/verify`, { result: 'manually_confirmed' });
	expect(confirmed.body.data).toMatchObject({ status: 'manually_confirmed', correction_required: false });
	const approved = await call('POST', `/comments/${t.id}/approve`);
	expect(approved.body.data).toMatchObject({ status: 'finalized', finalized_at: expect.any(String) });
	const timeline = await call('GET', `/comments/${t.id}/verifications`);
	expect(timeline.body.data).toEqual([
		expect.objectContaining({ task_id: t.id, attempt: 1, result: 'not_found', similarity: null, matched_comment_url: null }),
		expect.objectContaining({ task_id: t.id, attempt: 2, result: 'manually_confirmed', matched_author_handle: accountOn('tiktok').username }),
	]);
	expect((await sim$('POST', `/comments/${t.id}/verify`, { result: 'oops' })).status).toBe(400);
});

test('dispute a verified task inside its window; reason required; finalized tasks cannot be disputed', async () => {
	const t = await create();
	await sim$('POST', `/comments/${t.id}/submit`);
	const verified = await sim$('POST', `/comments/${t.id}/verify`, { result: 'matched' });
	expect(verified.body.data).toMatchObject({ status: 'verified', verifications: [{ result: 'matched', similarity: 0.97 }] });
	expect(Date.parse(verified.body.data.client_dispute_deadline_at) - Date.parse(verified.body.data.verified_at)).toBe(72 * 3_600_000);
	expect((await call('POST', `/comments/${t.id}/dispute`, { body: {} })).body.error.details.field).toBe('reason');
	const disputed = await call('POST', `/comments/${t.id}/dispute`, { body: { reason: 'Wrong account commented.' } });
	expect(disputed.body.data).toMatchObject({ status: 'disputed', dispute: { reason: 'Wrong account commented.', disputed_at: expect.any(String) } });
	const other = await create();
	await sim$('POST', `/comments/${other.id}/submit`);
	await sim$('POST', `/comments/${other.id}/verify`, { result: 'matched' });
	await sim$('POST', `/comments/${other.id}/finalize`);
	const closed = await call('POST', `/comments/${other.id}/dispute`, { body: { reason: 'late' } });
	expect([closed.status, closed.body.error.code]).toEqual([409, 'COMMENT_TASK_INVALID_STATUS']);
	const window = await create();
	await sim$('POST', `/comments/${window.id}/submit`);
	await sim$('POST', `/comments/${window.id}/verify`, { result: 'matched' });
	sim.state.commentTasks.find((x) => x.id === window.id)!.client_dispute_deadline_at = new Date(Date.now() - 1000).toISOString();
	const tooLate = await call('POST', `/comments/${window.id}/dispute`, { body: { reason: 'late' } });
	expect([tooLate.status, tooLate.body.error.code]).toEqual([409, 'COMMENT_TASK_DISPUTE_WINDOW_CLOSED']);
});

test('Coverage gates new tasks and approvals, not cancellations', async () => {
	// Accounts delivered during a run are post-cutoff: they have Coverage.
	const { accountId } = await deliveredAccount(sim, call, { username: 'gated.account', visible_name: 'Gated' }, { country: 'ES' });
	const pending = await create({ saved_account_id: accountId });
	const confirmed = await create({ saved_account_id: accountId });
	await sim$('POST', `/comments/${confirmed.id}/submit`);
	await sim$('POST', `/comments/${confirmed.id}/verify`, { result: 'manually_confirmed' });
	await call('POST', `/accounts/${accountId}/managed-subscription/cancel`);
	const blocked = await call('POST', '/comments', { body: task({ saved_account_id: accountId }) });
	expect(blocked.body.error).toMatchObject({ code: 'MANAGED_ACCOUNT_TASK_BLOCKED', details: { reason: 'coverage_cancelled' } });
	const approve = await call('POST', `/comments/${confirmed.id}/approve`);
	expect(approve.body.error.code).toBe('MANAGED_ACCOUNT_TASK_BLOCKED');
	expect((await call('DELETE', `/comments/${pending.id}`)).body.data.status).toBe('cancelled');
});
