// Webhook endpoints, signed delivery verified independently, retries, and the /_sim/ HTTP controls.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { startSimulator, type Simulator } from './index';
import { emptyServiceState } from './serviceTypes';
import { client, pause, type Received, type Receiver, startReceiver, VALID_ACCOUNT } from './testHelpers';

let sim: Simulator;
let call: ReturnType<typeof client>;
const receivers: Receiver[] = [];

beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false, webhookRetryDelaysMs: [50, 100], webhookTimeoutMs: 500 });
	call = client(sim);
});
afterAll(async () => {
	await sim.close();
	await Promise.all(receivers.map((r) => r.close()));
});

async function receiver(statuses?: number[]): Promise<Receiver> {
	const r = await startReceiver(statuses);
	receivers.push(r);
	return r;
}

/** Independent implementation of notes §11.4, deliberately not using the simulator's code. */
function verify(received: Received, secret: string): boolean {
	const header = String(received.headers['tokportal-signature']);
	const parts = Object.fromEntries(header.split(',').map((p) => p.trim().split('=', 2) as [string, string]));
	if (Math.abs(Date.now() / 1000 - Number(parts.t)) > 300) return false;
	const expected = createHmac('sha256', secret).update(`${parts.t}.${received.rawBody}`).digest();
	const given = Buffer.from(parts.v1, 'hex');
	return given.length === expected.length && timingSafeEqual(given, expected);
}

async function createBundle(): Promise<string> {
	const res = await call('POST', '/bundles', { body: { bundle_type: 'account_only', country: 'US' } });
	return res.body.data.id;
}

test('endpoint CRUD, validation and secrecy of signing_secret', async () => {
	const bad = [
		{ url: 'http://example.com/hook', events: ['bundle.created'] },
		{ url: 'not a url', events: ['bundle.created'] },
		{ url: 'https://example.com/hook', events: ['bundle.exploded'] },
		{ url: 'https://example.com/hook', events: [] },
	];
	for (const body of bad) {
		const res = await call('POST', '/webhooks', { body });
		expect([res.status, res.body.error.code]).toEqual([400, 'VALIDATION_ERROR']);
	}
	const created = await call('POST', '/webhooks', {
		body: { url: 'https://example.com/hook', events: ['bundle.created'], description: 'crm', enabled: false },
	});
	expect(created.status).toBe(201);
	const { id, signing_secret: secret } = created.body.data;
	expect(secret).toMatch(/^whsec_[0-9a-f]{48}$/);
	const got = await call('GET', `/webhooks/${id}`);
	expect(got.body.data).toEqual({
		id,
		url: 'https://example.com/hook',
		events: ['bundle.created'],
		description: 'crm',
		enabled: false,
		created_at: expect.any(String),
		updated_at: expect.any(String),
	});
	const patched = await call('PATCH', `/webhooks/${id}`, { body: { events: ['bundle.created', 'account.finalized'], description: null } });
	expect(patched.body.data).toMatchObject({ events: ['bundle.created', 'account.finalized'], description: null });
	expect((await call('PATCH', `/webhooks/${id}`, { body: { events: ['nope'] } })).status).toBe(400);
	expect((await call('GET', '/webhooks?enabled=false')).body).toMatchObject({ pagination: { total: 1 } });
	expect(JSON.stringify((await call('GET', '/webhooks')).body)).not.toContain(secret);
	const deleted = await call('DELETE', `/webhooks/${id}`);
	expect([deleted.status, deleted.body]).toEqual([204, undefined]);
	expect((await call('GET', `/webhooks/${id}`)).body.error.code).toBe('WEBHOOK_NOT_FOUND');
});

test('deliveries are signed: an independent HMAC verifies them; only subscribed, enabled endpoints get them', async () => {
	const rx = await receiver();
	const other = await receiver();
	const hook = await call('POST', '/webhooks', { body: { url: rx.url, events: ['bundle.created', 'account.configured'] } });
	await call('POST', '/webhooks', { body: { url: other.url, events: ['bundle.created'], enabled: false } });
	const bundleId = await createBundle();
	await call('PUT', `/bundles/${bundleId}/account`, { body: VALID_ACCOUNT });
	await rx.waitFor(2);
	for (const r of rx.received) {
		expect(verify(r, hook.body.data.signing_secret)).toBe(true);
		expect(verify(r, 'whsec_wrong')).toBe(false);
		const envelope = JSON.parse(r.rawBody);
		expect(envelope).toEqual({
			id: expect.stringMatching(/^evt_[0-9a-f]{32}$/),
			type: expect.any(String),
			api_version: '2026-05-25',
			created_at: expect.any(String),
			data: expect.objectContaining({ bundle_id: bundleId }),
		});
		expect(r.headers['tokportal-event-id']).toBe(envelope.id);
		expect(r.headers['tokportal-event-type']).toBe(envelope.type);
		expect(r.headers['content-type']).toBe('application/json');
	}
	expect(rx.received.map((r) => JSON.parse(r.rawBody).type).sort()).toEqual(['account.configured', 'bundle.created']);
	await pause(50);
	expect(other.received).toHaveLength(0);
	const deliveries = await call('GET', `/webhooks/${hook.body.data.id}/deliveries`);
	expect(deliveries.body.pagination.total).toBe(2);
	expect(deliveries.body.data[0]).toEqual({
		id: expect.any(String),
		webhook_id: hook.body.data.id,
		event_id: expect.stringMatching(/^evt_/),
		event_type: expect.any(String),
		attempt: 1,
		success: true,
		response_status: 200,
		error: null,
		duration_ms: expect.any(Number),
		created_at: expect.any(String),
		next_retry_at: null,
	});
});

test('a failing receiver gets automatic retries: same event id, fresh signature, every attempt recorded', async () => {
	const rx = await receiver([500, 503, 200]);
	const hook = await call('POST', '/webhooks', { body: { url: rx.url, events: ['bundle.created'] } });
	await createBundle();
	await rx.waitFor(3);
	const ids = rx.received.map((r) => r.headers['tokportal-event-id']);
	expect(new Set(ids).size).toBe(1);
	expect(rx.received.every((r) => verify(r, hook.body.data.signing_secret))).toBe(true);
	expect(rx.received[1].at - rx.received[0].at).toBeGreaterThanOrEqual(45);
	await pause(20);
	const all = await call('GET', `/webhooks/${hook.body.data.id}/deliveries?per_page=100`);
	const attempts = [...all.body.data].reverse().map((d: { attempt: number; success: boolean; response_status: number }) => [
		d.attempt,
		d.success,
		d.response_status,
	]);
	expect(attempts).toEqual([
		[1, false, 500],
		[2, false, 503],
		[3, true, 200],
	]);
	const failed = await call('GET', `/webhooks/${hook.body.data.id}/deliveries?success=false`);
	expect(failed.body.pagination.total).toBe(2);
	expect(failed.body.data[1].error).toBe('Receiver answered HTTP 500');
});

test('retries stop after the configured delays, and when the endpoint is deleted', async () => {
	const rx = await receiver([500]);
	const hook = await call('POST', '/webhooks', { body: { url: rx.url, events: ['bundle.created'] } });
	await createBundle();
	await rx.waitFor(3);
	await pause(200);
	expect(rx.received).toHaveLength(3);
	expect(sim.state.deliveries.filter((d) => d.webhook_id === hook.body.data.id)).toHaveLength(3);
	await call('DELETE', `/webhooks/${hook.body.data.id}`);
	const gone = await receiver([500]);
	const hook2 = await call('POST', '/webhooks', { body: { url: gone.url, events: ['bundle.created'] } });
	await createBundle();
	await gone.waitFor(1);
	await call('DELETE', `/webhooks/${hook2.body.data.id}`);
	await pause(250);
	expect(gone.received).toHaveLength(1);
	expect(rx.received).toHaveLength(3);
});

test('a receiver that never answers times out and counts as a failure', async () => {
	const slow = await startSilentServer();
	try {
		const hook = await call('POST', '/webhooks', { body: { url: slow.url, events: ['webhook.test'] } });
		const res = await call('POST', `/webhooks/${hook.body.data.id}/test`);
		expect(res.body.data).toMatchObject({ sent: true, success: false, response_status: null, error: 'Timed out after 500 ms' });
	} finally {
		await slow.close();
	}
});

test('POST /webhooks/{id}/test sends a signed webhook.test and reports the result', async () => {
	const rx = await receiver();
	const hook = await call('POST', '/webhooks', { body: { url: rx.url, events: ['bundle.published'] } });
	const res = await call('POST', `/webhooks/${hook.body.data.id}/test`);
	expect(res.body.data).toMatchObject({ event_type: 'webhook.test', success: true, response_status: 200 });
	expect(rx.received).toHaveLength(1);
	expect(verify(rx.received[0], hook.body.data.signing_secret)).toBe(true);
	expect(JSON.parse(rx.received[0].rawBody)).toMatchObject({ id: res.body.data.event_id, type: 'webhook.test' });
});

describe('/_sim/ control endpoints over HTTP', () => {
	const sim$ = async (method: string, path: string, body?: unknown) => {
		const res = await fetch(`${sim.url}/_sim${path}`, {
			method,
			headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return { status: res.status, body: (await res.json()) as any }; // parsed JSON under test
	};

	test('operator actions drive the lifecycle; state never exposes API keys', async () => {
		const id = await createBundle();
		await call('PUT', `/bundles/${id}/account`, { body: VALID_ACCOUNT });
		await call('POST', `/bundles/${id}/publish`);
		expect((await sim$('POST', `/bundles/${id}/accept`)).body.data.status).toBe('accepted');
		const review = await sim$('POST', `/bundles/${id}/account/review`);
		expect(review.body.data.account.status).toBe('in_review');
		const accountId = review.body.data.saved_account_id;
		await call('POST', `/bundles/${id}/account/corrections`, { body: { comment: 'c', fields: { username: 'shorter' } } });
		const applied = await sim$('POST', `/bundles/${id}/account/apply-corrections`, {});
		expect(applied.body.data.account.feedback_history[1].changes.username).toEqual({
			from: 'streetstyle.nyc',
			to: 'streetstyle.nyc_v2',
		});
		expect((await sim$('POST', `/bundles/${id}/account/auto-finalize`)).body.data.account.status).toBe('finalized');
		const code = await sim$('POST', `/accounts/${accountId}/verification-code`, { code: '654321' });
		expect(code.body.data).toEqual({ account_id: accountId, code: '654321' });
		// Finalizing the account of an account_only bundle completes it (spec 003 "advances the bundle lifecycle").
		expect((await call('GET', `/bundles/${id}`)).body.data.status).toBe('completed');
		expect((await sim$('POST', `/accounts/${accountId}/ban`)).body.data).toMatchObject({ banned: true, post_cutoff: true });
		expect((await sim$('POST', '/credits', { amount: 500 })).body.data.credits).toBe(sim.state.credits);
		const conflict = await sim$('POST', `/bundles/${id}/accept`);
		expect([conflict.status, conflict.body.error.code]).toEqual([409, 'SIM_INVALID_STATE']);

		const state = await sim$('GET', '/state');
		expect(Object.keys(state.body.data).sort()).toEqual(
			[
				'accounts',
				'bundles',
				'credits',
				'deliveries',
				'events',
				'ledger',
				'uploads',
				'webhooks',
				...Object.keys(emptyServiceState()),
			].sort(),
		);
		expect(JSON.stringify(state.body)).not.toContain(sim.apiKey);
		const requests = await sim$('GET', '/requests');
		expect(requests.body.data.length).toBeGreaterThan(0);
		expect(JSON.stringify(requests.body)).not.toContain(sim.apiKey);
		expect((await sim$('GET', '/webhooks/deliveries')).body.data.length).toBe(sim.state.deliveries.length);
	});

	test('faults, latency, rate limit, seeding and request log over HTTP', async () => {
		expect((await sim$('POST', '/faults', { method: 'GET', path: '/me', fault: { type: 'status', status: 502 } })).status).toBe(200);
		expect((await call('GET', '/me')).status).toBe(502);
		expect((await sim$('POST', '/faults', { fault: { type: 'explode' } })).status).toBe(400);
		await sim$('POST', '/faults', { pathRegex: '^/bundles', fault: { type: 'status', status: 500 }, times: 5 });
		await sim$('DELETE', '/faults');
		expect((await call('GET', '/bundles')).status).toBe(200);

		await sim$('POST', '/rate-limit', { capacity: 1, refillPerSecond: 0.1 });
		await call('GET', '/me');
		expect((await call('GET', '/me')).status).toBe(429);
		await sim$('POST', '/rate-limit', { enabled: false });
		const free = await call('GET', '/me');
		expect([free.status, free.headers.get('x-ratelimit-limit')]).toEqual([200, null]);

		await sim$('POST', '/latency', { ms: 40 });
		const started = Date.now();
		await call('GET', '/me');
		expect(Date.now() - started).toBeGreaterThanOrEqual(35);
		await sim$('POST', '/latency', { ms: 0 });

		const seeded = await sim$('POST', '/seed/accounts', { count: 2, platform: 'tiktok', country: 'US' });
		expect(seeded.body.data.map((a: { country: string }) => a.country)).toEqual(['US', 'US']);
		await sim$('DELETE', '/requests');
		expect(sim.requests).toHaveLength(0);
	});
});

async function startSilentServer(): Promise<{ url: string; close(): Promise<void> }> {
	const http = await import('node:http');
	const sockets = new Set<import('node:net').Socket>();
	const server = http.createServer(() => undefined);
	server.on('connection', (s) => sockets.add(s));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const { port } = server.address() as import('node:net').AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/slow`,
		close: () =>
			new Promise((resolve) => {
				for (const s of sockets) s.destroy();
				server.close(() => resolve());
			}),
	};
}
