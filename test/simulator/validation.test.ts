// Auth, bundle creation and bulk validation (notes §7.3–7.4) and ownership across keys; the seed
// documents' own rules and codes are proven sentence by sentence in spec00N.test.ts.
import { startSimulator, type Simulator } from './index';
import { client, VALID_ACCOUNT } from './testHelpers';

const OTHER_KEY = `sk_${'ab'.repeat(32)}`;
let sim: Simulator;
let call: ReturnType<typeof client>;

beforeAll(async () => {
	sim = await startSimulator({ seed: { accounts: 10 }, rateLimit: false });
	call = client(sim);
});
afterAll(() => sim.close());

async function newBundle(body: Record<string, unknown> = {}): Promise<string> {
	const res = await call('POST', '/bundles', {
		body: { bundle_type: 'account_and_videos', platform: 'tiktok', country: 'US', videos_quantity: 2, ...body },
	});
	expect(res.status).toBe(201);
	return res.body.data.id;
}

describe('auth', () => {
	test('missing and unknown keys → 401 AUTH_MISSING_KEY / AUTH_INVALID_KEY', async () => {
		const missing = await call('GET', '/me', { key: null });
		expect([missing.status, missing.body.error.code]).toEqual([401, 'AUTH_MISSING_KEY']);
		const invalid = await call('GET', '/me', { key: 'sk_nope' });
		expect([invalid.status, invalid.body.error.code]).toEqual([401, 'AUTH_INVALID_KEY']);
		expect(invalid.headers.get('x-tokportal-request-id')).toMatch(/^req_[0-9a-f]+$/);
	});

	test('the event catalogue needs no key', async () => {
		const res = await call('GET', '/webhooks/events', { key: null });
		expect(res.status).toBe(200);
		expect(res.body.data.events).toHaveLength(34);
		expect(res.body.data.events[0]).toEqual({ type: 'webhook.test', description: expect.any(String), emitted: true });
	});
});

describe('POST /bundles (UPPERCASE codes)', () => {
	test.each([
		[{ bundle_type: 'nope' }, 400, 'VALIDATION_ERROR', 'bundle_type'],
		[{ platform: 'youtube' }, 400, 'YOUTUBE_DELAYED', 'platform'],
		[{ platform: 'snapchat' }, 400, 'VALIDATION_ERROR', 'platform'],
		[{ country: 'ZZ' }, 400, 'COUNTRY_NOT_ENABLED', 'country'],
		[{ country: undefined }, 400, 'VALIDATION_ERROR', 'country'],
		[{ videos_quantity: 0 }, 400, 'VALIDATION_ERROR', 'videos_quantity'],
		[{ edits_quantity: 3 }, 400, 'VALIDATION_ERROR', 'edits_quantity'],
		[{ title: 't'.repeat(201) }, 400, 'VALIDATION_ERROR', 'title'],
		[{ external_ref: 'r'.repeat(201) }, 400, 'VALIDATION_ERROR', 'external_ref'],
		[{ wants_niche_warming: true }, 400, 'VALIDATION_ERROR', 'niche_warming_instructions'],
		[{ wants_deep_warming: true }, 400, 'VALIDATION_ERROR', 'wants_deep_warming'],
		[
			{ platform: 'instagram', wants_deep_warming: true, wants_niche_warming: true, niche_warming_instructions: 'x' },
			400,
			'VALIDATION_ERROR',
			'wants_deep_warming',
		],
		[{ account_id: 'abc' }, 400, 'ACCOUNT_ID_NOT_ALLOWED', 'account_id'],
		[{ bundle_type: 'videos_only' }, 400, 'VALIDATION_ERROR', 'account_id'],
	])('%# %s → %i %s', async (patch, status, code, field) => {
		const res = await call('POST', '/bundles', {
			body: { bundle_type: 'account_and_videos', platform: 'tiktok', country: 'US', videos_quantity: 2, ...patch },
		});
		expect(res.status).toBe(status);
		expect(res.body.error.code).toBe(code);
		expect(res.body.error.details.field).toBe(field);
	});

	test('aliases are canonicalised; deep warming on Instagram alone is fine', async () => {
		const res = await call('POST', '/bundles', {
			body: { bundle_type: 'account_only', platform: 'instagram', country: 'gb', wants_deep_warming: true },
		});
		expect(res.status).toBe(201);
		expect(res.body.data).toMatchObject({ country: 'GB', bundle_id: res.body.data.id, status: 'pending_setup' });
		expect(res.body.cost_breakdown).toEqual({
			account_creation: 32,
			video_slots: 0,
			edit_slots: 0,
			advanced_warming: 0,
			deep_warming: 40,
			total: 72,
		});
	});

	test('external_ref reused on a new-account bundle → 409 DUPLICATE_ACCOUNT_BUNDLE', async () => {
		const first = await newBundle({ external_ref: 'dup-ref' });
		const res = await call('POST', '/bundles', {
			body: { bundle_type: 'account_only', country: 'FR', external_ref: 'dup-ref' },
		});
		expect(res.status).toBe(409);
		expect(res.body.error).toMatchObject({ code: 'DUPLICATE_ACCOUNT_BUNDLE', details: { existing_bundle_id: first } });
	});

	test('videos_only derives platform/country from the delivered account; foreign/unknown accounts refused', async () => {
		const account = sim.state.accounts.find((a) => a.platform === 'instagram' && !a.banned)!;
		const ok = await call('POST', '/bundles', {
			body: { bundle_type: 'videos_only', account_id: account.id, videos_quantity: 3 },
		});
		expect(ok.status).toBe(201);
		expect(ok.body.data).toMatchObject({ platform: 'instagram', country: account.country, existing_account_id: account.id });
		expect(ok.body.cost_breakdown.total).toBe(6);
		const unknown = await call('POST', '/bundles', {
			body: { bundle_type: 'videos_only', account_id: '00000000-0000-4000-8000-000000000000', videos_quantity: 1 },
		});
		expect([unknown.status, unknown.body.error.code]).toEqual([404, 'SAVED_ACCOUNT_NOT_FOUND']);
	});

	test('insufficient credits → 402 with required/available/missing/breakdown, nothing created', async () => {
		const before = sim.state.bundles.length;
		const credits = sim.state.credits;
		const required = 200 * (32 + 500 * 2);
		const res = await call('POST', '/bundles/bulk', {
			body: {
				platforms: ['tiktok', 'instagram'],
				country: 'US',
				accounts_count: 100,
				upload_accounts_count: 100,
				videos_per_account: 500,
			},
		});
		expect(res.status).toBe(402);
		expect(res.body.error.code).toBe('INSUFFICIENT_CREDITS');
		expect(res.body.error.details).toMatchObject({ required, available: credits, missing: required - credits });
		expect(res.body.error.details.breakdown).toMatchObject({ account_creation: 6400, video_slots: 200_000, total: required });
		expect(sim.state.bundles.length).toBe(before);
		expect(sim.state.credits).toBe(credits);
	});
});

describe('POST /bundles/bulk', () => {
	test('creates accounts_count × platforms bundles with one debit; validates counts', async () => {
		const credits = sim.state.credits;
		const res = await call('POST', '/bundles/bulk', {
			body: {
				platforms: ['tiktok', 'instagram'],
				country: 'US',
				accounts_count: 3,
				upload_accounts_count: 1,
				videos_per_account: 5,
				external_ref: 'acme-spring',
			},
		});
		expect(res.status).toBe(201);
		expect(res.body.data.total_count).toBe(6);
		expect(res.body.data.bundles.filter((b: { bundle_type: string }) => b.bundle_type === 'account_and_videos')).toHaveLength(2);
		expect(res.body.credits_charged).toBe(6 * 32 + 2 * 5 * 2);
		expect(sim.state.credits).toBe(credits - res.body.credits_charged);
		const listed = await call('GET', '/bundles?external_ref=acme-spring');
		expect(listed.body.pagination.total).toBe(6);

		const invalid: Array<[Record<string, unknown>, string]> = [
			[{ accounts_count: 0 }, 'accounts_count'],
			[{ accounts_count: 101 }, 'accounts_count'],
			[{ upload_accounts_count: 4 }, 'upload_accounts_count'],
			[{ videos_per_account: 501 }, 'videos_per_account'],
			[{ platforms: [] }, 'platforms'],
		];
		for (const [patch, field] of invalid) {
			const bad = await call('POST', '/bundles/bulk', {
				body: { platforms: ['tiktok'], country: 'US', accounts_count: 3, ...patch },
			});
			expect([bad.status, bad.body.error.code, bad.body.error.details.field]).toEqual([400, 'VALIDATION_ERROR', field]);
		}
		const yt = await call('POST', '/bundles/bulk', { body: { platforms: ['youtube'], country: 'US', accounts_count: 1 } });
		expect(yt.body.error.code).toBe('YOUTUBE_DELAYED');
	});
});

describe('ownership across API keys', () => {
	let other: Simulator;
	afterAll(() => other?.close());

	test('bundles and accounts of another key → 403 BUNDLE_NOT_OWNED / SAVED_ACCOUNT_NOT_OWNED', async () => {
		other = await startSimulator({ apiKeys: [sim.apiKey, OTHER_KEY], seed: { accounts: 2 }, rateLimit: false });
		const mine = client(other);
		const created = await mine('POST', '/bundles', { body: { bundle_type: 'account_only', country: 'US' } });
		const id = created.body.data.id;
		const theirs = { key: OTHER_KEY };
		expect((await mine('GET', `/bundles/${id}`, theirs)).body.error.code).toBe('BUNDLE_NOT_OWNED');
		expect((await mine('PATCH', `/bundles/${id}`, { ...theirs, body: { title: 'x' } })).status).toBe(403);
		expect((await mine('PUT', `/bundles/${id}/account`, { ...theirs, body: VALID_ACCOUNT })).body.error.code).toBe(
			'BUNDLE_NOT_OWNED',
		);
		const account = other.state.accounts[0];
		const res = await mine('GET', `/accounts/${account.id}`, theirs);
		expect([res.status, res.body.error.code]).toEqual([403, 'SAVED_ACCOUNT_NOT_OWNED']);
		expect((await mine('GET', '/bundles', theirs)).body.pagination.total).toBe(0);
		const foreign = await mine('POST', '/bundles', {
			...theirs,
			body: { bundle_type: 'videos_only', account_id: account.id, videos_quantity: 1 },
		});
		expect([foreign.status, foreign.body.error.code]).toEqual([403, 'SAVED_ACCOUNT_NOT_OWNED']);
	});
});
