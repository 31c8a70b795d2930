// The simulator faults this suite relies on behave as documented, over real HTTP (a fault that
// silently did nothing would make every scenario built on it pass for the wrong reason).
import http from 'node:http';

import type { Simulator } from '../simulator';
import { startSimulator } from '../simulator';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());
beforeEach(() => {
	sim.faults.clear();
	sim.clearRequests();
});

const createBody = { bundle_type: 'account_only', platform: 'tiktok', country: 'USA', title: 'Fault probe' };

/** One request with node:http, so a reset, a hang or a timeout shows as the socket error it is. */
function send(
	method: string,
	path: string,
	options: { body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
	return new Promise((resolve, reject) => {
		const request = http.request(
			`${sim.baseUrl}${path}`,
			{
				method,
				headers: { 'X-API-Key': sim.apiKey, 'Content-Type': 'application/json', ...options.headers },
				timeout: options.timeoutMs,
			},
			(response) => {
				let text = '';
				response.setEncoding('utf8');
				response.on('data', (chunk: string) => (text += chunk));
				response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }));
			},
		);
		request.on('timeout', () => request.destroy(Object.assign(new Error('client timeout'), { code: 'ETIMEDOUT' })));
		request.on('error', reject);
		request.end(options.body === undefined ? undefined : JSON.stringify(options.body));
	});
}

describe('echo: a gateway error page that repeats the refused request', () => {
	it('in TokPortal’s envelope, with every header including X-API-Key, and Retry-After', async () => {
		sim.faults.inject({ path: '/me' }, { type: 'echo', status: 429, retryAfterSeconds: 7 });
		const response = await send('GET', '/me?x=1');
		expect(response.status).toBe(429);
		expect(response.headers['retry-after']).toBe('7');
		const body = JSON.parse(response.text) as { error: { code: string; message: string; details: { request: { url: string; headers: Record<string, string> } } } };
		expect(body.error.code).toBe('RATE_LIMIT_EXCEEDED');
		expect(body.error.message).toContain(sim.apiKey);
		expect(body.error.details.request).toMatchObject({ url: '/api/ext/me?x=1', headers: { 'x-api-key': sim.apiKey } });
		expect(sim.requests[0]).toMatchObject({ fault: 'echo', status: 429 });
	});

	it('as an HTML 502 page, without TokPortal’s headers', async () => {
		sim.faults.inject({ path: '/me' }, { type: 'echo', status: 502, format: 'html' });
		const response = await send('GET', '/me');
		expect(response.status).toBe(502);
		expect(response.headers['content-type']).toMatch(/^text\/html/);
		expect(response.headers['x-tokportal-request-id']).toBeUndefined();
		expect(response.text).toMatch(/^<!DOCTYPE html>/);
		expect(response.text).toContain(`x-api-key: ${sim.apiKey}`);
	});

	it('after commit: the order exists and the page also repeats TokPortal’s answer', async () => {
		const before = sim.state.bundles.length;
		sim.faults.inject({ method: 'POST', path: '/bundles' }, { type: 'echo', status: 502, format: 'proxy', afterCommit: true });
		const response = await send('POST', '/bundles', { body: createBody, headers: { 'Idempotency-Key': 'echo-commit-1' } });
		expect(response.status).toBe(502);
		const body = JSON.parse(response.text) as { request: { body: unknown }; upstream: { status: number; body: { data: { id: string } } } };
		expect(body.request.body).toEqual(createBody);
		expect(sim.state.bundles).toHaveLength(before + 1);
		expect(body.upstream).toMatchObject({ status: 201, body: { data: { id: sim.state.bundles.at(-1)?.id } } });
	});
});

describe('hang and reset', () => {
	it('hang: never answers, so the client times out; with afterCommit the order exists', async () => {
		const before = sim.state.bundles.length;
		sim.faults.inject({ method: 'POST', path: '/bundles' }, { type: 'hang', afterCommit: true });
		await expect(
			send('POST', '/bundles', { body: createBody, headers: { 'Idempotency-Key': 'hang-1' }, timeoutMs: 1_000 }),
		).rejects.toMatchObject({ code: 'ETIMEDOUT' });
		expect(sim.state.bundles).toHaveLength(before + 1);
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(sim.requests[0]).toMatchObject({ fault: 'hang', status: 201 });
		expect(sim.requests[0].endedAt).toBeGreaterThan(0);
	});

	it('hang before commit: nothing happens', async () => {
		const before = sim.state.bundles.length;
		sim.faults.inject({ method: 'POST', path: '/bundles' }, { type: 'hang' });
		await expect(
			send('POST', '/bundles', { body: createBody, headers: { 'Idempotency-Key': 'hang-2' }, timeoutMs: 500 }),
		).rejects.toMatchObject({ code: 'ETIMEDOUT' });
		expect(sim.state.bundles).toHaveLength(before);
	});

	it('reset: the connection is reset once the request was read (before or after commit)', async () => {
		const before = sim.state.bundles.length;
		sim.faults.inject({ method: 'POST', path: '/bundles' }, { type: 'reset' });
		sim.faults.inject({ method: 'POST', path: '/bundles' }, { type: 'reset', afterCommit: true });
		await expect(send('POST', '/bundles', { body: createBody, headers: { 'Idempotency-Key': 'reset-1' } })).rejects.toMatchObject({
			code: 'ECONNRESET',
		});
		expect(sim.state.bundles).toHaveLength(before);
		await expect(send('POST', '/bundles', { body: createBody, headers: { 'Idempotency-Key': 'reset-2' } })).rejects.toMatchObject({
			code: 'ECONNRESET',
		});
		expect(sim.state.bundles).toHaveLength(before + 1);
		expect(sim.requests.map((request) => [request.fault, request.status])).toEqual([
			['reset', 0],
			['reset', 201],
		]);
	});
});

describe('faults in sequence', () => {
	it('a dropped answer after commit, then 500s: the ledger still replays the first order', async () => {
		const before = sim.state.bundles.length;
		sim.faults.inject({ method: 'POST', path: '/bundles' }, { type: 'dropAfterCommit' });
		sim.faults.inject({ method: 'POST', path: '/bundles' }, { type: 'status', status: 500 }, 2);
		const headers = { 'Idempotency-Key': 'drop-then-500' };
		await expect(send('POST', '/bundles', { body: createBody, headers })).rejects.toThrow();
		expect((await send('POST', '/bundles', { body: createBody, headers })).status).toBe(500);
		expect((await send('POST', '/bundles', { body: createBody, headers })).status).toBe(500);
		const replay = await send('POST', '/bundles', { body: createBody, headers });
		expect([replay.status, replay.headers['idempotent-replayed']]).toEqual([201, 'true']);
		expect(sim.state.bundles).toHaveLength(before + 1);
	});
});

describe('the /_sim/faults control endpoint', () => {
	it('accepts the new kinds and refuses an unknown echo format', async () => {
		const post = async (body: unknown) =>
			await fetch(`${sim.url}/_sim/faults`, { method: 'POST', body: JSON.stringify(body) });
		expect((await post({ path: '/me', fault: { type: 'echo', status: 401, format: 'text' } })).status).toBe(200);
		expect((await post({ path: '/me', fault: { type: 'hang', afterCommit: true } })).status).toBe(200);
		expect((await post({ path: '/me', fault: { type: 'reset' } })).status).toBe(200);
		expect((await post({ path: '/me', fault: { type: 'echo', status: 401, format: 'xml' } })).status).toBe(400);
		const pending = (await (await fetch(`${sim.url}/_sim/faults`)).json()) as { data: Array<{ fault: unknown }> };
		expect(pending.data.map((armed) => armed.fault)).toEqual([
			{ type: 'echo', status: 401, format: 'text' },
			{ type: 'hang', afterCommit: true },
			{ type: 'reset' },
		]);
		const echoed = await send('GET', '/me');
		expect([echoed.status, echoed.headers['content-type']]).toEqual([401, 'text/plain; charset=utf-8']);
		expect(echoed.text).toContain(sim.apiKey);
	});
});
