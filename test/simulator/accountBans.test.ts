// Ban reports over real HTTP: the appeal lifecycle driven through /_sim/, its signed webhooks, the
// `since` watermark and filters of GET /account-bans, staff resolutions and Coverage credit restoration.
import { type DeliveredAccount, type Simulator, startSimulator } from './index';
import { client, control, eventTypes, pause, type Receiver, signatureValid, startReceiver } from './testHelpers';

const BAN_EVENTS = [
	'account.ban_appeal.submitted',
	'account.ban_appeal.resolved',
	'account.banned',
	'account.ban_resolution.decided',
	'bundle.cancelled',
	'account.remade',
	'credits.restored',
];
let sim: Simulator;
let call: ReturnType<typeof client>;
let sim$: ReturnType<typeof control>;
let rx: Receiver;
let secret: string;

beforeAll(async () => {
	sim = await startSimulator({ seed: { accounts: 15, bundles: 10 }, rateLimit: false });
	call = client(sim);
	sim$ = control(sim);
	rx = await startReceiver();
	const hook = await call('POST', '/webhooks', { body: { url: rx.url, events: BAN_EVENTS } });
	secret = hook.body.data.signing_secret;
});
afterAll(async () => {
	await sim.close();
	await rx.close();
});

const unbanned = (predicate: (a: DeliveredAccount) => boolean = () => true) => {
	const account = sim.state.accounts.find((a) => !a.banned && !sim.state.banReports.some((r) => r.account_id === a.id) && predicate(a));
	if (!account) throw new Error('no such account');
	return account;
};

/** The receiver's count once deliveries of earlier steps arrived (they are sent asynchronously). */
async function mark(): Promise<number> {
	await pause(50);
	return rx.received.length;
}

async function events(from: number): Promise<Array<{ type: string; data: Record<string, unknown> }>> {
	await pause(50);
	return rx.received.slice(from).map((r) => JSON.parse(r.rawBody));
}

test('seeded bans have their report (stable ids); /_sim/accounts/{id}/ban files one too', async () => {
	const res = await call('GET', '/account-bans');
	expect(res.status).toBe(200);
	const banned = sim.state.accounts.filter((a) => a.banned);
	expect(res.body.pagination.total).toBe(banned.length);
	expect(res.body.data[0]).toEqual({
		id: expect.any(String),
		account_id: banned[0].id,
		username: banned[0].username,
		platform: banned[0].platform,
		bundle_id: banned[0].origin_bundle_id,
		order_id: expect.any(String),
		status: 'no_appeal_banned',
		reported_at: banned[0].banned_at,
		decided_at: banned[0].banned_at,
		updated_at: banned[0].banned_at,
		resolution: { resolution: 'pending', reason_code: null, refund_credits: null, resolved_at: null },
	});
	const again = await startSimulator({ seed: { accounts: 15, bundles: 10 } });
	try {
		expect((await client(again)('GET', '/account-bans')).body).toEqual(res.body);
	} finally {
		await again.close();
	}
	const account = unbanned((a) => a.origin_bundle_id === null);
	await sim$('POST', `/accounts/${account.id}/ban`);
	const mine = await call('GET', `/account-bans?account_id=${account.id}`);
	expect(mine.body.data).toMatchObject([{ status: 'no_appeal_banned', resolution: { resolution: 'pending' } }]);
});

test('appeal: pending (not banned) → refused (banned, bundles cancelled), signed webhooks; since watermark', async () => {
	const account = unbanned((a) => a.origin_bundle_id !== null);
	const start = await mark();
	const reported = await sim$('POST', `/accounts/${account.id}/ban-report`, { appeal: true });
	expect(reported.body.data).toMatchObject({ status: 'appeal_pending', resolution: null, decided_at: null });
	expect(sim.state.accounts.find((a) => a.id === account.id)!.banned).toBe(false);
	const watermark = reported.body.data.updated_at;
	const pending = await call('GET', `/account-bans?status=appeal_pending&since=${encodeURIComponent(watermark)}`);
	expect(pending.body.data.map((r: { id: string }) => r.id)).toEqual([reported.body.data.id]);
	await pause(5);
	const activeBundles = sim.state.bundles.filter(
		(b) =>
			(b.saved_account_id === account.id || b.existing_account_id === account.id) &&
			['pending_setup', 'published', 'published_priority', 'accepted', 'in_review', 'finalized'].includes(b.status),
	);
	const refused = await sim$('POST', `/ban-reports/${reported.body.data.id}/appeal`, { accepted: false });
	expect(refused.body.data).toMatchObject({ status: 'appeal_refused', resolution: { resolution: 'pending' } });
	expect(refused.body.data.updated_at > watermark).toBe(true);
	expect(sim.state.accounts.find((a) => a.id === account.id)!.banned).toBe(true);
	const got = await events(start);
	expect(got.map((e) => e.type).slice(0, 3)).toEqual(['account.ban_appeal.submitted', 'account.ban_appeal.resolved', 'account.banned']);
	// One bundle.cancelled per active bundle on the account (its own and any videos_only one).
	expect(got.slice(3).map((e) => e.type)).toEqual(activeBundles.map(() => 'bundle.cancelled'));
	expect(activeBundles.length).toBeGreaterThan(0);
	expect(got[1].data).toMatchObject({ ban_report_id: reported.body.data.id, saved_account_id: account.id, outcome: 'refused' });
	expect(got[2].data).toMatchObject({ saved_account_id: account.id, appeal_status: 'appeal_refused' });
	expect(rx.received.slice(start).every((r) => signatureValid(r, secret))).toBe(true);
	// Only reports changed at/after the watermark: the refused one (inclusive boundary).
	const since = await call('GET', `/account-bans?since=${encodeURIComponent(refused.body.data.updated_at)}`);
	expect(since.body.data.map((r: { id: string }) => r.id)).toEqual([reported.body.data.id]);
	const accepted = unbanned((a) => a.origin_bundle_id === null);
	const second = await sim$('POST', `/accounts/${accepted.id}/ban-report`, { appeal: true });
	const ok = await sim$('POST', `/ban-reports/${second.body.data.id}/appeal`, { accepted: true });
	expect(ok.body.data).toMatchObject({ status: 'appeal_accepted', resolution: null, decided_at: expect.any(String) });
	expect(sim.state.accounts.find((a) => a.id === accepted.id)!.banned).toBe(false);
	const conflict = await sim$('POST', `/ban-reports/${second.body.data.id}/appeal`, { accepted: false });
	expect([conflict.status, conflict.body.error.code]).toEqual([409, 'SIM_INVALID_STATE']);
});

test('filters, screenshots, pagination and validation', async () => {
	const refused = await call('GET', '/account-bans?status=appeal_refused&status=no_appeal_banned&resolution=pending');
	expect(refused.body.data.every((r: { status: string }) => ['appeal_refused', 'no_appeal_banned'].includes(r.status))).toBe(true);
	const dates = refused.body.data.map((r: { updated_at: string }) => r.updated_at);
	expect(dates).toEqual([...dates].sort().reverse());
	const shots = await call('GET', '/account-bans?include_screenshots=true&per_page=1');
	expect(shots.body.data[0].screenshot_url).toMatch(/^https:\/\/evidence\.tokportal\.test\/account-bans\/.+\?expires=\d+&signature=[0-9a-f]{32}$/);
	expect(Date.parse(shots.body.data[0].screenshot_expires_at) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
	expect(shots.body.pagination).toMatchObject({ per_page: 1, total_pages: shots.body.pagination.total });
	expect((await call('GET', '/account-bans?include_screenshots=false')).body.data[0].screenshot_url).toBeUndefined();
	for (const q of ['status=banned', 'resolution=maybe', 'since=yesterday', 'include_screenshots=yes', 'per_page=0']) {
		const bad = await call('GET', `/account-bans?${q}`);
		expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_ERROR']);
	}
	expect((await call('GET', `/account-bans?account_id=${sim.state.accounts[0].id}x`)).body.data).toEqual([]);
});

test('staff resolutions: refund credits, remake (account.remade, bundle active again), no_remake tos_ban', async () => {
	const refundAccount = unbanned((a) => a.origin_bundle_id === null);
	const report = (await sim$('POST', `/accounts/${refundAccount.id}/ban-report`, {})).body.data;
	const before = sim.state.credits;
	const start = await mark();
	const refunded = await sim$('POST', `/ban-reports/${report.id}/resolution`, { resolution: 'refund', refund_credits: 40 });
	expect(refunded.body.data.resolution).toEqual({ resolution: 'refund', reason_code: null, refund_credits: 40, resolved_at: expect.any(String) });
	expect(sim.state.credits).toBe(before + 40);
	expect((await call('GET', '/credits/history?per_page=1')).body.data[0]).toMatchObject({ type: 'credit', amount: 40 });
	expect((await events(start)).map((e) => e.type)).toEqual(['account.ban_resolution.decided']);
	const again = await sim$('POST', `/ban-reports/${report.id}/resolution`, { resolution: 'no_remake' });
	expect(again.body.error.code).toBe('SIM_INVALID_STATE');

	const remakeAccount = unbanned((a) => sim.state.bundles.some((b) => b.saved_account_id === a.id && b.status === 'accepted'));
	const bundle = sim.state.bundles.find((b) => b.saved_account_id === remakeAccount.id)!;
	const banned = (await sim$('POST', `/accounts/${remakeAccount.id}/ban-report`, {})).body.data;
	expect(bundle.status).toBe('cancelled');
	const since = await mark();
	await sim$('POST', `/ban-reports/${banned.id}/resolution`, { resolution: 'remake' });
	expect(bundle.status).toBe('accepted');
	expect(bundle.saved_account_id).not.toBe(remakeAccount.id);
	expect((await events(since)).map((e) => e.type)).toEqual(['account.remade', 'account.ban_resolution.decided']);

	const last = unbanned((a) => a.origin_bundle_id === null);
	const tos = (await sim$('POST', `/accounts/${last.id}/ban-report`, {})).body.data;
	const decided = await sim$('POST', `/ban-reports/${tos.id}/resolution`, { resolution: 'no_remake' });
	expect(decided.body.data.resolution).toMatchObject({ resolution: 'no_remake', reason_code: 'tos_ban', refund_credits: 0 });
	const byResolution = await call('GET', '/account-bans?resolution=no_remake');
	expect(byResolution.body.data.map((r: { id: string }) => r.id)).toEqual([tos.id]);
	expect((await sim$('POST', `/ban-reports/${tos.id}/resolution`, { resolution: 'explode' })).status).toBe(400);
});

test('Coverage credit restoration: post-cutoff account with active Coverage only, once, expiring in 60 days', async () => {
	const covered = unbanned((a) => a.post_cutoff && a.support_forfeited_at === null);
	const report = (await sim$('POST', `/accounts/${covered.id}/ban-report`, {})).body.data;
	const start = await mark();
	const before = sim.state.credits;
	const restored = await sim$('POST', `/ban-reports/${report.id}/restore-credits`, { amount: 32 });
	expect(restored.status).toBe(200);
	expect(sim.state.credits).toBe(before + 32);
	const [event] = await events(start);
	expect(event).toMatchObject({ type: 'credits.restored', data: { saved_account_id: covered.id, ban_report_id: report.id, amount: 32, balance_after: before + 32 } });
	const balance = (await call('GET', '/credits/balance')).body.data;
	expect(balance.upcoming_expirations).toEqual([{ amount: 32, expires_at: event.data.expires_at, source: 'coverage_restoration' }]);
	expect(Date.parse(event.data.expires_at as string) - Date.now()).toBeGreaterThan(59.9 * 86_400_000);
	expect(balance.expiring_within_7_days).toBe(0);
	expect((await sim$('POST', `/ban-reports/${report.id}/restore-credits`, {})).body.error.code).toBe('SIM_INVALID_STATE');
	const grandfathered = unbanned((a) => !a.post_cutoff);
	const old = (await sim$('POST', `/accounts/${grandfathered.id}/ban-report`, {})).body.data;
	const refused = await sim$('POST', `/ban-reports/${old.id}/restore-credits`, {});
	expect([refused.status, refused.body.error.code]).toEqual([409, 'SIM_INVALID_STATE']);
	expect(eventTypes(rx).filter((t) => t === 'credits.restored')).toHaveLength(1);
});
