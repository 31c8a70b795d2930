// Issue #9 defect 1: a retry never orders or charges twice. Each scenario runs real workflows through
// n8n-core against the simulator with faults, n8n's Retry On Fail (maxTries 3, ± Continue On Fail),
// expressions that change between tries, whole-workflow re-runs and concurrent executions, and
// asserts on the simulator's state: bundles created, ledger debits, publishes, secret calls sent.
//
// Target: the derived Idempotency-Key depends only on the execution, node, item (and run), operation
// and the call's ordinal — never on evaluated values — so a later try of the same call returns the
// first result (`idempotent_replay: true`); if TokPortal refuses the reuse because the body differs,
// the item gets a clear error, never a second order. Secret-returning calls are never sent twice.
import type { INodeParameters } from 'n8n-workflow';

import type { NodeRun, RunNodeOptions } from '../harness';
import { runTokPortalNode } from '../harness';
import { byId, configureViaApi, newBundle } from '../node/accountFixtures';
import type { Fault, Simulator } from '../simulator';
import type { FaultMatch } from '../simulator/faults';
import { startSimulator } from '../simulator';
import { figureBook } from './support/figures';

const figures = figureBook('money', 'money');

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false, initialCredits: 1_000_000 });
});
afterAll(async () => await sim.close());
beforeEach(() => {
	sim.faults.clear();
	sim.clearRequests();
	sim.setLatency(0);
});

/** n8n's Retry On Fail as users switch it on: 3 tries (waitBetweenTries 1 ms keeps the suite fast). */
const RETRY_ON_FAIL = { maxTries: 3, waitBetweenTries: 1 };

/** A title that is different on every evaluation, as a timestamp or a random suffix in an expression is. */
const CHANGING_TITLE = "={{ 'Order ' + $now.toMillis() }}";

const create = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'bundle',
	operation: 'create',
	bundleType: 'account_only',
	platform: 'tiktok',
	country: 'USA',
	...extra,
});

interface Ledger {
	bundles: number;
	debits: number;
}

function ledger(): Ledger {
	return { bundles: sim.state.bundles.length, debits: sim.state.ledger.filter((entry) => entry.type === 'debit').length };
}

/** What a scenario cost, compared with what it should cost: recorded in the figures, returned for asserting. */
function spent(before: Ledger, expected: { bundles: number; debits: number }): Ledger {
	const after = ledger();
	const created = { bundles: after.bundles - before.bundles, debits: after.debits - before.debits };
	figures.add('scenarios');
	figures.add('doubleOrders', Math.max(0, created.bundles - expected.bundles));
	figures.add('doubleCharges', Math.max(0, created.debits - expected.debits));
	return created;
}

function arm(match: FaultMatch, ...faults: Array<[Fault, number]>): void {
	for (const [fault, times] of faults) sim.faults.inject(match, fault, times);
}

const POST_BUNDLES: FaultMatch = { method: 'POST', path: '/bundles' };
const lost: Fault = { type: 'dropAfterCommit' };
/** A 500 the transport retries at once (Retry-After: 0): an outage without the backoff's waiting. */
const outage: Fault = { type: 'status', status: 500, retryAfterSeconds: 0 };

async function run(parameters: INodeParameters, options: Omit<RunNodeOptions, 'parameters'> = {}): Promise<NodeRun> {
	return await runTokPortalNode(sim, { parameters, ...options });
}

/** The one bundle created since `before`: the run's only output item must be it. */
function expectOutputIsTheOrder(result: NodeRun, before: Ledger): void {
	const created = sim.state.bundles.slice(before.bundles);
	expect(result.error).toBeUndefined();
	expect(result.items.map((item) => item.json.id)).toEqual(created.map((bundle) => bundle.id));
}

describe('an order whose answer is lost, under the transport’s retries', () => {
	it('answer lost after commit, then the retry: one order, the first result replayed', async () => {
		const before = ledger();
		arm(POST_BUNDLES, [lost, 1]);
		const result = await run(create({ additionalFields: { title: 'Lost once' } }));
		expect(spent(before, { bundles: 1, debits: 1 })).toEqual({ bundles: 1, debits: 1 });
		expectOutputIsTheOrder(result, before);
		expect(result.items[0].json.idempotent_replay).toBe(true);
	});

	it('timeout after commit (TokPortal never answers), then the retry: one order', async () => {
		const before = ledger();
		arm(POST_BUNDLES, [{ type: 'hang', afterCommit: true }, 1]);
		const result = await run(create({ additionalFields: { title: 'Timed out once' } }), { requestTimeoutMs: 1_000 });
		expect(spent(before, { bundles: 1, debits: 1 })).toEqual({ bundles: 1, debits: 1 });
		expectOutputIsTheOrder(result, before);
	});

	it('connection reset after commit, then the retry: one order', async () => {
		const before = ledger();
		arm(POST_BUNDLES, [{ type: 'reset', afterCommit: true }, 1]);
		const result = await run(create({ additionalFields: { title: 'Reset after commit' } }));
		expect(spent(before, { bundles: 1, debits: 1 })).toEqual({ bundles: 1, debits: 1 });
		expectOutputIsTheOrder(result, before);
	});

	it('connection reset before commit, then the retry: one order (created by the retry)', async () => {
		const before = ledger();
		arm(POST_BUNDLES, [{ type: 'reset' }, 1]);
		const result = await run(create({ additionalFields: { title: 'Reset before commit' } }));
		expect(spent(before, { bundles: 1, debits: 1 })).toEqual({ bundles: 1, debits: 1 });
		expectOutputIsTheOrder(result, before);
	});

	it('503 with Retry-After, twice, then success: one order', async () => {
		const before = ledger();
		arm(POST_BUNDLES, [{ type: 'status', status: 503, retryAfterSeconds: 1 }, 2]);
		const result = await run(create({ additionalFields: { title: 'Unavailable twice' } }));
		expect(spent(before, { bundles: 1, debits: 1 })).toEqual({ bundles: 1, debits: 1 });
		expectOutputIsTheOrder(result, before);
	});

	it('429 with Retry-After, then success: one order', async () => {
		const before = ledger();
		arm(POST_BUNDLES, [{ type: 'status', status: 429, retryAfterSeconds: 1 }, 1]);
		const result = await run(create({ additionalFields: { title: 'Rate limited once' } }));
		expect(spent(before, { bundles: 1, debits: 1 })).toEqual({ bundles: 1, debits: 1 });
		expectOutputIsTheOrder(result, before);
	});
});

describe("n8n's Retry On Fail (maxTries 3) re-running the node", () => {
	it('answer lost after commit, then 500s until the node fails; the next try: one order', async () => {
		const before = ledger();
		arm(POST_BUNDLES, [lost, 1], [outage, 4]);
		const result = await run(create({ additionalFields: { title: 'Lost then outage' } }), { retryOnFail: RETRY_ON_FAIL });
		expect(spent(before, { bundles: 1, debits: 1 })).toEqual({ bundles: 1, debits: 1 });
		expectOutputIsTheOrder(result, before);
		expect(result.items[0].json.idempotent_replay).toBe(true);
	});

	it('answer lost after commit, then 500s, with a Title that changes between tries: one order', async () => {
		const before = ledger();
		arm(POST_BUNDLES, [lost, 1], [outage, 4]);
		const result = await run(create({ additionalFields: { title: CHANGING_TITLE } }), { retryOnFail: RETRY_ON_FAIL });
		expect(spent(before, { bundles: 1, debits: 1 })).toEqual({ bundles: 1, debits: 1 });
		expectFirstResultOrClearError(result, before);
	});

	it('every answer of the first try lost, Title changing between tries: one order', async () => {
		const before = ledger();
		arm(POST_BUNDLES, [lost, 5]);
		const result = await run(create({ additionalFields: { title: CHANGING_TITLE } }), { retryOnFail: RETRY_ON_FAIL });
		expect(spent(before, { bundles: 1, debits: 1 })).toEqual({ bundles: 1, debits: 1 });
		expectFirstResultOrClearError(result, before);
	});

	it('every attempt of the first try timed out after commit, Title changing between tries: one order', async () => {
		const before = ledger();
		arm(POST_BUNDLES, [{ type: 'hang', afterCommit: true }, 5]);
		const result = await run(create({ additionalFields: { title: CHANGING_TITLE } }), {
			retryOnFail: RETRY_ON_FAIL,
			requestTimeoutMs: 1_000,
		});
		expect(spent(before, { bundles: 1, debits: 1 })).toEqual({ bundles: 1, debits: 1 });
		expectFirstResultOrClearError(result, before);
	}, 60_000);

	it('500 on every attempt of the first try (nothing committed), then the next try: one order', async () => {
		const before = ledger();
		arm(POST_BUNDLES, [outage, 5]);
		const result = await run(create({ additionalFields: { title: 'Outage first try' } }), { retryOnFail: RETRY_ON_FAIL });
		expect(spent(before, { bundles: 1, debits: 1 })).toEqual({ bundles: 1, debits: 1 });
		expectOutputIsTheOrder(result, before);
	});

	it('with Continue On Fail: an invalid first row and one valid row, re-run 3 times: one order', async () => {
		const before = ledger();
		const result = await run(create({ country: '={{ $json.country }}', additionalFields: { title: 'Second row' } }), {
			items: [{ country: '' }, { country: 'USA' }],
			continueOnFail: true,
			retryOnFail: RETRY_ON_FAIL,
		});
		expect(spent(before, { bundles: 1, debits: 1 })).toEqual({ bundles: 1, debits: 1 });
		expect(result.items.map((item) => item.json.id ?? 'error')).toEqual(['error', sim.state.bundles.at(-1)?.id]);
	});

	it('with Continue On Fail: an invalid first row and one valid row with a changing Title: one order', async () => {
		const before = ledger();
		const result = await run(create({ country: '={{ $json.country }}', additionalFields: { title: CHANGING_TITLE } }), {
			items: [{ country: '' }, { country: 'USA' }],
			continueOnFail: true,
			retryOnFail: RETRY_ON_FAIL,
		});
		expect(spent(before, { bundles: 1, debits: 1 })).toEqual({ bundles: 1, debits: 1 });
		expect(result.items[0].json.error).toEqual(expect.stringContaining('Country'));
		const second = result.items[1].json;
		expect(second.id === sim.state.bundles.at(-1)?.id || typeof second.error === 'string').toBe(true);
	});

	it('with Continue On Fail: three valid rows after an invalid one, changing Titles: three orders, not nine', async () => {
		const before = ledger();
		await run(create({ country: '={{ $json.country }}', additionalFields: { title: CHANGING_TITLE } }), {
			items: [{ country: '' }, { country: 'USA' }, { country: 'FR' }, { country: 'UK' }],
			continueOnFail: true,
			retryOnFail: RETRY_ON_FAIL,
		});
		expect(spent(before, { bundles: 3, debits: 3 })).toEqual({ bundles: 3, debits: 3 });
	});
});

/**
 * After the first try's order, a later try must return that order (`idempotent_replay: true`), or —
 * if TokPortal refused the reused key because the body changed — fail saying an order already exists.
 */
function expectFirstResultOrClearError(result: NodeRun, before: Ledger): void {
	const ordered = sim.state.bundles.slice(before.bundles).map((bundle) => bundle.id);
	const item = result.items[0]?.json;
	const failure = result.error
		? `${result.error.message} ${result.error.description ?? ''}`
		: typeof item?.error === 'string'
			? `${item.error} ${String(item.description ?? '')}`
			: undefined;
	if (failure === undefined) {
		expect(result.items.map((output) => output.json.id)).toEqual(ordered);
		expect(item?.idempotent_replay).toBe(true);
	} else {
		expect(failure).toMatch(/already/i);
	}
}

describe('whole-workflow re-runs and concurrent executions with the user’s Idempotency Key', () => {
	it('the same workflow run twice with the same key: one order, the second run gets it back', async () => {
		const before = ledger();
		const parameters = create({ additionalFields: { title: 'Row 17' }, options: { idempotencyKey: 'sheet-row-17' } });
		const first = await run(parameters);
		const second = await run(parameters);
		expect(spent(before, { bundles: 1, debits: 1 })).toEqual({ bundles: 1, debits: 1 });
		expect(second.items[0].json).toMatchObject({ id: first.items[0].json.id, idempotent_replay: true });
	});

	it('re-run with the same key but a Title that changed: no second order, a clear error', async () => {
		const before = ledger();
		const parameters = create({ additionalFields: { title: CHANGING_TITLE }, options: { idempotencyKey: 'sheet-row-18' } });
		await run(parameters);
		const second = await run(parameters, { continueOnFail: true });
		expect(spent(before, { bundles: 1, debits: 1 })).toEqual({ bundles: 1, debits: 1 });
		expect(`${second.items[0].json.error} ${second.items[0].json.description}`).toMatch(/Idempotency Key.*already|already.*Idempotency Key/is);
	});

	it('four executions at once with the same key (slow TokPortal): one order', async () => {
		const before = ledger();
		sim.setLatency(150);
		const parameters = create({ additionalFields: { title: 'Concurrent row' }, options: { idempotencyKey: 'sheet-row-19' } });
		const runs = await Promise.all([1, 2, 3, 4].map(() => run(parameters, { continueOnFail: true })));
		sim.setLatency(0);
		expect(spent(before, { bundles: 1, debits: 1 })).toEqual({ bundles: 1, debits: 1 });
		const order = sim.state.bundles.at(-1)?.id;
		for (const { items } of runs) expect(items[0].json.id === order || typeof items[0].json.error === 'string').toBe(true);
	});

	it('three executions at once without a key, two rows each: exactly one order per row (no cross-talk)', async () => {
		const before = ledger();
		sim.setLatency(50);
		const parameters = create({ additionalFields: { title: '={{ $json.title }}' } });
		const runs = await Promise.all(
			['A', 'B', 'C'].map((execution) => run(parameters, { items: [{ title: `${execution}1` }, { title: `${execution}2` }] })),
		);
		sim.setLatency(0);
		expect(spent(before, { bundles: 6, debits: 6 })).toEqual({ bundles: 6, debits: 6 });
		expect(runs.flatMap(({ items }) => items.map((item) => item.json.title)).sort()).toEqual(['A1', 'A2', 'B1', 'B2', 'C1', 'C2']);
	});
});

describe('Create Bulk, Publish and Update under faults', () => {
	const bulk = (extra: INodeParameters = {}): INodeParameters => ({
		resource: 'bundle',
		operation: 'createBulk',
		platforms: ['tiktok', 'instagram'],
		country: 'USA',
		accountsCount: 2,
		...extra,
	});
	const POST_BULK: FaultMatch = { method: 'POST', path: '/bundles/bulk' };

	it('Create Bulk, answer lost after commit: one batch of 4 bundles, one debit', async () => {
		const before = ledger();
		arm(POST_BULK, [lost, 1]);
		const result = await run(bulk({ additionalFields: { externalRef: 'bulk-lost-once' } }));
		expect(spent(before, { bundles: 4, debits: 1 })).toEqual({ bundles: 4, debits: 1 });
		expect(result.items).toHaveLength(4);
	});

	it('Create Bulk, answer lost then 500s, Retry On Fail: one batch', async () => {
		const before = ledger();
		arm(POST_BULK, [lost, 1], [outage, 4]);
		const result = await run(bulk({ additionalFields: { externalRef: 'bulk-outage' } }), { retryOnFail: RETRY_ON_FAIL });
		expect(spent(before, { bundles: 4, debits: 1 })).toEqual({ bundles: 4, debits: 1 });
		expect(result.items).toHaveLength(4);
	});

	it('Create Bulk, every answer of the first try lost, External Reference changing between tries: one batch', async () => {
		const before = ledger();
		arm(POST_BULK, [lost, 5]);
		await run(bulk({ additionalFields: { externalRef: "={{ 'batch-' + $now.toMillis() }}" } }), { retryOnFail: RETRY_ON_FAIL });
		expect(spent(before, { bundles: 4, debits: 1 })).toEqual({ bundles: 4, debits: 1 });
	});

	async function configuredBundle(): Promise<string> {
		const id = await newBundle(sim);
		await configureViaApi(sim, id);
		return id;
	}

	const publishes = (bundleId: string) =>
		sim.state.events.filter((event) => event.type === 'bundle.published' && event.data.bundle_id === bundleId).length;

	it('Publish, answer lost after commit: published once, the result (not "already published") returned', async () => {
		const bundleId = await configuredBundle();
		const before = ledger();
		arm({ method: 'POST', path: `/bundles/${bundleId}/publish` }, [lost, 1]);
		const result = await run({ resource: 'bundle', operation: 'publish', bundleId: byId(bundleId) });
		expect(spent(before, { bundles: 0, debits: 0 })).toEqual({ bundles: 0, debits: 0 });
		expect(publishes(bundleId)).toBe(1);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ idempotent_replay: true });
	});

	it('Publish, answer lost then 500s until the node fails, Retry On Fail: published once, no error', async () => {
		const bundleId = await configuredBundle();
		const before = ledger();
		arm({ method: 'POST', path: `/bundles/${bundleId}/publish` }, [lost, 1], [outage, 4]);
		const result = await run({ resource: 'bundle', operation: 'publish', bundleId: byId(bundleId) }, { retryOnFail: RETRY_ON_FAIL });
		expect(spent(before, { bundles: 0, debits: 0 })).toEqual({ bundles: 0, debits: 0 });
		expect(publishes(bundleId)).toBe(1);
		expect(result.error).toBeUndefined();
	});

	it('Update, answer lost after commit: applied once, the result returned', async () => {
		const bundleId = await configuredBundle();
		const before = ledger();
		arm({ method: 'PATCH', path: `/bundles/${bundleId}` }, [lost, 1]);
		const result = await run({ resource: 'bundle', operation: 'update', bundleId: byId(bundleId), updateFields: { title: 'Renamed once' } });
		expect(spent(before, { bundles: 0, debits: 0 })).toEqual({ bundles: 0, debits: 0 });
		expect(result.items[0].json).toMatchObject({ id: bundleId, title: 'Renamed once' });
		expect(sim.requests.filter((request) => request.method === 'PATCH')).toHaveLength(2);
	});
});

describe('secret-returning calls: never retried, never sent twice', () => {
	const REVEAL: FaultMatch = { method: 'POST', path: /\/reveal-credentials$/ };
	const CODE: FaultMatch = { method: 'POST', path: /\/verification-code$/ };

	/** A post-cutoff account: the reveal is quoted (428), then accepted with a 150-credit charge. */
	function postCutoffAccount(): string {
		const [account] = sim.seedAccounts(1, { platform: 'tiktok' });
		account.post_cutoff = true;
		return account.id;
	}

	/** `fault` on the second reveal call of the account (the paid acceptance); the first (the quote) passes untouched. */
	function onAcceptance(accountId: string, fault: Fault): void {
		const match = { method: 'POST', path: `/accounts/${accountId}/reveal-credentials` };
		sim.faults.inject(match, { type: 'latency', ms: 0 }, 1);
		sim.faults.inject(match, fault, 1);
	}

	/** How many times each distinct secret call (path + body) was sent beyond the first: recorded and returned. */
	function sentTwice(match: RegExp): number {
		const counts = new Map<string, number>();
		for (const request of sim.requests.filter((candidate) => candidate.method === 'POST' && match.test(candidate.path))) {
			const call = `${request.path} ${JSON.stringify(request.body ?? null)}`;
			counts.set(call, (counts.get(call) ?? 0) + 1);
		}
		const extra = [...counts.values()].reduce((sum, count) => sum + count - 1, 0);
		figures.add('secretCallsSentTwice', extra);
		return extra;
	}

	const reveal = (accountId: string): INodeParameters => ({
		resource: 'deliveredAccount',
		operation: 'revealCredentials',
		accountId: byId(accountId),
		acknowledgeSupportEnds: true,
		maxCreditsToAccept: 150,
	});

	it('Reveal Credentials with a 502: sent once, not retried, nothing charged', async () => {
		const accountId = postCutoffAccount();
		const before = ledger();
		arm(REVEAL, [{ type: 'status', status: 502 }, 5]);
		const result = await run(reveal(accountId));
		expect(spent(before, { bundles: 0, debits: 0 })).toEqual({ bundles: 0, debits: 0 });
		expect(result.error).toBeDefined();
		expect(sentTwice(/\/reveal-credentials$/)).toBe(0);
		expect(sim.requests).toHaveLength(1);
	});

	it('Reveal Credentials, the paid acceptance lost after commit: charged once', async () => {
		const accountId = postCutoffAccount();
		const before = ledger();
		// The first call is quoted (428); the second, accepting 150 credits, is committed and its answer lost.
		onAcceptance(accountId, lost);
		const result = await run(reveal(accountId));
		expect(spent(before, { bundles: 0, debits: 1 })).toEqual({ bundles: 0, debits: 1 });
		expect(result.error).toBeDefined();
		expect(sentTwice(/\/reveal-credentials$/)).toBe(0);
	});

	it('Reveal Credentials with Retry On Fail, the acceptance answered 500: no call sent twice', async () => {
		const accountId = postCutoffAccount();
		const before = ledger();
		onAcceptance(accountId, outage);
		await run(reveal(accountId), { retryOnFail: RETRY_ON_FAIL });
		expect(spent(before, { bundles: 0, debits: 1 }).debits).toBeLessThanOrEqual(1);
		expect(sentTwice(/\/reveal-credentials$/)).toBe(0);
	});

	it('Reveal Credentials with Retry On Fail, the acceptance lost after commit: charged once, no call sent twice', async () => {
		const accountId = postCutoffAccount();
		const before = ledger();
		onAcceptance(accountId, lost);
		await run(reveal(accountId), { retryOnFail: RETRY_ON_FAIL });
		expect(spent(before, { bundles: 0, debits: 1 })).toEqual({ bundles: 0, debits: 1 });
		expect(sentTwice(/\/reveal-credentials$/)).toBe(0);
	});

	it('Get Verification Code with Retry On Fail, the answer lost after commit: not sent twice', async () => {
		const [account] = sim.seedAccounts(1, { platform: 'instagram' });
		account.post_cutoff = false;
		sim.operator.deliverVerificationCode(account.id, '654321');
		const before = ledger();
		arm(CODE, [lost, 1]);
		await run(
			{ resource: 'deliveredAccount', operation: 'getVerificationCode', accountId: byId(account.id), acknowledgeSupportEnds: true, waitForCode: false },
			{ retryOnFail: RETRY_ON_FAIL },
		);
		expect(spent(before, { bundles: 0, debits: 0 })).toEqual({ bundles: 0, debits: 0 });
		expect(sentTwice(/\/verification-code$/)).toBe(0);
	});

	it('Get Verification Code with a 503 and Retry-After: sent once, never retried by the node itself', async () => {
		const [account] = sim.seedAccounts(1, { platform: 'instagram' });
		account.post_cutoff = false;
		sim.operator.deliverVerificationCode(account.id, '111222');
		const before = ledger();
		arm(CODE, [{ type: 'status', status: 503, retryAfterSeconds: 1 }, 5]);
		const result = await run({
			resource: 'deliveredAccount',
			operation: 'getVerificationCode',
			accountId: byId(account.id),
			acknowledgeSupportEnds: true,
			waitForCode: false,
		});
		expect(spent(before, { bundles: 0, debits: 0 })).toEqual({ bundles: 0, debits: 0 });
		expect(result.error).toBeDefined();
		expect(sim.requests).toHaveLength(1);
		expect(sentTwice(/\/verification-code$/)).toBe(0);
	});
});
