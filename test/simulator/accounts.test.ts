// Delivered accounts beyond spec 000 (see spec000.test.ts): the price of a reveal, the post-cutoff 428
// acknowledgement (notes §10.4) and runtime seeding.
import { startSimulator, type DeliveredAccount, type Simulator } from './index';
import { client } from './testHelpers';

let sim: Simulator;
let call: ReturnType<typeof client>;

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
