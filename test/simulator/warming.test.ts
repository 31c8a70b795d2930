// Advanced Niche Warming over real HTTP: bought with a bundle (count or terms), terms configured once,
// the session starting at delivery, verification webhooks, generate-terms, the paid rewarm.
import { type DeliveredAccount, type Simulator, startSimulator } from './index';
import { client, control, pause, type Receiver, signatureValid, startReceiver, VALID_ACCOUNT } from './testHelpers';

const NINE = ['vegan recipes', 'meal prep', 'high protein', 'easy dinners', 'plant based', 'healthy snacks', 'tofu ideas', 'budget meals', 'quick lunch'];
let sim: Simulator;
let call: ReturnType<typeof client>;
let sim$: ReturnType<typeof control>;
let rx: Receiver;
let secret: string;

beforeAll(async () => {
	sim = await startSimulator({ seed: { accounts: 20, bundles: 10 }, rateLimit: false });
	call = client(sim);
	sim$ = control(sim);
	rx = await startReceiver();
	const hook = await call('POST', '/webhooks', {
		body: { url: rx.url, events: ['warming.session_started', 'warming.term_verified', 'warming.session_completed'] },
	});
	secret = hook.body.data.signing_secret;
});
afterAll(async () => {
	await sim.close();
	await rx.close();
});

async function events(from: number): Promise<Array<{ type: string; data: Record<string, unknown> }>> {
	await pause(50);
	expect(rx.received.slice(from).every((r) => signatureValid(r, secret))).toBe(true);
	return rx.received.slice(from).map((r) => JSON.parse(r.rawBody));
}

const sessionOf = (bundleId: string) => sim.state.warmingSessions.find((s) => s.bundle_id === bundleId)!;
/** The bundle that delivered the account is in one of these statuses. */
const deliveredBy = (a: DeliveredAccount, statuses: string[]) =>
	sim.state.bundles.some((b) => b.saved_account_id === a.id && statuses.includes(b.status));
/** A delivered account without warming that an account manager works on (its bundle was accepted, maybe in its video phase). */
const managed = (predicate: (a: DeliveredAccount) => boolean = () => true) =>
	sim.state.accounts.find(
		(a) =>
			!a.banned &&
			predicate(a) &&
			deliveredBy(a, ['accepted', 'in_review', 'finalized']) &&
			!sim.state.warmingSessions.some((s) => s.saved_account_id === a.id),
	)!;

describe('bought with a bundle', () => {
	test('create prices the terms (5 each); the session waits for its terms', async () => {
		const res = await call('POST', '/bundles', {
			body: { bundle_type: 'account_only', platform: 'tiktok', country: 'FR', wants_advanced_warming: true, advanced_warming_terms_count: 9 },
		});
		expect(res.status).toBe(201);
		expect(res.body.cost_breakdown).toMatchObject({ account_creation: 32, advanced_warming: 45, total: 77 });
		expect(res.body.credits_charged).toBe(77);
		expect(sessionOf(res.body.data.id)).toMatchObject({ status: 'awaiting_terms', terms_total: 9, terms: [], credits_charged: 45 });
	});

	test.each([
		[{ wants_advanced_warming: true, advanced_warming_terms_count: 9, wants_niche_warming: true, niche_warming_instructions: 'x' }, 'WARMING_CONFLICT'],
		[{ wants_advanced_warming: true, advanced_warming_terms_count: 10 }, 'ADVANCED_WARMING_TERMS'],
		[{ wants_advanced_warming: true }, 'ADVANCED_WARMING_TERMS'],
		[{ wants_advanced_warming: true, advanced_warming_terms_count: 3, advanced_warming_terms: NINE.slice(0, 3) }, 'ADVANCED_WARMING_TERMS'],
		[{ advanced_warming_terms_count: 9 }, 'VALIDATION_ERROR'],
	])('%# create %j → 400 %s, nothing charged', async (extra, code) => {
		const before = sim.state.credits;
		const res = await call('POST', '/bundles', { body: { bundle_type: 'account_only', country: 'FR', ...extra } });
		expect([res.status, res.body.error.code]).toEqual([400, code]);
		expect(sim.state.credits).toBe(before);
	});

	test('terms once, exact count (duplicates count once); the session starts when the account is delivered', async () => {
		const bundle = (await call('POST', '/bundles', {
			body: { bundle_type: 'account_only', platform: 'tiktok', country: 'US', wants_advanced_warming: true, advanced_warming_terms_count: 9 },
		})).body.data;
		const six = await call('PUT', `/bundles/${bundle.id}/warming-terms`, { body: { advanced_warming_terms: [...NINE.slice(0, 6), 'Meal Prep ', 'VEGAN RECIPES'] } });
		expect(six.status).toBe(400);
		expect(six.body.error).toMatchObject({ code: 'ADVANCED_WARMING_TERMS', details: { purchased_terms_count: 9, received_count: 6 } });
		const short = await call('PUT', `/bundles/${bundle.id}/warming-terms`, { body: { advanced_warming_terms: [...NINE.slice(0, 8), 'x'] } });
		expect(short.body.error).toMatchObject({ code: 'ADVANCED_WARMING_TERMS', details: { invalid_term: 'x' } });
		const ok = await call('PUT', `/bundles/${bundle.id}/warming-terms`, { body: { advanced_warming_terms: NINE } });
		expect(ok.status).toBe(200);
		expect(ok.body.data).toMatchObject({ bundle_id: bundle.id, status: 'scheduled', saved_account_id: null, terms_configured: 9, terms_verified: 0 });
		const again = await call('PUT', `/bundles/${bundle.id}/warming-terms`, { body: { advanced_warming_terms: NINE } });
		expect([again.status, again.body.error.code]).toEqual([409, 'WARMING_TERMS_ALREADY_SET']);

		const start = rx.received.length;
		await call('PUT', `/bundles/${bundle.id}/account`, { body: VALID_ACCOUNT });
		await call('POST', `/bundles/${bundle.id}/publish`);
		await sim$('POST', `/bundles/${bundle.id}/accept`);
		const review = await sim$('POST', `/bundles/${bundle.id}/account/review`);
		const accountId = review.body.data.saved_account_id;
		const [started] = await events(start);
		expect(started).toMatchObject({
			type: 'warming.session_started',
			data: { session_id: ok.body.data.id, saved_account_id: accountId, bundle_id: bundle.id, source: 'bundle', status: 'in_progress', terms_total: 9 },
		});
		const list = await call('GET', `/accounts/${accountId}/warming-sessions`);
		expect(list.body.data.map((s: { id: string; status: string }) => [s.id, s.status])).toEqual([[ok.body.data.id, 'in_progress']]);

		const mark = rx.received.length;
		const verified = await sim$('POST', `/warming-sessions/${ok.body.data.id}/verify-term`, { term: 'tofu ideas' });
		expect(verified.body.data.terms.find((t: { term: string }) => t.term === 'tofu ideas')).toMatchObject({
			status: 'verified',
			report: { videos_watched: expect.any(Number), comments: 1, proof_url: expect.stringMatching(/^https:\/\/proofs\.tokportal\.test\//) },
		});
		await sim$('POST', `/warming-sessions/${ok.body.data.id}/complete`);
		const got = await events(mark);
		expect(got.map((e) => e.type)).toEqual([...Array(9).fill('warming.term_verified'), 'warming.session_completed']);
		expect(got[0].data).toMatchObject({ term: 'tofu ideas', terms_verified: 1 });
		expect(got[9].data).toMatchObject({ status: 'completed', terms_verified: 9, report: { comments: 9 } });
		const session = await call('GET', `/warming-sessions/${ok.body.data.id}`);
		expect(session.body.data).toMatchObject({ status: 'completed', terms_verified: 9, completed_at: expect.any(String) });
	});

	test('explicit terms on a videos_only bundle start at once; bulk buys per account; no purchase → 404', async () => {
		const account = managed((a) => a.platform === 'instagram' || a.platform === 'tiktok');
		const start = rx.received.length;
		const res = await call('POST', '/bundles', {
			body: { bundle_type: 'videos_only', account_id: account.id, videos_quantity: 1, wants_advanced_warming: true, advanced_warming_terms: NINE.slice(0, 3) },
		});
		expect(res.body.cost_breakdown).toMatchObject({ video_slots: 2, advanced_warming: 15, total: 17 });
		expect(sessionOf(res.body.data.id)).toMatchObject({ status: 'in_progress', saved_account_id: account.id, terms_total: 3 });
		expect((await events(start)).map((e) => e.type)).toEqual(['warming.session_started']);

		const bulk = await call('POST', '/bundles/bulk', {
			body: { platforms: ['tiktok', 'instagram'], country: 'DE', accounts_count: 1, wants_advanced_warming: true, advanced_warming_terms_count: 3 },
		});
		expect(bulk.body.cost_breakdown).toMatchObject({ account_creation: 64, advanced_warming: 30, total: 94 });
		for (const b of bulk.body.data.bundles) expect(sessionOf(b.id)).toMatchObject({ status: 'awaiting_terms', terms_total: 3 });

		const plain = (await call('POST', '/bundles', { body: { bundle_type: 'account_only', country: 'FR' } })).body.data;
		const none = await call('PUT', `/bundles/${plain.id}/warming-terms`, { body: { advanced_warming_terms: NINE.slice(0, 3) } });
		expect([none.status, none.body.error.code]).toEqual([404, 'WARMING_SESSION_NOT_FOUND']);
		const missing = await call('GET', '/warming-sessions/00000000-0000-4000-8000-000000000000');
		expect([missing.status, missing.body.error.code]).toEqual([404, 'WARMING_SESSION_NOT_FOUND']);
	});

	test('terms never configured: the operator expiry cancels and refunds the purchase', async () => {
		const bundle = (await call('POST', '/bundles', {
			body: { bundle_type: 'account_only', country: 'IT', wants_advanced_warming: true, advanced_warming_terms_count: 6 },
		})).body.data;
		const before = sim.state.credits;
		const expired = await sim$('POST', `/warming-sessions/${sessionOf(bundle.id).id}/expire`);
		expect(expired.body.data).toMatchObject({ status: 'cancelled', credits_refunded: 30 });
		expect(sim.state.credits).toBe(before + 30);
		const late = await call('PUT', `/bundles/${bundle.id}/warming-terms`, { body: { advanced_warming_terms: NINE.slice(0, 6) } });
		expect([late.status, late.body.error.code]).toEqual([409, 'WARMING_SESSION_CANCELLED']);
	});
});

test('POST /warming/generate-terms: free, deterministic, validated', async () => {
	const body = { text: 'High protein vegan recipes for busy students', platform: 'tiktok' };
	const res = await call('POST', '/warming/generate-terms', { body });
	expect(res.status).toBe(200);
	expect(res.body.data).toMatchObject({ count: 9, platform: 'tiktok', credits_charged: 0 });
	expect(new Set(res.body.data.terms).size).toBe(9);
	expect(res.body.data.terms.every((t: string) => t.length >= 2 && t.length <= 50)).toBe(true);
	expect((await call('POST', '/warming/generate-terms', { body })).body.data.terms).toEqual(res.body.data.terms);
	expect((await call('POST', '/warming/generate-terms', { body: { ...body, count: 30 } })).body.data.terms).toHaveLength(30);
	for (const bad of [{ ...body, count: 4 }, { ...body, platform: 'youtube' }, { ...body, text: '' }, { platform: 'tiktok' }]) {
		const r = await call('POST', '/warming/generate-terms', { body: bad });
		expect([r.status, r.body.error.code]).toEqual([400, 'VALIDATION_ERROR']);
	}
});

describe('POST /accounts/{id}/rewarm', () => {
	test('starts a paid session at once; one at a time; dry run prices it', async () => {
		const account = managed();
		const dry = await call('POST', `/accounts/${account.id}/rewarm`, { body: { search_terms: NINE.slice(0, 6) }, headers: { 'X-TokPortal-Dry-Run': 'true' } });
		expect(dry.body).toMatchObject({ credits_charged: 0, credits_would_charge: 30, dry_run: true });
		const start = rx.received.length;
		const before = sim.state.credits;
		const res = await call('POST', `/accounts/${account.id}/rewarm`, { body: { search_terms: NINE.slice(0, 6) }, headers: { 'Idempotency-Key': 'rewarm-1' } });
		expect(res.status).toBe(201);
		expect(res.body).toMatchObject({
			data: { source: 'rewarm', saved_account_id: account.id, status: 'in_progress', terms_total: 6, credits_charged: 30 },
			credits_charged: 30,
			credits_remaining: before - 30,
			cost_breakdown: { advanced_warming: 30, total: 30 },
		});
		const replay = await call('POST', `/accounts/${account.id}/rewarm`, { body: { search_terms: NINE.slice(0, 6) }, headers: { 'Idempotency-Key': 'rewarm-1' } });
		expect([replay.status, replay.headers.get('idempotent-replayed')]).toEqual([201, 'true']);
		expect(sim.state.credits).toBe(before - 30);
		expect((await events(start)).map((e) => e.type)).toEqual(['warming.session_started']);
		const busy = await call('POST', `/accounts/${account.id}/rewarm`, { body: { search_terms: NINE.slice(0, 3) } });
		expect(busy.body.error).toMatchObject({ code: 'REWARM_ALREADY_ACTIVE', details: { session_id: res.body.data.id } });
	});

	test('cancelling Coverage pauses a running session; reactivating resumes it', async () => {
		// Accounts delivered during a run are post-cutoff: they have Coverage.
		const bundle = (await call('POST', '/bundles', { body: { bundle_type: 'account_only', country: 'ES' } })).body.data;
		await call('PUT', `/bundles/${bundle.id}/account`, { body: { ...VALID_ACCOUNT, username: 'coverage.case' } });
		await call('POST', `/bundles/${bundle.id}/publish`);
		await sim$('POST', `/bundles/${bundle.id}/accept`);
		const account = { id: (await sim$('POST', `/bundles/${bundle.id}/account/review`)).body.data.saved_account_id as string };
		const session = (await call('POST', `/accounts/${account.id}/rewarm`, { body: { search_terms: NINE.slice(0, 3) } })).body.data;
		const cancelled = await call('POST', `/accounts/${account.id}/managed-subscription/cancel`);
		expect(cancelled.body.effects.paused.warming_sessions).toEqual([session.id]);
		expect((await call('GET', `/warming-sessions/${session.id}`)).body.data.status).toBe('paused');
		expect((await sim$('POST', `/warming-sessions/${session.id}/verify-term`, {})).body.error.code).toBe('SIM_INVALID_STATE');
		const quote = cancelled.body.data.reactivation_quote;
		const back = await call('POST', `/accounts/${account.id}/managed-subscription/reactivate`, {
			body: { expected_credits: quote.credits, expected_current_period_end: quote.current_period_end, expected_lock_version: quote.lock_version },
		});
		expect(back.body.resumed).toEqual({ warming_sessions: [session.id] });
		expect((await call('GET', `/warming-sessions/${session.id}`)).body.data.status).toBe('in_progress');
	});

	test('preconditions: terms, platform, active order (the video phase is one), credits', async () => {
		// Its bundle is past `accepted`: videos in review or finalized; a manager still looks after it.
		const account = managed((a) => deliveredBy(a, ['in_review', 'finalized']));
		const cases: Array<[string, unknown, number, string]> = [
			[account.id, { search_terms: NINE.slice(0, 4) }, 400, 'ADVANCED_WARMING_TERMS'],
			[account.id, { terms: NINE.slice(0, 3) }, 400, 'UNKNOWN_FIELD'],
			[sim.state.accounts.find((a) => a.platform === 'youtube')!.id, { search_terms: NINE.slice(0, 3) }, 400, 'ADVANCED_WARMING_PLATFORM'],
			[
				sim.state.accounts.find((a) => a.platform !== 'youtube' && !a.banned && !a.origin_bundle_id && !sim.state.bundles.some((b) => b.existing_account_id === a.id))!.id,
				{ search_terms: NINE.slice(0, 3) },
				409,
				'REWARM_NO_ACTIVE_ORDER',
			],
		];
		for (const [id, body, status, code] of cases) {
			const res = await call('POST', `/accounts/${id}/rewarm`, { body });
			expect([res.status, res.body.error.code]).toEqual([status, code]);
		}
		const credits = sim.state.credits;
		sim.state.credits = 10;
		try {
			const poor = await call('POST', `/accounts/${account.id}/rewarm`, { body: { search_terms: NINE.slice(0, 3) } });
			expect(poor.body.error).toMatchObject({ code: 'INSUFFICIENT_CREDITS', details: { required: 15, available: 10 } });
		} finally {
			sim.state.credits = credits;
		}
		expect(sim.state.warmingSessions.some((s) => s.saved_account_id === account.id)).toBe(false);
	});
});
