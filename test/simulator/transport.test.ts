// Cross-cutting behaviour: headers, pagination, rate limit, idempotency, faults, dry run, request log.
import { startSimulator, type Simulator } from './index';
import { client, pause } from './testHelpers';

let sim: Simulator;
let call: ReturnType<typeof client>;

beforeAll(async () => {
	sim = await startSimulator({ seed: { accounts: 30, bundles: 12 }, rateLimit: false });
	call = client(sim);
});
afterAll(() => sim.close());
afterEach(() => {
	sim.faults.clear();
	sim.setLatency(0);
	sim.setRateLimit(false);
});

const createBody = { bundle_type: 'account_and_videos', platform: 'tiktok', country: 'US', videos_quantity: 3 };

describe('headers', () => {
	test('version, request id (echoing a safe X-Request-ID), content type', async () => {
		const res = await call('GET', '/countries', { headers: { 'X-Request-ID': 'trace-123' } });
		expect(res.headers.get('x-tokportal-request-id')).toBe('trace-123');
		expect(res.headers.get('x-tokportal-api-version')).toBe('2026-05-25');
		expect(res.headers.get('content-type')).toBe('application/json');
		const unsafe = await call('GET', '/countries', { headers: { 'X-Request-ID': 'x'.repeat(129) } });
		expect(unsafe.headers.get('x-tokportal-request-id')).toMatch(/^req_[0-9a-f]{24}$/);
		expect(res.body.data).toContainEqual({ code: 'USA', name: 'United States' });
		expect(res.body.data.length).toBeGreaterThanOrEqual(16);
	});

	test('reference endpoints', async () => {
		expect((await call('GET', '/platforms')).body.data).toContainEqual({ value: 'youtube', name: 'YouTube', orderable: false });
		expect((await call('GET', '/me')).body.data).toMatchObject({ email: 'demo@tokportal.test', credits: sim.state.credits });
		expect((await call('GET', '/credits/balance')).body.data).toMatchObject({ total_credits: sim.state.credits });
	});
});

describe('pagination', () => {
	test('defaults, per_page clamp, total_pages, past the end', async () => {
		const first = await call('GET', '/accounts');
		expect(first.body.data).toHaveLength(25);
		expect(first.body.pagination).toEqual({ page: 1, per_page: 25, total: 30, total_pages: 2 });
		const second = await call('GET', '/accounts?page=2');
		expect(second.body.data).toHaveLength(5);
		const clamped = await call('GET', '/accounts?per_page=500');
		expect(clamped.body.pagination).toEqual({ page: 1, per_page: 100, total: 30, total_pages: 1 });
		const past = await call('GET', '/accounts?page=9&per_page=10');
		expect(past.body).toEqual({ data: [], pagination: { page: 9, per_page: 10, total: 30, total_pages: 3 } });
		const ids = new Set([...first.body.data, ...second.body.data].map((a: { id: string }) => a.id));
		expect(ids.size).toBe(30);
		const bad = await call('GET', '/bundles?page=0');
		expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_ERROR']);
	});

	test('seeded data is deterministic and spans platforms, countries and lifecycle states', async () => {
		const again = await startSimulator({ seed: { accounts: 30, bundles: 12 } });
		try {
			expect(again.state.accounts.map((a) => a.id)).toEqual(sim.state.accounts.map((a) => a.id));
			expect(again.state.bundles.map((b) => b.id)).toEqual(sim.state.bundles.map((b) => b.id));
		} finally {
			await again.close();
		}
		expect(new Set(sim.state.accounts.map((a) => a.platform))).toEqual(new Set(['tiktok', 'instagram', 'youtube']));
		expect(new Set(sim.state.accounts.map((a) => a.country)).size).toBeGreaterThan(10);
		expect(sim.state.accounts.filter((a) => a.post_cutoff)).toHaveLength(6);
		expect(new Set(sim.state.bundles.map((b) => b.status))).toEqual(
			new Set(['pending_setup', 'published', 'accepted', 'in_review', 'completed', 'cancelled']),
		);
		const us = await call('GET', '/accounts?country=US&per_page=100');
		expect(us.body.data.length).toBeGreaterThan(0);
		expect((await call('GET', '/accounts?country=USA&per_page=100')).body.data).toEqual(us.body.data);
	});
});

describe('rate limit', () => {
	test('headers, 429 with Retry-After, refill', async () => {
		sim.setRateLimit({ capacity: 3, refillPerSecond: 10 });
		const ok = await call('GET', '/me');
		expect(ok.headers.get('x-ratelimit-limit')).toBe('3');
		expect(ok.headers.get('x-ratelimit-remaining')).toBe('2');
		expect(Number(ok.headers.get('x-ratelimit-reset'))).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000));
		await call('GET', '/me');
		await call('GET', '/me');
		const limited = await call('GET', '/me');
		expect(limited.status).toBe(429);
		expect(limited.body.error).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', details: { retry_after_seconds: 1 } });
		expect(limited.headers.get('retry-after')).toBe('1');
		expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
		await pause(150);
		expect((await call('GET', '/me')).status).toBe(200);
	});

	test('Retry-After is the time until one token is available', async () => {
		sim.setRateLimit({ capacity: 1, refillPerSecond: 0.25 });
		await call('GET', '/me');
		const limited = await call('GET', '/me');
		expect(limited.headers.get('retry-after')).toBe('4');
	});
});

describe('idempotency', () => {
	test('same key + same request → one bundle, one debit, replay header', async () => {
		const before = { bundles: sim.state.bundles.length, credits: sim.state.credits, ledger: sim.state.ledger.length };
		const headers = { 'Idempotency-Key': 'create-once-1' };
		const first = await call('POST', '/bundles', { body: createBody, headers });
		const second = await call('POST', '/bundles', { body: { ...createBody }, headers });
		expect(first.status).toBe(201);
		expect(second.status).toBe(201);
		expect(second.headers.get('idempotent-replayed')).toBe('true');
		expect(first.headers.get('idempotent-replayed')).toBeNull();
		expect(second.body).toEqual(first.body);
		expect(sim.state.bundles.length).toBe(before.bundles + 1);
		expect(sim.state.credits).toBe(before.credits - 38);
		expect(sim.state.ledger.length).toBe(before.ledger + 1);
		expect(sim.state.events.filter((e) => e.data.bundle_id === first.body.data.id)).toHaveLength(1);
	});

	test('same key + different body → 422; errors are replayed too; over-long key → 400', async () => {
		const headers = { 'Idempotency-Key': 'create-once-2' };
		await call('POST', '/bundles', { body: createBody, headers });
		const reused = await call('POST', '/bundles', { body: { ...createBody, videos_quantity: 4 }, headers });
		expect([reused.status, reused.body.error.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
		const invalidHeaders = { 'Idempotency-Key': 'invalid-once' };
		const bad = await call('POST', '/bundles', { body: { bundle_type: 'x' }, headers: invalidHeaders });
		const badAgain = await call('POST', '/bundles', { body: { bundle_type: 'x' }, headers: invalidHeaders });
		expect([badAgain.status, badAgain.headers.get('idempotent-replayed')]).toEqual([400, 'true']);
		expect(badAgain.body).toEqual(bad.body);
		const long = await call('POST', '/bundles', { body: createBody, headers: { 'Idempotency-Key': 'k'.repeat(256) } });
		expect([long.status, long.body.error.code]).toEqual([400, 'VALIDATION_ERROR']);
	});

	test('a key on a secret-returning call → 400 before anything executes', async () => {
		const account = sim.state.accounts.find((a) => !a.post_cutoff && !a.support_forfeited_at)!;
		const res = await call('POST', `/accounts/${account.id}/reveal-credentials`, { headers: { 'Idempotency-Key': 'k1' } });
		expect([res.status, res.body.error.code]).toEqual([400, 'IDEMPOTENCY_KEY_NOT_ALLOWED_FOR_SENSITIVE_RESPONSE']);
		expect(account.support_forfeited_at).toBeNull();
		const hook = await call('POST', '/webhooks', {
			body: { url: 'https://example.com/h', events: ['bundle.created'] },
			headers: { 'Idempotency-Key': 'k2' },
		});
		expect(hook.body.error.code).toBe('IDEMPOTENCY_KEY_NOT_ALLOWED_FOR_SENSITIVE_RESPONSE');
		expect(sim.state.webhooks).toHaveLength(0);
	});

	test('dropAfterCommit: the client sees a socket error, the bundle exists, the ledger replays it', async () => {
		sim.faults.inject({ method: 'POST', path: '/bundles' }, { type: 'dropAfterCommit' });
		const count = sim.state.bundles.length;
		const headers = { 'Idempotency-Key': 'drop-after-1' };
		await expect(call('POST', '/bundles', { body: createBody, headers })).rejects.toThrow();
		expect(sim.state.bundles.length).toBe(count + 1);
		const retry = await call('POST', '/bundles', { body: createBody, headers });
		expect(retry.status).toBe(201);
		expect(retry.headers.get('idempotent-replayed')).toBe('true');
		expect(retry.body.data.id).toBe(sim.state.bundles.at(-1)!.id);
		expect(sim.state.bundles.length).toBe(count + 1);
		expect(sim.requests.at(-2)).toMatchObject({ fault: 'dropAfterCommit', status: 201 });
	});

	test('dropBeforeCommit: nothing happens; the retry creates the bundle', async () => {
		sim.faults.inject({ path: /^\/bundles$/ }, { type: 'dropBeforeCommit' });
		const count = sim.state.bundles.length;
		const headers = { 'Idempotency-Key': 'drop-before-1' };
		await expect(call('POST', '/bundles', { body: createBody, headers })).rejects.toThrow();
		expect(sim.state.bundles.length).toBe(count);
		const retry = await call('POST', '/bundles', { body: createBody, headers });
		expect([retry.status, retry.headers.get('idempotent-replayed')]).toEqual([201, null]);
	});
});

describe('faults and latency', () => {
	test('status faults for the next N matching requests', async () => {
		sim.faults.inject({ method: 'GET', path: '/me' }, { type: 'status', status: 503 }, 2);
		sim.faults.inject({ path: '/countries' }, { type: 'status', status: 429, retryAfterSeconds: 3 });
		expect((await call('GET', '/me')).body.error.code).toBe('SERVICE_UNAVAILABLE');
		expect((await call('GET', '/me')).status).toBe(503);
		expect((await call('GET', '/me')).status).toBe(200);
		const limited = await call('GET', '/countries');
		expect([limited.status, limited.headers.get('retry-after'), limited.body.error.code]).toEqual([
			429,
			'3',
			'RATE_LIMIT_EXCEEDED',
		]);
		expect(limited.body.error.details.retry_after_seconds).toBe(3);
	});

	test('a 5xx fault is not stored: the same idempotency key executes on retry', async () => {
		sim.faults.inject({ method: 'POST', path: '/bundles' }, { type: 'status', status: 500 });
		const headers = { 'Idempotency-Key': 'after-500' };
		expect((await call('POST', '/bundles', { body: createBody, headers })).status).toBe(500);
		const retry = await call('POST', '/bundles', { body: createBody, headers });
		expect([retry.status, retry.headers.get('idempotent-replayed')]).toEqual([201, null]);
	});

	test('request log and maxInFlight', async () => {
		sim.clearRequests();
		sim.setLatency(80);
		await Promise.all([1, 2, 3, 4].map(() => call('GET', '/me', { headers: { 'X-Request-ID': 'par' } })));
		expect(sim.maxInFlight()).toBe(4);
		expect(sim.requests).toHaveLength(4);
		expect(sim.requests[0]).toMatchObject({ method: 'GET', path: '/me', status: 200, requestId: 'par' });
		expect(sim.requests[0].headers['x-api-key']).toBe(sim.apiKey);
		expect(sim.requests[0].endedAt - sim.requests[0].startedAt).toBeGreaterThanOrEqual(75);
		sim.setLatency(0);
		await call('POST', '/bundles?x=1', { body: { a: 1 } });
		expect(sim.requests[4]).toMatchObject({ method: 'POST', path: '/bundles', query: { x: '1' }, body: { a: 1 }, status: 400 });
		sim.clearRequests();
		expect(sim.requests).toHaveLength(0);
		expect(sim.maxInFlight()).toBe(0);
		sim.faults.inject({ path: '/me' }, { type: 'latency', ms: 60 });
		const started = Date.now();
		await call('GET', '/me');
		expect(Date.now() - started).toBeGreaterThanOrEqual(55);
	});
});

describe('dry run', () => {
	test('same validation and pricing, no state change', async () => {
		const snapshot = JSON.stringify(sim.state);
		const headers = { 'X-TokPortal-Dry-Run': 'true', 'Idempotency-Key': 'dry-1' };
		const res = await call('POST', '/bundles', { body: createBody, headers });
		expect(res.status).toBe(201);
		expect(res.body).toMatchObject({
			credits_charged: 0,
			credits_would_charge: 38,
			credits_remaining: sim.state.credits,
			cost_breakdown: { total: 38 },
			dry_run: true,
			dry_run_notice: expect.any(String),
		});
		expect(res.body.data.id).toMatch(/^00000000-0000-4000-8000-[0-9a-f]{12}$/);
		const invalid = await call('POST', '/bundles', { body: { ...createBody, country: 'ZZ' }, headers });
		expect(invalid.body.error.code).toBe('COUNTRY_NOT_ENABLED');
		const bulk = await call('POST', '/bundles/bulk', {
			body: { platforms: ['tiktok'], country: 'FR', accounts_count: 2 },
			headers: { 'X-TokPortal-Dry-Run': 'true' },
		});
		expect(bulk.body).toMatchObject({ credits_would_charge: 64, dry_run: true });
		const existing = sim.state.bundles[0];
		const patched = await call('PATCH', `/bundles/${existing.id}`, { body: { title: 'dry' }, headers: { 'X-TokPortal-Dry-Run': 'true' } });
		expect(patched.body).toMatchObject({ data: { title: 'dry' }, dry_run: true });
		expect(JSON.stringify(sim.state)).toBe(snapshot);
		// The dry run did not claim the key: the real call executes.
		const real = await call('POST', '/bundles', { body: createBody, headers: { 'Idempotency-Key': 'dry-1' } });
		expect([real.status, real.headers.get('idempotent-replayed'), real.body.credits_charged]).toEqual([201, null, 38]);
	});
});
