// Paid and configuration work on delivered accounts and the user, over real HTTP: ad codes, profile
// edit requests, the commenting profile and PATCH /me.
import { DEFAULT_API_KEY, type Simulator, startSimulator } from './index';
import { client, control } from './testHelpers';

const OTHER_KEY = `sk_${'a'.repeat(64)}`;
let sim: Simulator;
let call: ReturnType<typeof client>;
let sim$: ReturnType<typeof control>;

beforeAll(async () => {
	sim = await startSimulator({ seed: { accounts: 15, bundles: 10 }, rateLimit: false, apiKeys: [DEFAULT_API_KEY, OTHER_KEY] });
	call = client(sim);
	sim$ = control(sim);
});
afterAll(() => sim.close());

/** Posted videos of bundles with a delivered, unbanned account. */
const videos = (status: string) =>
	sim.state.bundles
		.filter((b) => b.saved_account_id && sim.state.accounts.some((a) => a.id === b.saved_account_id && !a.banned))
		.flatMap((b) => b.videos.filter((v) => v.status === status && v.platform_url).map((v) => ({ bundle: b, video: v })));

const managedAccount = () =>
	sim.state.accounts.find((a) => !a.banned && sim.state.bundles.some((b) => b.saved_account_id === a.id && b.status === 'accepted'))!;

describe('ad codes', () => {
	test('request for a finalized video: 7 credits, dry run, Idempotency-Key; then submitted and delivered', async () => {
		const { bundle, video } = videos('finalized')[0];
		const dry = await call('POST', `/videos/${video.id}/ad-code-request`, { body: {}, headers: { 'X-TokPortal-Dry-Run': 'true' } });
		expect(dry.body).toMatchObject({ credits_charged: 0, credits_would_charge: 7, dry_run: true });
		const before = sim.state.credits;
		const headers = { 'Idempotency-Key': `ad-${video.id}` };
		const res = await call('POST', `/videos/${video.id}/ad-code-request`, { body: { authorization_days: 60, note: 'Q3 push' }, headers });
		expect(res.status).toBe(201);
		expect(res.body).toMatchObject({
			data: {
				video_id: video.id,
				bundle_id: bundle.id,
				saved_account_id: bundle.saved_account_id,
				code_type: bundle.platform === 'instagram' ? 'partner_code' : 'spark_code',
				status: 'pending',
				code: null,
				authorization_days: 60,
				note: 'Q3 push',
			},
			credits_charged: 7,
			credits_remaining: before - 7,
			cost_breakdown: { ad_code: 7, total: 7 },
		});
		const replay = await call('POST', `/videos/${video.id}/ad-code-request`, { body: { authorization_days: 60, note: 'Q3 push' }, headers });
		expect(replay.headers.get('idempotent-replayed')).toBe('true');
		expect(sim.state.credits).toBe(before - 7);
		const open = await call('POST', `/videos/${video.id}/ad-code-request`, { body: {} });
		expect(open.body.error).toMatchObject({ code: 'AD_CODE_REQUEST_ALREADY_OPEN', details: { ad_code_request_id: res.body.data.id } });
		expect((await call('GET', `/videos/${video.id}/ad-code-request`)).body.data).toMatchObject({ status: 'pending', code: null });
		await sim$('POST', `/videos/${video.id}/ad-code/submit`, { code: '#SPARK-123' });
		expect((await call('GET', `/videos/${video.id}/ad-code-request`)).body.data).toMatchObject({ status: 'in_review', code: '#SPARK-123' });
		await sim$('POST', `/videos/${video.id}/ad-code/deliver`);
		const delivered = (await call('GET', `/videos/${video.id}/ad-code-request`)).body.data;
		expect(delivered).toMatchObject({ status: 'finalized', code: '#SPARK-123' });
		expect(Date.parse(delivered.code_expires_at) - Date.parse(delivered.delivered_at)).toBe(60 * 86_400_000);
		expect((await call('POST', `/videos/${video.id}/ad-code-request`, { body: {} })).status).toBe(201);
	});

	test('refusals: not finalized, bad body, unknown or foreign video, nothing requested yet', async () => {
		const unposted = sim.state.bundles.flatMap((b) => b.videos).find((v) => v.status === 'pending')!;
		const notFinal = await call('POST', `/videos/${unposted.id}/ad-code-request`, { body: {} });
		expect(notFinal.body.error).toMatchObject({ code: 'VIDEO_NOT_FINALIZED', details: { current_status: 'pending' } });
		// Posted but still waiting for the customer's review (no auto-finalize): not final yet.
		const waiting = videos('in_review')[0].video;
		const inReview = await call('POST', `/videos/${waiting.id}/ad-code-request`, { body: {} });
		expect(inReview.body.error).toMatchObject({ code: 'VIDEO_NOT_FINALIZED', details: { current_status: 'in_review' } });
		const { video } = videos('finalized')[1];
		for (const [body, code] of [
			[{ authorization_days: 14 }, 'VALIDATION_ERROR'],
			[{ days: 30 }, 'UNKNOWN_FIELD'],
		] as const) {
			const res = await call('POST', `/videos/${video.id}/ad-code-request`, { body });
			expect([res.status, res.body.error.code]).toEqual([400, code]);
		}
		const none = await call('GET', `/videos/${video.id}/ad-code-request`);
		expect([none.status, none.body.error.code]).toEqual([404, 'AD_CODE_REQUEST_NOT_FOUND']);
		for (const key of [DEFAULT_API_KEY, OTHER_KEY]) {
			const id = key === OTHER_KEY ? video.id : '00000000-0000-4000-8000-000000000000';
			const res = await call('POST', `/videos/${id}/ad-code-request`, { body: {}, key });
			expect([res.status, res.body.error.code]).toEqual([404, 'VIDEO_NOT_FOUND']);
		}
	});
});

describe('profile edit request', () => {
	const body = { requested_username: 'fresh.name', requested_visible_name: 'Fresh Name', requested_biography: 'New bio' };

	test('8 credits, one at a time, GET shows the latest; the manager applies it to the account', async () => {
		const account = managedAccount();
		expect((await call('GET', `/accounts/${account.id}/edit-request`)).body).toEqual({ data: null });
		const before = sim.state.credits;
		const res = await call('POST', `/accounts/${account.id}/edit-request`, { body });
		expect(res.status).toBe(201);
		expect(res.body).toMatchObject({
			data: { edit_request_id: expect.any(String), account_id: account.id, status: 'pending', ...body, requested_profile_picture_url: null },
			credits_charged: 8,
			credits_remaining: before - 8,
			cost_breakdown: { edit_request: 8, total: 8 },
		});
		const twice = await call('POST', `/accounts/${account.id}/edit-request`, { body });
		expect(twice.body.error).toMatchObject({ code: 'EDIT_REQUEST_ALREADY_PENDING', details: { edit_request_id: res.body.data.edit_request_id } });
		await sim$('POST', `/accounts/${account.id}/edit-request/complete`, {});
		expect((await call('GET', `/accounts/${account.id}/edit-request`)).body.data).toMatchObject({ status: 'completed', completed_at: expect.any(String) });
		const updated = (await call('GET', `/accounts/${account.id}`)).body.data;
		expect(updated).toMatchObject({ username: 'fresh.name', visible_name: 'Fresh Name', biography: 'New bio' });
		expect(updated.profile_url).toContain('fresh.name');
		const second = await call('POST', `/accounts/${account.id}/edit-request`, { body: { ...body, requested_username: 'fresher' } });
		expect(second.status).toBe(201);
		const credits = sim.state.credits;
		await sim$('POST', `/accounts/${account.id}/edit-request/complete`, { outcome: 'rejected' });
		expect(sim.state.credits).toBe(credits + 8);
	});

	test.each([
		[{ requested_visible_name: 'X' }, 'requested_username'],
		[{ ...body, requested_username: 'has space' }, 'requested_username'],
		[{ ...body, requested_visible_name: 'y'.repeat(31) }, 'requested_visible_name'],
		[{ ...body, requested_biography: 'b'.repeat(81) }, 'requested_biography'],
		[{ ...body, requested_profile_picture_url: 'not a url' }, 'requested_profile_picture_url'],
		[{ ...body, username: 'x' }, 'username'],
	])('%# invalid %j → 400 on %s', async (payload, field) => {
		const res = await call('POST', `/accounts/${managedAccount().id}/edit-request`, { body: payload });
		expect([res.status, res.body.error.details.field]).toEqual([400, field]);
	});

	test('link in bio is Instagram only; accounts without a manager or banned are refused', async () => {
		const tiktok = sim.state.accounts.find((a) => a.platform === 'tiktok' && !a.banned)!;
		const link = await call('POST', `/accounts/${tiktok.id}/edit-request`, { body: { ...body, requested_link_in_bio: 'https://x.test' } });
		expect(link.body.error).toMatchObject({ code: 'VALIDATION_ERROR', details: { field: 'requested_link_in_bio' } });
		const idle = sim.state.accounts.find(
			(a) => !a.banned && !sim.state.bundles.some((b) => b.saved_account_id === a.id || b.existing_account_id === a.id),
		)!;
		const noOrder = await call('POST', `/accounts/${idle.id}/edit-request`, { body });
		expect([noOrder.status, noOrder.body.error.code]).toEqual([409, 'EDIT_REQUEST_NO_ACTIVE_ORDER']);
		const banned = sim.state.accounts.find((a) => a.banned)!;
		const blocked = await call('POST', `/accounts/${banned.id}/edit-request`, { body });
		expect(blocked.body.error).toMatchObject({ code: 'MANAGED_ACCOUNT_TASK_BLOCKED', details: { reason: 'account_banned' } });
	});
});

describe('commenting profile', () => {
	test('partial updates merge over the defaults; validated; detached or banned accounts refused', async () => {
		const account = sim.state.accounts.find((a) => !a.banned)!;
		const first = await call('PATCH', `/accounts/${account.id}/commenting-profile`, { body: { enabled: true, tone: 'playful', topics: ['fitness'] } });
		expect(first.body.data).toEqual({
			account_id: account.id,
			commenting_profile: {
				enabled: true,
				persona: null,
				tone: 'playful',
				languages: ['en'],
				topics: ['fitness'],
				avoid_topics: [],
				max_comments_per_day: 10,
				updated_at: expect.any(String),
			},
		});
		const second = await call('PATCH', `/accounts/${account.id}/commenting-profile`, { body: { persona: 'A gym coach', languages: ['en', 'fr'] } });
		expect(second.body.data.commenting_profile).toMatchObject({ enabled: true, tone: 'playful', persona: 'A gym coach', languages: ['en', 'fr'] });
		for (const [payload, code, field] of [
			[{}, 'VALIDATION_ERROR', 'body'],
			[{ tone: 'angry' }, 'VALIDATION_ERROR', 'tone'],
			[{ languages: ['english'] }, 'VALIDATION_ERROR', 'languages'],
			[{ max_comments_per_day: 0 }, 'VALIDATION_ERROR', 'max_comments_per_day'],
			[{ voice: 'x' }, 'UNKNOWN_FIELD', 'voice'],
		] as const) {
			const res = await call('PATCH', `/accounts/${account.id}/commenting-profile`, { body: payload });
			expect([res.status, res.body.error.code, res.body.error.details.field]).toEqual([400, code, field]);
		}
		const banned = sim.state.accounts.find((a) => a.banned)!;
		const refused = await call('PATCH', `/accounts/${banned.id}/commenting-profile`, { body: { enabled: true } });
		expect([refused.status, refused.body.error.code]).toEqual([409, 'MANAGED_ACCOUNT_TASK_BLOCKED']);
		const foreign = await call('PATCH', `/accounts/${account.id}/commenting-profile`, { body: { enabled: true }, key: OTHER_KEY });
		expect([foreign.status, foreign.body.error.code]).toEqual([403, 'SAVED_ACCOUNT_NOT_OWNED']);
	});
});

describe('PATCH /me', () => {
	test('changes the safe settings, shown by GET /me; identity and credits are read-only', async () => {
		const me = await call('GET', '/me');
		expect(me.body.data).toMatchObject({
			plan: 'marketer',
			workspace_id: 'ws_user_1',
			settings: { display_name: null, timezone: 'UTC', default_country: null, low_credit_alert_threshold: null },
		});
		const res = await call('PATCH', '/me', {
			body: { timezone: 'Europe/Paris', default_country: 'us', default_platform: 'instagram', low_credit_alert_threshold: 500, notification_email: 'ops@agency.test' },
		});
		expect(res.status).toBe(200);
		expect(res.body.data.settings).toEqual({
			display_name: null,
			notification_email: 'ops@agency.test',
			timezone: 'Europe/Paris',
			default_country: 'US',
			default_platform: 'instagram',
			low_credit_alert_threshold: 500,
		});
		expect((await call('GET', '/me')).body.data.settings.timezone).toBe('Europe/Paris');
		// Like every response, the country shows as an ISO code, whichever form was sent.
		expect((await call('PATCH', '/me', { body: { default_country: 'UK' } })).body.data.settings.default_country).toBe('GB');
		await call('PATCH', '/me', { body: { low_credit_alert_threshold: null } });
		expect((await call('GET', '/me')).body.data.settings).toMatchObject({ low_credit_alert_threshold: null, timezone: 'Europe/Paris' });
		expect((await call('GET', '/me', { key: OTHER_KEY })).body.data.settings.timezone).toBe('UTC');
		for (const [payload, code, field] of [
			[{ credits: 99999 }, 'UNKNOWN_FIELD', 'credits'],
			[{ theme: 'dark' }, 'UNKNOWN_FIELD', 'theme'],
			[{ timezone: 'Mars/Olympus' }, 'VALIDATION_ERROR', 'timezone'],
			[{ default_country: 'ZZ' }, 'VALIDATION_ERROR', 'default_country'],
			[{ notification_email: 'nope' }, 'VALIDATION_ERROR', 'notification_email'],
			[{}, 'VALIDATION_ERROR', 'body'],
		] as const) {
			const bad = await call('PATCH', '/me', { body: payload });
			expect([bad.status, bad.body.error.code, bad.body.error.details.field]).toEqual([400, code, field]);
		}
		expect((await call('PATCH', '/me', { body: { email: 'x@y.z' } })).body.error.details.read_only).toBe(true);
	});
});
