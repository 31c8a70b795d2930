// TokPortal Coverage over real HTTP: grandfathered accounts, cancel (what it ends, the task gate),
// reactivation against the quote, lapses/renewals/ends driven by /_sim/, and the subscription.* webhooks.
import { DEFAULT_API_KEY, type DeliveredAccount, type Simulator, startSimulator } from './index';
import { client, control, pause, publishedBundle, type Receiver, signatureValid, startReceiver } from './testHelpers';

let sim: Simulator;
let call: ReturnType<typeof client>;
let sim$: ReturnType<typeof control>;
let rx: Receiver;
let secret: string;
const OTHER_KEY = `sk_${'e'.repeat(64)}`;
const TERMS = ['vegan recipes', 'meal prep', 'high protein'];

beforeAll(async () => {
	sim = await startSimulator({ seed: { accounts: 25, bundles: 10 }, rateLimit: false, apiKeys: [DEFAULT_API_KEY, OTHER_KEY] });
	call = client(sim);
	sim$ = control(sim);
	rx = await startReceiver();
	const hook = await call('POST', '/webhooks', {
		body: { url: rx.url, events: ['subscription.renewed', 'subscription.lapsed', 'subscription.cancelled', 'subscription.reactivated', 'subscription.ended'] },
	});
	secret = hook.body.data.signing_secret;
});
afterAll(async () => {
	await sim.close();
	await rx.close();
});

const used = new Set<string>();
/** A fresh account of each kind per test. */
function take(predicate: (a: DeliveredAccount) => boolean): DeliveredAccount {
	const account = sim.state.accounts.find((a) => !used.has(a.id) && !a.banned && predicate(a));
	if (!account) throw new Error('no such account');
	used.add(account.id);
	return account;
}

async function lastEvent(): Promise<{ type: string; data: Record<string, unknown> }> {
	await pause(50);
	const last = rx.received.at(-1)!;
	expect(signatureValid(last, secret)).toBe(true);
	return JSON.parse(last.rawBody);
}

test('grandfathered (pre-cutoff) accounts have no Coverage record; ownership is checked first', async () => {
	const old = take((a) => !a.post_cutoff);
	for (const [method, path] of [
		['GET', ''],
		['POST', '/cancel'],
		['POST', '/reactivate'],
	]) {
		const body = method === 'POST' && path === '/reactivate' ? { expected_credits: 0, expected_current_period_end: '2026-01-01T00:00:00Z', expected_lock_version: 1 } : undefined;
		const res = await call(method, `/accounts/${old.id}/managed-subscription${path}`, { body });
		expect([res.status, res.body.error.code]).toEqual([404, 'MANAGED_SUBSCRIPTION_NOT_FOUND']);
	}
	const foreign = await call('GET', `/accounts/${old.id}/managed-subscription`, { key: OTHER_KEY });
	expect([foreign.status, foreign.body.error.code]).toEqual([403, 'SAVED_ACCOUNT_NOT_OWNED']);
});

test('an active record; cancel says what ends, pauses work and gates paid tasks; reactivate against the quote', async () => {
	const account = take((a) => a.post_cutoff);
	const res = await call('GET', `/accounts/${account.id}/managed-subscription`);
	expect(res.body.data).toEqual({
		account_id: account.id,
		status: 'active',
		recorded_status: 'active',
		period_expired: false,
		current_period_start: expect.any(String),
		current_period_end: expect.any(String),
		period_days: 30,
		rate_credits: 25,
		first_period_included: true,
		unpaid_periods: 0,
		task_access: true,
		protections: { ban_protection: true, credit_restoration: true, replacement: true, support: true },
		reactivation_quote: null,
		lock_version: 1,
		cancelled_at: null,
		ended_at: null,
		ended_reason: null,
		updated_at: expect.any(String),
	});
	const periodEnd = res.body.data.current_period_end;
	const notNeeded = await call('POST', `/accounts/${account.id}/managed-subscription/reactivate`, {
		body: { expected_credits: 0, expected_current_period_end: periodEnd, expected_lock_version: 1 },
	});
	expect([notNeeded.status, notNeeded.body.error.code]).toEqual([409, 'MANAGED_SUBSCRIPTION_INVALID_STATUS']);

	const cancelled = await call('POST', `/accounts/${account.id}/managed-subscription/cancel`);
	expect(cancelled.status).toBe(200);
	expect(cancelled.body.data).toMatchObject({
		status: 'cancelled',
		task_access: false,
		protections: { ban_protection: false, credit_restoration: false, replacement: false, support: false },
		reactivation_quote: { credits: 0, current_period_end: periodEnd, lock_version: 2 },
	});
	expect(cancelled.body.effects).toEqual({
		effective_at: cancelled.body.data.cancelled_at,
		refund_credits: 0,
		ended: ['task_access', 'ban_protection', 'credit_restoration', 'replacement', 'support'],
		paused: { bundles: expect.any(Array), warming_sessions: [], comment_tasks: [], ad_code_requests: [] },
	});
	expect(await lastEvent()).toMatchObject({ type: 'subscription.cancelled', data: { saved_account_id: account.id, status: 'cancelled', previous_status: 'active' } });
	const twice = await call('POST', `/accounts/${account.id}/managed-subscription/cancel`);
	expect([twice.status, twice.body.error.code]).toEqual([409, 'MANAGED_SUBSCRIPTION_INVALID_STATUS']);

	const blocked = await call('POST', `/accounts/${account.id}/rewarm`, { body: { search_terms: TERMS } });
	expect(blocked.body.error).toMatchObject({ code: 'MANAGED_ACCOUNT_TASK_BLOCKED', details: { reason: 'coverage_cancelled' } });

	for (const body of [{}, { expected_credits: 0, expected_current_period_end: 'soon', expected_lock_version: 2 }, { expected_credits: -1 }]) {
		const bad = await call('POST', `/accounts/${account.id}/managed-subscription/reactivate`, { body });
		expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_ERROR']);
	}
	const stale = await call('POST', `/accounts/${account.id}/managed-subscription/reactivate`, {
		body: { expected_credits: 0, expected_current_period_end: periodEnd, expected_lock_version: 1 },
	});
	expect(stale.status).toBe(409);
	expect(stale.body.error).toMatchObject({
		code: 'MANAGED_SUBSCRIPTION_QUOTE_CHANGED',
		details: { reactivation_quote: { credits: 0, current_period_end: periodEnd, lock_version: 2 } },
	});
	const before = sim.state.credits;
	const back = await call('POST', `/accounts/${account.id}/managed-subscription/reactivate`, {
		body: { expected_credits: 0, expected_current_period_end: periodEnd, expected_lock_version: 2 },
	});
	expect(back.body).toMatchObject({ data: { status: 'active', task_access: true, lock_version: 3 }, credits_charged: 0 });
	expect(sim.state.credits).toBe(before);
	expect(await lastEvent()).toMatchObject({ type: 'subscription.reactivated', data: { previous_status: 'cancelled', credits_charged: 0 } });
});

test('cancel pauses every order under way on the account, its video phase included', async () => {
	// Delivered during the run (post-cutoff: it has Coverage); its posted video awaits review.
	const bundleId = await publishedBundle(call, { auto_finalize_videos: false, videos_quantity: 1 });
	sim.operator.acceptBundle(bundleId);
	const accountId = sim.operator.moveAccountToReview(bundleId).saved_account_id!;
	sim.operator.postVideo(bundleId, 1);
	expect(sim.state.bundles.find((b) => b.id === bundleId)!.status).toBe('in_review');
	const cancelled = await call('POST', `/accounts/${accountId}/managed-subscription/cancel`);
	expect(cancelled.body.effects.paused.bundles).toEqual([bundleId]);
});

test('lapse with unpaid periods (operator) → reactivation charges exactly them, once per Idempotency-Key', async () => {
	const account = take((a) => a.post_cutoff);
	const lapsed = await sim$('POST', `/accounts/${account.id}/coverage/lapse`, { unpaid_periods: 2 });
	expect(lapsed.body.data).toMatchObject({ status: 'lapsed', unpaid_periods: 2 });
	expect(await lastEvent()).toMatchObject({ type: 'subscription.lapsed', data: { unpaid_periods: 2, previous_status: 'active' } });
	const quote = (await call('GET', `/accounts/${account.id}/managed-subscription`)).body.data.reactivation_quote;
	expect(quote.credits).toBe(50);
	const body = { expected_credits: 50, expected_current_period_end: quote.current_period_end, expected_lock_version: quote.lock_version };
	const headers = { 'Idempotency-Key': `reactivate-${account.id}` };
	const dry = await call('POST', `/accounts/${account.id}/managed-subscription/reactivate`, { body, headers: { 'X-TokPortal-Dry-Run': 'true' } });
	expect(dry.body).toMatchObject({ credits_charged: 0, credits_would_charge: 50, dry_run: true });
	const before = sim.state.credits;
	const first = await call('POST', `/accounts/${account.id}/managed-subscription/reactivate`, { body, headers });
	const replay = await call('POST', `/accounts/${account.id}/managed-subscription/reactivate`, { body, headers });
	expect(first.body).toMatchObject({ credits_charged: 50, credits_remaining: before - 50, data: { status: 'active', unpaid_periods: 0 } });
	expect(replay.headers.get('idempotent-replayed')).toBe('true');
	expect(sim.state.credits).toBe(before - 50);
	expect((await call('GET', '/credits/history?per_page=1')).body.data[0]).toMatchObject({ amount: -50, breakdown: { coverage: 50, total: 50 } });
});

test('renewal (25 credits, next period) and the end of Coverage (terminal)', async () => {
	const account = take((a) => a.post_cutoff);
	const end = (await call('GET', `/accounts/${account.id}/managed-subscription`)).body.data.current_period_end;
	const before = sim.state.credits;
	await sim$('POST', `/accounts/${account.id}/coverage/renew`);
	expect(sim.state.credits).toBe(before - 25);
	const renewed = (await call('GET', `/accounts/${account.id}/managed-subscription`)).body.data;
	expect(renewed.current_period_start).toBe(end);
	expect(Date.parse(renewed.current_period_end) - Date.parse(end)).toBe(30 * 86_400_000);
	expect(await lastEvent()).toMatchObject({ type: 'subscription.renewed', data: { credits_charged: 25, current_period_end: renewed.current_period_end } });
	await sim$('POST', `/accounts/${account.id}/coverage/end`);
	expect(await lastEvent()).toMatchObject({ type: 'subscription.ended', data: { saved_account_id: account.id, status: 'ended' } });
	const ended = (await call('GET', `/accounts/${account.id}/managed-subscription`)).body.data;
	expect(ended).toMatchObject({ status: 'ended', task_access: false, reactivation_quote: null, ended_reason: 'ended_by_tokportal' });
	for (const path of ['/cancel', '/reactivate']) {
		const res = await call('POST', `/accounts/${account.id}/managed-subscription${path}`, {
			body: path === '/reactivate' ? { expected_credits: 0, expected_current_period_end: ended.current_period_end, expected_lock_version: ended.lock_version } : undefined,
		});
		expect([res.status, res.body.error.code]).toEqual([409, 'MANAGED_SUBSCRIPTION_ENDED']);
	}
	expect((await sim$('POST', `/accounts/${account.id}/coverage/lapse`, {})).body.error.code).toBe('SIM_INVALID_STATE');
});

test('a post-cutoff credential reveal ends Coverage with the account management', async () => {
	const account = take((a) => a.post_cutoff);
	const reveal = await call('POST', `/accounts/${account.id}/reveal-credentials`, {
		body: { acknowledge_support_forfeit: true, policy_version: 'managed-credential-reveal-v1' },
	});
	expect(reveal.status).toBe(200);
	const res = await call('GET', `/accounts/${account.id}/managed-subscription`);
	expect(res.body.data).toMatchObject({ status: 'ended', recorded_status: 'active', ended_reason: 'credential_reveal', task_access: false });
});
