// Delivered accounts: shapes, filters, the reveal acknowledgement (incl. 428) and the TokMail inbox.
import { startSimulator, type DeliveredAccount, type Simulator } from './index';
import { client } from './testHelpers';

let sim: Simulator;
let call: ReturnType<typeof client>;
const NO_CODE =
	'No verification code found in the inbox. Make sure you triggered the code from the platform first and wait a few seconds before retrying.';

beforeAll(async () => {
	sim = await startSimulator({ seed: { accounts: 15, bundles: 10 }, rateLimit: false });
	call = client(sim);
});
afterAll(() => sim.close());

const pick = (predicate: (a: DeliveredAccount) => boolean) => {
	const found = sim.state.accounts.find((a) => predicate(a) && !a.support_forfeited_at);
	if (!found) throw new Error('no such seeded account');
	return found;
};

test('list and detail shapes follow spec 000', async () => {
	const list = await call('GET', '/accounts?platform=youtube');
	expect(list.body.data.length).toBe(5);
	const item = list.body.data[0];
	expect(Object.keys(item).sort()).toEqual(
		[
			'id',
			'platform',
			'username',
			'visible_name',
			'biography',
			'profile_picture_url',
			'country',
			'link_in_bio',
			'profile_url',
			'tokmail_email',
			'banned',
			'created_at',
			'updated_at',
		].sort(),
	);
	const detail = await call('GET', `/accounts/${item.id}`);
	expect(detail.body.data).toMatchObject({
		id: item.id,
		credentials: null,
		last_verification_code: null,
		current_cm_id: expect.stringMatching(/^cm_/),
		reveal_endpoint: `/api/accounts/${item.id}/reveal-credentials`,
		verification_code_endpoint: `/api/accounts/${item.id}/verification-code`,
		remade: { was_remade: false, remade_count: 0, old_username: null, remade_at: null },
	});
	const missing = await call('GET', '/accounts/00000000-0000-4000-8000-000000000009');
	expect([missing.status, missing.body.error.code]).toEqual([404, 'SAVED_ACCOUNT_NOT_FOUND']);
	const badFilter = await call('GET', '/accounts?banned=maybe');
	expect(badFilter.body.error.code).toBe('VALIDATION_ERROR');
	const banned = await call('GET', '/accounts?banned=true');
	expect(banned.body.data.every((a: { banned: boolean }) => a.banned)).toBe(true);
});

test('GET /accounts/{id}/bundles lists origin and videos_only bundles with a videos summary', async () => {
	const origin = sim.state.bundles.find((b) => b.saved_account_id && b.status === 'completed')!;
	const res = await call('GET', `/accounts/${origin.saved_account_id}/bundles`);
	expect(res.body.pagination.total).toBeGreaterThanOrEqual(1);
	expect(res.body.data[0].videos).toEqual({
		total: origin.videos.length,
		pending: 0,
		configured: 0,
		published: 0,
		accepted: 0,
		finalized: origin.videos.length,
	});
	const filtered = await call('GET', `/accounts/${origin.saved_account_id}/bundles?status=pending_setup`);
	expect(filtered.body.data).toEqual([]);
});

test('pre-cutoff account: the first call sets the acknowledgement, no charge, credentials returned', async () => {
	const account = pick((a) => !a.post_cutoff);
	const credits = sim.state.credits;
	const res = await call('POST', `/accounts/${account.id}/reveal-credentials`);
	expect(res.status).toBe(200);
	expect(res.body.data).toMatchObject({
		account_id: account.id,
		password: account.password,
		social_credentials: { email: account.tokmail_email, password: account.password },
		management_ended: false,
	});
	expect(res.body.credits_charged).toBeUndefined();
	expect(sim.state.credits).toBe(credits);
	expect(account.support_forfeited_at).not.toBeNull();
	expect(sim.state.events.filter((e) => e.type === 'account.revealed' && e.data.saved_account_id === account.id)).toHaveLength(1);
	await call('POST', `/accounts/${account.id}/reveal-credentials`);
	expect(sim.state.events.filter((e) => e.type === 'account.revealed' && e.data.saved_account_id === account.id)).toHaveLength(1);
});

test('post-cutoff account: 428 → wrong policy 409 → acceptance debits 150 once', async () => {
	const account = pick((a) => a.post_cutoff && a.platform !== 'youtube' && !a.banned);
	const credits = sim.state.credits;
	const first = await call('POST', `/accounts/${account.id}/reveal-credentials`);
	expect(first.status).toBe(428);
	expect(first.body.error.details).toMatchObject({
		policy_version: 'managed-credential-reveal-v1',
		credit_cost: 150,
		terms: expect.any(String),
	});
	const stale = await call('POST', `/accounts/${account.id}/verification-code`, {
		body: { acknowledge_support_forfeit: true, policy_version: 'managed-credential-reveal-v0' },
	});
	expect([stale.status, stale.body.error.code]).toEqual([409, 'CREDENTIAL_REVEAL_QUOTE_CHANGED']);
	expect(sim.state.credits).toBe(credits);
	expect(account.support_forfeited_at).toBeNull();

	const dry = await call('POST', `/accounts/${account.id}/reveal-credentials`, {
		body: { acknowledge_support_forfeit: true, policy_version: 'managed-credential-reveal-v1' },
		headers: { 'X-TokPortal-Dry-Run': 'true' },
	});
	expect(dry.body).toMatchObject({ credits_would_charge: 150, dry_run: true, data: { password: null } });
	expect(account.support_forfeited_at).toBeNull();

	const accepted = await call('POST', `/accounts/${account.id}/reveal-credentials`, {
		body: { acknowledge_support_forfeit: true, policy_version: 'managed-credential-reveal-v1' },
	});
	expect(accepted.status).toBe(200);
	expect(accepted.body).toMatchObject({ credits_charged: 150, credits_remaining: credits - 150 });
	expect(accepted.body.data).toMatchObject({ password: account.password, management_ended: true });
	const again = await call('POST', `/accounts/${account.id}/reveal-credentials`);
	expect(again.status).toBe(200);
	expect(sim.state.credits).toBe(credits - 150);
	expect(sim.state.events.find((e) => e.type === 'account.revealed' && e.data.saved_account_id === account.id)!.data).toMatchObject({
		management_ended: true,
		credits_charged: 150,
	});
	const blocked = await call('POST', '/bundles', { body: { bundle_type: 'videos_only', account_id: account.id, videos_quantity: 1 } });
	// Management ended for good: no more work can be ordered on it.
	expect([blocked.status, blocked.body.error.code]).toEqual([409, 'MANAGED_ACCOUNT_TASK_BLOCKED']);
});

test('verification code: empty inbox → 404 with the spec message; delivered code → email, then cached', async () => {
	const account = pick((a) => !a.post_cutoff);
	const empty = await call('POST', `/accounts/${account.id}/verification-code`);
	expect(empty.status).toBe(404);
	expect(empty.body).toEqual({ error: { code: 'VERIFICATION_CODE_NOT_FOUND', message: NO_CODE } });
	expect(account.support_forfeited_at).not.toBeNull();

	const code = sim.operator.deliverVerificationCode(account.id);
	expect(code).toMatch(/^\d{6}$/);
	const fresh = await call('POST', `/accounts/${account.id}/verification-code`);
	expect(fresh.body.data).toEqual({ account_id: account.id, verification_code: code, source: 'email' });
	const cached = await call('POST', `/accounts/${account.id}/verification-code`);
	expect(cached.body.data).toEqual({ account_id: account.id, verification_code: code, source: 'cached' });
	sim.operator.deliverVerificationCode(account.id, '123456');
	expect((await call('POST', `/accounts/${account.id}/verification-code`)).body.data.verification_code).toBe('123456');
});

test('runtime seeding honours platform and country aliases', async () => {
	const added = sim.seedAccounts(3, { platform: 'instagram', country: 'GB' });
	expect(added.map((a) => [a.platform, a.country])).toEqual([
		['instagram', 'GB'],
		['instagram', 'GB'],
		['instagram', 'GB'],
	]);
	const uk = await call('GET', '/accounts?country=GB&platform=instagram&per_page=100');
	expect(uk.body.data.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining(added.map((a) => a.id)));
});
