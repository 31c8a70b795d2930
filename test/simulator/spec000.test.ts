// Spec 000 "Delivered Accounts", sentence by sentence (seedSentences.ts): list/detail shapes, the
// support-forfeit acknowledgement, an account's bundles and the TokMail verification code.
import { startSimulator, type DeliveredAccount, type Simulator } from './index';
import { seedTest } from './seedSentences';
import { type Call, client, createBundle, publishedBundle, videoConfig } from './testHelpers';

let sim: Simulator;
let call: Call;
const NO_CODE =
	'No verification code found in the inbox. Make sure you triggered the code from the platform first and wait a few seconds before retrying.';

beforeAll(async () => {
	sim = await startSimulator({ seed: { accounts: 30, bundles: 10 }, rateLimit: false });
	call = client(sim);
});
afterAll(() => sim.close());

/** A new pre-cutoff TikTok account (spec 000 behaviour; every 5th seeded account is post-cutoff). */
function fresh(): DeliveredAccount {
	for (;;) {
		const [account] = sim.seedAccounts(1, { platform: 'tiktok' });
		if (!account.post_cutoff) return account;
	}
}

const listItem = async (id: string) =>
	(await call('GET', '/accounts?per_page=100')).body.data.find((a: { id: string }) => a.id === id) as Record<string, unknown>;

/** An account delivered through a bundle, and that bundle. */
async function deliveredThroughBundle(): Promise<{ bundleId: string; accountId: string }> {
	const bundleId = await publishedBundle(call);
	sim.operator.acceptBundle(bundleId);
	sim.operator.moveAccountToReview(bundleId);
	return { bundleId, accountId: sim.state.bundles.find((b) => b.id === bundleId)!.saved_account_id! };
}

describe('delivered accounts', () => {
	test(seedTest('S000-01'), async () => {
		const before = sim.state.accounts.length;
		const bundleId = await publishedBundle(call);
		sim.operator.acceptBundle(bundleId);
		expect(sim.state.accounts).toHaveLength(before);
		sim.operator.moveAccountToReview(bundleId);
		const saved = sim.state.bundles.find((b) => b.id === bundleId)!.saved_account_id!;
		expect((await call('GET', `/accounts/${saved}`)).body.data).toMatchObject({ id: saved, username: 'streetstyle.nyc' });
	});

	test(seedTest('S000-02'), async () => {
		const account = fresh();
		const res = await call('POST', `/accounts/${account.id}/reveal-credentials`);
		expect(res.body.data).toMatchObject({
			account_id: account.id,
			password: account.password,
			social_credentials: { email: account.tokmail_email, password: account.password },
		});
	});

	test(seedTest('S000-03'), async () => {
		const { id } = fresh();
		for (const method of ['PUT', 'PATCH', 'DELETE']) {
			const res = await call(method, `/accounts/${id}`, { body: method === 'DELETE' ? undefined : { username: 'changed' } });
			expect([res.status, res.body.error.code]).toEqual([405, 'METHOD_NOT_ALLOWED']);
		}
		expect((await call('POST', '/accounts', { body: {} })).status).toBe(405);
	});

	test(seedTest('S000-04'), async () => {
		const viaReveal = fresh();
		await call('POST', `/accounts/${viaReveal.id}/reveal-credentials`);
		expect(viaReveal.support_forfeited_at).not.toBeNull();
		const viaCode = fresh();
		await call('POST', `/accounts/${viaCode.id}/verification-code`);
		expect(viaCode.support_forfeited_at).not.toBeNull();
		expect(sim.state.events.filter((e) => e.type === 'account.revealed').map((e) => e.data.via)).toEqual(
			expect.arrayContaining(['reveal-credentials', 'verification-code']),
		);
	});

	test(seedTest('S000-05'), async () => {
		const account = fresh();
		await call('POST', `/accounts/${account.id}/reveal-credentials`);
		const order = await call('POST', '/bundles', { body: { bundle_type: 'videos_only', account_id: account.id, videos_quantity: 2 } });
		expect(order.status).toBe(201);
		const configured = await call('PUT', `/bundles/${order.body.data.id}/videos/1`, {
			body: videoConfig(account.platform === 'instagram' ? { instagram_content_type: 'reel' } : {}),
		});
		expect(configured.status).toBe(200);
	});

	test(seedTest('S000-06'), async () => {
		const account = fresh();
		const other = fresh();
		await call('POST', `/accounts/${account.id}/reveal-credentials`);
		const first = account.support_forfeited_at;
		await call('POST', `/accounts/${account.id}/verification-code`);
		await call('POST', `/accounts/${account.id}/reveal-credentials`);
		expect(account.support_forfeited_at).toBe(first);
		expect(sim.state.events.filter((e) => e.type === 'account.revealed' && e.data.saved_account_id === account.id)).toHaveLength(1);
		expect(other.support_forfeited_at).toBeNull();
	});

	test(seedTest('S000-07'), async () => {
		const account = fresh();
		await call('GET', '/accounts');
		await call('GET', `/accounts/${account.id}`);
		await call('GET', `/accounts/${account.id}/bundles`);
		expect(account.support_forfeited_at).toBeNull();
	});
});

describe('GET /accounts', () => {
	test(seedTest('S000-08'), async () => {
		const res = await call('GET', '/accounts?per_page=10&page=2');
		expect(res.body.pagination).toEqual({ page: 2, per_page: 10, total: sim.state.accounts.length, total_pages: Math.ceil(sim.state.accounts.length / 10) });
		expect(res.body.data).toHaveLength(10);
		const stranger = await startSimulator({ rateLimit: false, apiKeys: [sim.apiKey, `sk_${'9'.repeat(64)}`], seed: { accounts: 3 } });
		try {
			expect((await client(stranger)('GET', '/accounts', { key: `sk_${'9'.repeat(64)}` })).body.data).toEqual([]);
		} finally {
			await stranger.close();
		}
	});

	test(seedTest('S000-09'), async () => {
		for (const platform of ['tiktok', 'instagram', 'youtube']) {
			const res = await call('GET', `/accounts?platform=${platform}&per_page=100`);
			expect(res.body.data.length).toBeGreaterThan(0);
			expect(res.body.data.every((a: { platform: string }) => a.platform === platform)).toBe(true);
		}
		expect((await call('GET', '/accounts?platform=snapchat')).body.error.details.field).toBe('platform');
	});

	test(seedTest('S000-10'), async () => {
		const ids = async (country: string) => (await call('GET', `/accounts?per_page=100&country=${country}`)).body.data.map((a: { id: string }) => a.id);
		const us = await ids('US');
		expect(us.length).toBeGreaterThan(0);
		expect(await ids('USA')).toEqual(us);
		expect(await ids('usa')).toEqual(us);
		expect(await ids('UK')).toEqual(await ids('GB'));
		expect(await ids('FR')).not.toEqual([]);
	});

	test(seedTest('S000-11'), async () => {
		expect((await call('GET', '/accounts')).body.pagination.page).toBe(1);
		expect((await call('GET', `/accounts/${fresh().id}/bundles`)).body.pagination.page).toBe(1);
	});

	test(seedTest('S000-12'), async () => {
		expect((await call('GET', '/accounts')).body.pagination.per_page).toBe(25);
		expect((await call('GET', '/accounts?per_page=500')).body.pagination.per_page).toBe(100);
		expect((await call('GET', `/accounts/${fresh().id}/bundles?per_page=500`)).body.pagination.per_page).toBe(100);
	});

	test(seedTest('S000-13'), async () => {
		const all = await call('GET', '/accounts?per_page=100');
		expect(all.body.pagination.total).toBe(sim.state.accounts.length);
	});

	test(seedTest('S000-14'), async () => {
		const [account] = sim.seedAccounts(1, { platform: 'tiktok', country: 'USA' });
		expect((await listItem(account.id)).country).toBe('US');
		expect((await call('GET', `/accounts/${account.id}`)).body.data.country).toBe('US');
	});

	test(seedTest('S000-15'), async () => {
		// Contradiction: the example says 20, the parameter table says 25 (the table wins).
		expect((await call('GET', '/accounts')).body.pagination.per_page).toBe(25);
	});

	const LIST_FIELDS: Array<[string, string, (v: unknown, a: DeliveredAccount) => boolean]> = [
		['S000-16', 'id', (v, a) => v === a.id && /^[0-9a-f-]{36}$/.test(String(v))],
		['S000-17', 'platform', (v) => ['tiktok', 'instagram', 'youtube'].includes(String(v))],
		['S000-18', 'username', (v, a) => v === a.username],
		['S000-19', 'visible_name', (v, a) => v === a.visible_name],
		['S000-20', 'biography', (v, a) => v === a.biography],
		['S000-21', 'profile_picture_url', (v) => v === null || /^https:\/\//.test(String(v))],
		['S000-22', 'country', (v) => /^[A-Z]{2}$/.test(String(v))],
		['S000-23', 'link_in_bio', (v) => v === null || /^https:\/\//.test(String(v))],
		[
			'S000-24',
			'profile_url',
			(v, a) =>
				v ===
				{
					tiktok: `https://www.tiktok.com/@${a.username}`,
					instagram: `https://www.instagram.com/${a.username}/`,
					youtube: `https://www.youtube.com/@${a.username}`,
				}[a.platform],
		],
		['S000-25', 'tokmail_email', (v) => /@tokmail\.io$/.test(String(v))],
		['S000-26', 'created_at', (v) => !Number.isNaN(Date.parse(String(v)))],
		['S000-27', 'updated_at', (v) => !Number.isNaN(Date.parse(String(v)))],
	];
	for (const [id, field, valid] of LIST_FIELDS) {
		test(seedTest(id), async () => {
			const res = await call('GET', '/accounts?per_page=100');
			for (const item of res.body.data as Array<Record<string, unknown>>) {
				const account = sim.state.accounts.find((a) => a.id === item.id)!;
				expect({ field, value: item[field], valid: valid(item[field], account) }).toEqual({ field, value: item[field], valid: true });
			}
			// Nullable fields really are null somewhere in the seeded data.
			if (field === 'profile_picture_url' || field === 'link_in_bio') expect(res.body.data.some((a: Record<string, unknown>) => a[field] === null)).toBe(true);
		});
	}

	test(seedTest('S000-28'), async () => {
		const item = await listItem(fresh().id);
		expect(item).not.toHaveProperty('status');
		expect(Object.keys(item)).toEqual([
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
		]);
	});
});

describe('GET /accounts/{id}', () => {
	test(seedTest('S000-29'), async () => {
		const account = fresh();
		const detail = JSON.stringify((await call('GET', `/accounts/${account.id}`)).body);
		expect(detail).not.toContain(account.password);
		expect(detail).not.toContain('"password"');
	});

	test(seedTest('S000-30'), async () => {
		const account = fresh();
		await call('GET', `/accounts/${account.id}`);
		expect(account.support_forfeited_at).toBeNull();
	});

	test(seedTest('S000-31'), async () => {
		const account = fresh();
		await call('POST', `/accounts/${account.id}/reveal-credentials`);
		expect((await call('GET', `/accounts/${account.id}`)).body.data.credentials).toBeNull();
	});

	test(seedTest('S000-32'), async () => {
		const account = fresh();
		sim.operator.deliverVerificationCode(account.id, '111222');
		await call('POST', `/accounts/${account.id}/verification-code`);
		expect((await call('GET', `/accounts/${account.id}`)).body.data.last_verification_code).toBeNull();
	});

	test(seedTest('S000-33'), async () => {
		const account = fresh();
		expect((await call('GET', `/accounts/${account.id}`)).body.data.current_cm_id).toBe(account.current_cm_id);
	});

	test(seedTest('S000-34'), async () => {
		const { id } = fresh();
		// Literal seed path, without `/ext`.
		expect((await call('GET', `/accounts/${id}`)).body.data.reveal_endpoint).toBe(`/api/accounts/${id}/reveal-credentials`);
	});

	test(seedTest('S000-35'), async () => {
		const { id } = fresh();
		expect((await call('GET', `/accounts/${id}`)).body.data.verification_code_endpoint).toBe(`/api/accounts/${id}/verification-code`);
	});

	test(seedTest('S000-36'), async () => {
		const { accountId, bundleId } = await deliveredThroughBundle();
		expect((await call('GET', `/accounts/${accountId}`)).body.data.remade.was_remade).toBe(false);
		sim.operator.remakeAccount(bundleId);
		const fresh = sim.state.bundles.find((b) => b.id === bundleId)!.saved_account_id!;
		expect((await call('GET', `/accounts/${fresh}`)).body.data.remade.was_remade).toBe(true);
	});

	test(seedTest('S000-37'), async () => {
		const { accountId } = await deliveredThroughBundle();
		const detail = (await call('GET', `/accounts/${accountId}`)).body.data;
		expect(detail).not.toHaveProperty('bundle_id');
		expect(detail).not.toHaveProperty('status');
	});
});

describe('remake info', () => {
	let before: Record<string, any>;
	let after: Record<string, any>;
	let bundleId: string;

	beforeAll(async () => {
		const delivered = await deliveredThroughBundle();
		bundleId = delivered.bundleId;
		before = (await call('GET', `/accounts/${delivered.accountId}`)).body.data;
		sim.operator.remakeAccount(bundleId);
		const fresh = sim.state.bundles.find((b) => b.id === bundleId)!.saved_account_id!;
		after = (await call('GET', `/accounts/${fresh}`)).body.data;
	});

	test(seedTest('S000-38'), async () => {
		expect(after.id).not.toBe(before.id);
		expect(after.username).toBe(`${before.username}_1`);
		expect(sim.state.bundles.find((b) => b.id === bundleId)!.saved_account_id).toBe(after.id);
	});

	test(seedTest('S000-39'), () => {
		expect([before.remade.was_remade, after.remade.was_remade]).toEqual([false, true]);
	});

	test(seedTest('S000-40'), () => {
		expect([before.remade.remade_count, after.remade.remade_count]).toEqual([0, 1]);
	});

	test(seedTest('S000-41'), () => {
		expect([before.remade.old_username, after.remade.old_username]).toEqual([null, before.username]);
	});

	test(seedTest('S000-42'), () => {
		expect(before.remade.remade_at).toBeNull();
		expect(Date.parse(after.remade.remade_at)).toBeGreaterThan(0);
	});

	test(seedTest('S000-43'), async () => {
		for (const a of sim.state.accounts.slice(0, 5)) {
			const detail = (await call('GET', `/accounts/${a.id}`)).body.data;
			expect(detail.remade).toEqual(a.remade.was_remade ? expect.objectContaining({ was_remade: true }) : { was_remade: false, remade_count: 0, old_username: null, remade_at: null });
		}
	});

	test(seedTest('S000-44'), async () => {
		expect(await listItem(after.id)).not.toHaveProperty('remade');
	});
});

describe('GET /accounts/{id}/bundles', () => {
	test(seedTest('S000-45'), async () => {
		const { accountId, bundleId } = await deliveredThroughBundle();
		const videosOnly = await createBundle(call, { bundle_type: 'videos_only', account_id: accountId, platform: undefined, country: undefined });
		await createBundle(call);
		const res = await call('GET', `/accounts/${accountId}/bundles`);
		expect(res.body.data.map((b: { id: string }) => b.id).sort()).toEqual([bundleId, videosOnly].sort());
	});

	test(seedTest('S000-46'), async () => {
		const { accountId, bundleId } = await deliveredThroughBundle();
		const item = (await call('GET', `/accounts/${accountId}/bundles`)).body.data[0];
		expect(item.id).toBe(bundleId);
		expect(item.videos).toEqual({ total: 3, pending: 2, configured: 0, published: 1, accepted: 0, finalized: 0 });
		expect(item).not.toHaveProperty('next_action');
		expect(Object.keys(item)).toEqual([
			'id',
			'title',
			'bundle_type',
			'platform',
			'country',
			'status',
			'videos_quantity',
			'edits_quantity',
			'used_edits',
			'credit_cost',
			'external_ref',
			'existing_account_id',
			'auto_finalize_videos',
			'wants_niche_warming',
			'wants_deep_warming',
			'wants_moderation',
			'created_at',
			'updated_at',
			'videos',
		]);
	});

	test(seedTest('S000-47'), async () => {
		const { accountId, bundleId } = await deliveredThroughBundle();
		const byStatus = async (status: string) =>
			(await call('GET', `/accounts/${accountId}/bundles?status=${status}`)).body.data.map((b: { id: string }) => b.id);
		expect(await byStatus('accepted')).toEqual([bundleId]);
		expect(await byStatus('completed')).toEqual([]);
		sim.operator.postVideo(bundleId, 1);
		sim.operator.completeBundle(bundleId);
		expect(await byStatus('completed')).toEqual([bundleId]);
		expect((await call('GET', `/accounts/${accountId}/bundles?status=done`)).body.error.details.field).toBe('status');
	});

	test(seedTest('S000-48'), async () => {
		const { accountId } = await deliveredThroughBundle();
		// The example says "USA"; the other seed responses say "US" (majority, see README).
		expect((await call('GET', `/accounts/${accountId}/bundles`)).body.data[0].country).toBe('US');
	});

	test(seedTest('S000-49'), async () => {
		const { accountId, bundleId } = await deliveredThroughBundle();
		const pending = async () => (await call('GET', `/accounts/${accountId}/bundles`)).body.data[0].videos.pending;
		expect(await pending()).toBe(2);
		await call('PUT', `/bundles/${bundleId}/videos/2`, { body: videoConfig() });
		expect(await pending()).toBe(1);
	});
});

describe('POST /accounts/{id}/verification-code', () => {
	test(seedTest('S000-50'), async () => {
		const account = fresh();
		sim.operator.deliverVerificationCode(account.id, '111111');
		sim.operator.deliverVerificationCode(account.id, '482937');
		const res = await call('POST', `/accounts/${account.id}/verification-code`);
		expect(res.body.data.verification_code).toBe('482937');
	});

	test(seedTest('S000-51'), async () => {
		const account = fresh();
		await call('POST', `/accounts/${account.id}/verification-code`);
		expect(account.support_forfeited_at).not.toBeNull();
	});

	test(seedTest('S000-52'), async () => {
		const account = fresh();
		sim.operator.deliverVerificationCode(account.id);
		expect((await call('POST', `/accounts/${account.id}/verification-code`)).body.data.account_id).toBe(account.id);
	});

	test(seedTest('S000-53'), async () => {
		const account = fresh();
		sim.operator.deliverVerificationCode(account.id);
		const { data } = (await call('POST', `/accounts/${account.id}/verification-code`)).body;
		expect(data.verification_code).toMatch(/^\d{6}$/);
		expect(typeof data.verification_code).toBe('string');
	});

	test(seedTest('S000-54'), async () => {
		const account = fresh();
		const code = sim.operator.deliverVerificationCode(account.id);
		const first = await call('POST', `/accounts/${account.id}/verification-code`);
		const second = await call('POST', `/accounts/${account.id}/verification-code`);
		expect([first.body.data, second.body.data]).toEqual([
			{ account_id: account.id, verification_code: code, source: 'email' },
			{ account_id: account.id, verification_code: code, source: 'cached' },
		]);
	});

	test(seedTest('S000-55'), async () => {
		const account = fresh();
		const res = await call('POST', `/accounts/${account.id}/verification-code`);
		expect([res.status, res.body]).toEqual([404, { error: { code: 'VERIFICATION_CODE_NOT_FOUND', message: NO_CODE } }]);
	});

	test(seedTest('S000-56'), async () => {
		const account = fresh();
		expect((await call('POST', `/accounts/${account.id}/verification-code`)).status).toBe(404);
		// The email arrives a moment later: the retry finds it.
		sim.operator.deliverVerificationCode(account.id, '654321');
		expect((await call('POST', `/accounts/${account.id}/verification-code`)).body.data.verification_code).toBe('654321');
	});
});
