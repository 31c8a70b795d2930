import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { chain, runTokPortalNode, runWorkflow } from '../harness';
import type { Simulator } from '../simulator';
import { startSimulator } from '../simulator';
import { client } from '../simulator/client';

/** Manual Trigger → Items → Transport Probe (a test node calling the transport directly). */
async function probe(
	sim: Pick<Simulator, 'baseUrl' | 'apiKey'>,
	parameters: INodeParameters,
	options: { items?: IDataObject[]; retryOnFail?: number; continueOnFail?: boolean; apiKey?: string } = {},
) {
	const result = await runWorkflow(
		{
			nodes: [
				{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', parameters: {} },
				{ name: 'Items', type: 'harness.items', parameters: { items: JSON.stringify(options.items ?? [{}]) } },
				{
					name: 'Probe',
					type: 'harness.transportProbe',
					parameters,
					credentials: { tokPortalApi: { id: '1', name: 'TokPortal account' } },
					retryOnFail: options.retryOnFail !== undefined,
					maxTries: options.retryOnFail,
					waitBetweenTries: 0,
					onError: options.continueOnFail ? 'continueRegularOutput' : 'stopWorkflow',
				},
			],
			connections: chain('Start', 'Items', 'Probe'),
		},
		{ credentials: { tokPortalApi: { apiKey: options.apiKey ?? sim.apiKey, baseUrl: sim.baseUrl } } },
	);
	const error = result.nodeError('Probe') as (Error & { description?: string; context: IDataObject }) | undefined;
	return { result, error, items: error ? [] : result.output('Probe') };
}

const createBody = JSON.stringify({ bundle_type: 'account_only', platform: 'tiktok', country: 'USA' });

/** The ids of the first pages of /accounts, read directly (100 per page). */
async function listedIds(sim: Pick<Simulator, 'baseUrl' | 'apiKey'>, pages: number): Promise<unknown[]> {
	const ids: unknown[] = [];
	for (let page = 1; page <= pages; page++) {
		const response = await fetch(`${sim.baseUrl}/accounts?per_page=100&page=${page}`, { headers: { 'X-API-Key': sim.apiKey } });
		ids.push(...((await response.json()) as { data: IDataObject[] }).data.map((account) => account.id));
	}
	return ids;
}

/**
 * Creates 5 accounts once page 2 has been requested (and waits out its latency): the list is newest
 * first, so the last 5 items of page 1 slide onto page 2. Returns the watcher to stop.
 */
function shiftWhilePageTwoIsRead(sim: Simulator): NodeJS.Timeout {
	const watcher = setInterval(() => {
		if (sim.requests.length >= 2) {
			clearInterval(watcher);
			sim.seedAccounts(5);
		}
	}, 5);
	return watcher;
}

describe('transport through the n8n engine', () => {
	let sim: Simulator;

	beforeAll(async () => {
		sim = await startSimulator({ seed: { accounts: 250 }, rateLimit: false });
	});
	afterAll(async () => {
		await sim.close();
	});
	beforeEach(() => {
		sim.clearRequests();
		sim.faults.clear();
	});

	describe('pagination', () => {
		it('returns all 250 accounts in exactly ceil(250/100) = 3 requests, in page order', async () => {
			const run = await runTokPortalNode(sim, {
				parameters: { resource: 'deliveredAccount', operation: 'getMany', returnAll: true },
			});
			expect(run.error).toBeUndefined();
			expect(run.items).toHaveLength(250);
			expect(sim.requests.map((r) => [r.path, r.query.page, r.query.per_page])).toEqual([
				['/accounts', '1', '100'],
				['/accounts', '2', '100'],
				['/accounts', '3', '100'],
			]);
			const direct = (await client(sim)('GET', '/accounts?per_page=100&page=1')).body as { data: IDataObject[] };
			expect(run.items.slice(0, 100).map((item) => item.json.id)).toEqual(direct.data.map((a) => a.id));
			expect(new Set(run.items.map((item) => item.json.id)).size).toBe(250);
			expect(run.items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		});

		it('asks for exactly the Limit when it fits in one page (Limit 30 → one request, per_page=30)', async () => {
			const run = await runTokPortalNode(sim, {
				parameters: { resource: 'deliveredAccount', operation: 'getMany', returnAll: false, limit: 30 },
			});
			expect(run.items).toHaveLength(30);
			expect(sim.requests).toHaveLength(1);
			expect(sim.requests[0].query).toMatchObject({ page: '1', per_page: '30' });
		});

		it('never fetches a page whose items would be thrown away (Limit 150 → pages 1 and 2 only)', async () => {
			const { items } = await probe(sim, { path: '/accounts', list: true, limit: 150 });
			expect(items).toHaveLength(150);
			expect(sim.requests.map((r) => r.query.page)).toEqual(['1', '2']);
		});

		it('forwards filters on every page', async () => {
			const run = await runTokPortalNode(sim, {
				parameters: {
					resource: 'deliveredAccount',
					operation: 'getMany',
					returnAll: true,
					filters: { platform: 'instagram', banned: 'false' },
				},
			});
			expect(run.items.length).toBeGreaterThan(0);
			expect(run.items.every((item) => item.json.platform === 'instagram')).toBe(true);
			expect(sim.requests.every((r) => r.query.platform === 'instagram' && r.query.banned === 'false')).toBe(true);
		});

		it('fetches pages in parallel, never more than the configured number at once, in page order', async () => {
			const big = await startSimulator({ seed: { accounts: 1000 }, rateLimit: false, latencyMs: 30 });
			try {
				const parallel = await probe(big, { path: '/accounts', list: true });
				expect(parallel.items).toHaveLength(1000);
				expect(big.requests).toHaveLength(10);
				expect(big.maxInFlight()).toBe(4);
				big.clearRequests();
				const serial = await runTokPortalNode(big, {
					parameters: {
						resource: 'deliveredAccount',
						operation: 'getMany',
						returnAll: true,
						options: { parallelRequests: 1 },
					},
				});
				expect(big.maxInFlight()).toBe(1);
				expect(big.requests).toHaveLength(10);
				expect(serial.items.map((item) => item.json.id)).toEqual(parallel.items.map((item) => item.json.id));
			} finally {
				await big.close();
			}
		});

		it('collects pages that arrive out of order in page order', async () => {
			const slow = await startSimulator({ seed: { accounts: 1000 }, rateLimit: false, latencyMs: 30 });
			try {
				// Once page 1 has been requested, the next request (page 2) is answered 300 ms late:
				// pages 3 to 6 arrive before it.
				const watcher = setInterval(() => {
					if (slow.requests.length >= 1) {
						clearInterval(watcher);
						slow.faults.inject({ method: 'GET', path: '/accounts' }, { type: 'latency', ms: 300 }, 1);
					}
				}, 1);
				const { items, error } = await probe(slow, { path: '/accounts', list: true });
				clearInterval(watcher);
				expect(error).toBeUndefined();
				const delayed = slow.requests.find((r) => r.fault === 'latency');
				expect(delayed?.query.page).toBe('2');
				const answered = [...slow.requests].sort((a, b) => a.endedAt - b.endedAt).map((r) => r.query.page);
				expect(answered.indexOf('3')).toBeLessThan(answered.indexOf('2'));
				expect(items.map((item) => item.json.id)).toEqual(await listedIds(slow, 10));
			} finally {
				await slow.close();
			}
		});

		it('reads the credential once per list and once per call, and still authenticates every request', async () => {
			const list = await runTokPortalNode(sim, {
				parameters: { resource: 'deliveredAccount', operation: 'getMany', returnAll: true },
			});
			expect(list.items).toHaveLength(250);
			expect(list.result.credentialReads).toBe(1);
			const single = await probe(sim, { path: '/me' });
			expect(single.error).toBeUndefined();
			expect(single.result.credentialReads).toBe(1);
			expect(sim.requests).toHaveLength(4);
			expect(sim.requests.every((r) => r.headers['x-api-key'] === sim.apiKey && r.status === 200)).toBe(true);
		});

		it('drops items that shift onto the next page while the list is read (no duplicates)', async () => {
			const shifting = await startSimulator({ seed: { accounts: 250 }, rateLimit: false, latencyMs: 100 });
			try {
				const watcher = shiftWhilePageTwoIsRead(shifting);
				const run = await runTokPortalNode(shifting, {
					parameters: {
						resource: 'deliveredAccount',
						operation: 'getMany',
						returnAll: true,
						options: { parallelRequests: 1 },
					},
				});
				clearInterval(watcher);
				expect(shifting.state.accounts).toHaveLength(255);
				const ids = run.items.map((item) => item.json.id);
				expect(ids).toHaveLength(250);
				expect(new Set(ids).size).toBe(250);
				expect(shifting.requests).toHaveLength(3);
			} finally {
				await shifting.close();
			}
		});

		it('fills a Limit with items that are not repeats when the list shifts while it is read', async () => {
			const shifting = await startSimulator({ seed: { accounts: 250 }, rateLimit: false, latencyMs: 100 });
			try {
				const before = await listedIds(shifting, 2);
				shifting.clearRequests();
				// Limit 150 reads pages 1 and 2: 195 distinct items once 5 of page 1 slide onto page 2.
				const watcher = shiftWhilePageTwoIsRead(shifting);
				const run = await runTokPortalNode(shifting, {
					parameters: { resource: 'deliveredAccount', operation: 'getMany', returnAll: false, limit: 150 },
				});
				clearInterval(watcher);
				const ids = run.items.map((item) => item.json.id);
				expect(shifting.requests).toHaveLength(2);
				expect(ids).toHaveLength(150);
				expect(new Set(ids).size).toBe(150);
				expect(ids).toEqual(before.slice(0, 150));
			} finally {
				await shifting.close();
			}
		});

		it('retries a page that was rate-limited mid-stream and still returns every item in page order', async () => {
			const limited = await startSimulator({ seed: { accounts: 1000 }, rateLimit: false, latencyMs: 30 });
			try {
				// Once page 1 has been requested, the next page request gets a 429 asking for 1 s.
				const watcher = setInterval(() => {
					if (limited.requests.length >= 1) {
						clearInterval(watcher);
						limited.faults.inject(
							{ method: 'GET', path: '/accounts' },
							{ type: 'status', status: 429, retryAfterSeconds: 1 },
							1,
						);
					}
				}, 1);
				const started = Date.now();
				const { items, error } = await probe(limited, { path: '/accounts', list: true });
				clearInterval(watcher);
				expect(error).toBeUndefined();
				expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
				const rateLimited = limited.requests.filter((r) => r.status === 429);
				expect(rateLimited).toHaveLength(1);
				expect(rateLimited[0].query.page).not.toBe('1');
				expect(limited.requests.filter((r) => r.status === 200)).toHaveLength(10);
				const direct = (await client(limited)('GET', `/accounts?per_page=100&page=${rateLimited[0].query.page}`))
					.body as { data: IDataObject[] };
				const offset = (Number(rateLimited[0].query.page) - 1) * 100;
				expect(items.slice(offset, offset + 100).map((item) => item.json.id)).toEqual(direct.data.map((a) => a.id));
				expect(new Set(items.map((item) => item.json.id)).size).toBe(1000);
			} finally {
				await limited.close();
			}
		});
	});

	describe('retries', () => {
		it('retries a GET on 429 after the Retry-After the server asked for', async () => {
			sim.faults.inject({ method: 'GET', path: '/me' }, { type: 'status', status: 429, retryAfterSeconds: 1 }, 1);
			const started = Date.now();
			const { items, error } = await probe(sim, { path: '/me' });
			const elapsed = Date.now() - started;
			expect(error).toBeUndefined();
			expect(items[0].json.data).toBeDefined();
			expect(sim.requests.map((r) => r.status)).toEqual([429, 200]);
			expect(elapsed).toBeGreaterThanOrEqual(1000);
			expect(elapsed).toBeLessThan(5000);
		});

		it('never retries a call that returns a secret (no idempotency key): one request, then a clear error', async () => {
			const account = sim.state.accounts.find((a) => !a.post_cutoff)!;
			sim.faults.inject({ method: 'POST' }, { type: 'status', status: 503 }, 5);
			const { error } = await probe(sim, { method: 'POST', path: `/accounts/${account.id}/reveal-credentials` });
			expect(error?.message).toMatch(/internal problem/);
			expect(sim.requests).toHaveLength(1);
			expect(sim.requests[0].headers['idempotency-key']).toBeUndefined();
		});

		it('never retries other 4xx answers', async () => {
			const { error } = await probe(sim, { path: '/bundles/does-not-exist' });
			expect(error?.message).toMatch(/Bundle not found/);
			expect(sim.requests).toHaveLength(1);
		});

		it('retries a mutation with the same Idempotency-Key until it succeeds: one bundle, one debit', async () => {
			const bundlesBefore = sim.state.bundles.length;
			const creditsBefore = sim.state.credits;
			sim.faults.inject({ method: 'POST', path: '/bundles' }, { type: 'status', status: 503 }, 2);
			const { items, error } = await probe(sim, { method: 'POST', path: '/bundles', body: createBody });
			expect(error).toBeUndefined();
			const keys = sim.requests.map((r) => r.headers['idempotency-key']);
			expect(keys).toHaveLength(3);
			expect(new Set(keys).size).toBe(1);
			expect(keys[0]).toMatch(/^n8n-[0-9a-f]{64}$/);
			expect(sim.state.bundles.length).toBe(bundlesBefore + 1);
			expect(creditsBefore - sim.state.credits).toBe(32);
			expect(items[0].json.credits_charged).toBe(32);
		});

		it('keeps the key across n8n "Retry On Fail" re-runs of the node, so the retry cannot charge twice', async () => {
			const bundlesBefore = sim.state.bundles.length;
			const creditsBefore = sim.state.credits;
			// Committed, then the connection drops: the transport retries and gets the stored answer.
			sim.faults.inject({ method: 'POST', path: '/bundles' }, { type: 'dropAfterCommit' }, 1);
			// Afterwards 4 more failures exhaust the transport's 5 attempts: n8n re-runs the node.
			sim.faults.inject({ method: 'POST', path: '/bundles' }, { type: 'status', status: 503 }, 4);
			const { items, error } = await probe(sim, { method: 'POST', path: '/bundles', body: createBody }, { retryOnFail: 2 });
			expect(error).toBeUndefined();
			expect(sim.requests).toHaveLength(6);
			expect(new Set(sim.requests.map((r) => r.headers['idempotency-key'])).size).toBe(1);
			expect(items[0].json._replayed).toBe(true);
			expect(sim.state.bundles.length).toBe(bundlesBefore + 1);
			expect(creditsBefore - sim.state.credits).toBe(32);
		});

		it('uses a different key for each item and each execution', async () => {
			await probe(sim, { method: 'POST', path: '/bundles', body: createBody }, { items: [{}, {}] });
			await probe(sim, { method: 'POST', path: '/bundles', body: createBody });
			const keys = sim.requests.map((r) => r.headers['idempotency-key']);
			expect(keys).toHaveLength(3);
			expect(new Set(keys).size).toBe(3);
		});
	});

	describe('errors', () => {
		it('explains the error code, shows status, code and the request id', async () => {
			const { error } = await probe(sim, { path: '/bundles/no-such-bundle' });
			const requestId = sim.requests[0].requestId;
			expect(requestId).toMatch(/^req_/);
			expect(error?.message).toBe(
				'Bundle not found. Check the Bundle ID: it must be a bundle of the organization this API key belongs to.',
			);
			expect(error?.description).toContain('HTTP 404 · BUNDLE_NOT_FOUND');
			expect(error?.description).toContain(`Request ID: ${requestId}`);
			expect(error?.context).toMatchObject({ tokportalCode: 'BUNDLE_NOT_FOUND', requestId, httpStatus: 404 });
		});

		it('says when a refusal is the stored answer to an earlier request with the same Idempotency Key', async () => {
			const invalid = JSON.stringify({ bundle_type: 'account_only', platform: 'tiktok', country: 'ATLANTIS' });
			const first = await probe(sim, { method: 'POST', path: '/bundles', body: invalid, idempotencyKey: 'row-7' });
			const second = await probe(sim, { method: 'POST', path: '/bundles', body: invalid, idempotencyKey: 'row-7' });
			expect(first.error?.context.replayed).toBe(false);
			expect(first.error?.description).not.toContain('stored answer');
			expect(second.error?.context.replayed).toBe(true);
			expect(second.error?.description).toContain('stored answer to an earlier request with the same Idempotency Key');
			expect(sim.requests.map((r) => r.headers['idempotency-key'])).toEqual(['row-7', 'row-7']);
		});

		it('matches lower-case codes from the account endpoints too', async () => {
			const { error } = await probe(sim, { path: '/bundles/no-such-bundle/account' });
			expect(error?.message).toMatch(/Bundle not found/);
		});

		it('names the base URL when TokPortal cannot be reached', async () => {
			const { error } = await probe(
				{ baseUrl: 'http://127.0.0.1:9/api/ext', apiKey: sim.apiKey },
				{ path: '/me' },
			);
			expect(error?.message).toBe(
				'Could not reach TokPortal at http://127.0.0.1:9/api/ext. Check the Base URL in the TokPortal API credential and your network.',
			);
		});

		it('sends an empty JSON body as {} (n8n’s HTTP helper would leave it out)', async () => {
			await probe(sim, { method: 'POST', path: '/bundles', body: '{}' }, { continueOnFail: true });
			expect(sim.requests).toHaveLength(1);
			expect(sim.requests[0].body).toEqual({});
			expect(sim.requests[0].headers['content-type']).toBe('application/json');
		});

		it('never shows the API key in errors, outputs or descriptions', async () => {
			const secretKey = `sk_${'ab'.repeat(32)}`;
			const wrongKey = await probe(sim, { path: '/me' }, { apiKey: secretKey });
			expect(wrongKey.error?.message).toMatch(/rejected the API key/);
			const unreachable = await probe(
				{ baseUrl: 'http://127.0.0.1:9/api/ext', apiKey: secretKey },
				{ path: '/me' },
				{ continueOnFail: true },
			);
			sim.faults.inject({ method: 'GET', path: '/me' }, { type: 'dropBeforeCommit' }, 10);
			const dropped = await probe(sim, { path: '/me' }, { apiKey: secretKey });
			for (const run of [wrongKey, unreachable, dropped]) {
				const everything = JSON.stringify({
					run: run.result.run,
					message: run.error?.message,
					description: run.error?.description,
					stack: run.error?.stack,
					cause: (run.error as { cause?: unknown } | undefined)?.cause,
				});
				expect(everything).not.toContain(secretKey);
				expect(everything).not.toContain(secretKey.slice(3, 30));
			}
		});
	});
});
