// The agency onboarding example (paid: 32 credits per account) in n8n queue mode: "Execute workflow"
// on main puts the run on the queue and the worker runs every TokPortal node; TokPortal's idempotency
// keys keep a second run from ordering or charging again, exactly as with one n8n process. Then the
// worker dies in the middle of the paid run (SIGKILL while TokPortal is still answering the first
// order) and comes back: what n8n does with the interrupted execution, and that re-running the
// workflow — the user's way to finish the job — orders and charges each client once.
// n8n 2.40.7 never hands the interrupted execution to a worker again: the restarted worker's
// event-log recovery marks it crashed, then the enqueuing process marks it failed when Bull reports
// the job stalled.
import { toRunResult } from '../../scripts/n8n/client';
import type { Credential, RunResult } from '../../scripts/n8n/types';
import { ensureTokPortalCredential, importExamples } from '../../scripts/n8n/workspace';
import { startSimulator, type Bundle, type Simulator } from '../simulator';
import { missingBuild, testUnless } from './helpers/conditions';
import { QUEUE_START_TIMEOUT_MS, startQueueStack, type E2eQueue } from './helpers/queue';

const skipReason = missingBuild('dist/nodes/TokPortal/TokPortal.node.js');
const whenReady = testUnless(skipReason);

const CREDENTIAL_NAME = 'TokPortal account';
const TRIGGER = 'Run onboarding';
const ACCOUNT_PRICE = 32;
const CLIENTS = [
	{ ref: 'acme-spring-2026', key: 'onb-1001', username: 'acme_us' },
	{ ref: 'northwind-launch', key: 'onb-1002', username: 'northwind.uk' },
	{ ref: 'initech-always-on', key: 'onb-1003', username: 'initech.fr' },
];

let queue: E2eQueue | undefined;
const simulators: Simulator[] = [];
let workflowId: string;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntil(what: string, done: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await done())) {
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
		await sleep(250);
	}
}

/** A TokPortal of its own (fresh wallet), with the "TokPortal account" credential pointed at it. */
async function useNewTokPortal(): Promise<{ simulator: Simulator; credential: Credential }> {
	const simulator = await startSimulator({ rateLimit: false });
	simulators.push(simulator);
	const { credential } = await ensureTokPortalCredential(queue!.stack.main.client, CREDENTIAL_NAME, {
		apiKey: simulator.apiKey,
		baseUrl: simulator.baseUrl,
	});
	return { simulator, credential };
}

beforeAll(async () => {
	if (skipReason) return;
	queue = await startQueueStack('queue-onboarding');
	const { credential } = await useNewTokPortal();
	const imported = await importExamples(queue.stack.main.client, credential);
	workflowId = imported.find((example) => example.file === 'agency-onboarding.json')!.id;
}, QUEUE_START_TIMEOUT_MS);

afterAll(async () => {
	await Promise.all([queue?.stop(), ...simulators.map((s) => s.close())]);
});

async function run(): Promise<RunResult> {
	const { client } = queue!.stack.main;
	const executionId = await client.startManualRun(workflowId, TRIGGER);
	return toRunResult(await client.waitForExecution(executionId, { timeoutMs: 120_000 }));
}

function bundlesOf(simulator: Simulator, ref: string): Bundle[] {
	return simulator.state.bundles.filter((bundle) => bundle.external_ref === ref);
}

/** Every client ordered, configured and published exactly once; one debit per order. */
function expectEachClientOrderedOnce(simulator: Simulator): void {
	for (const client of CLIENTS) {
		const bundles = bundlesOf(simulator, client.ref);
		expect({ ref: client.ref, bundles: bundles.length }).toEqual({ ref: client.ref, bundles: 1 });
		expect(bundles[0]).toMatchObject({ status: 'published', account: { status: 'published', username: client.username } });
	}
	expect(simulator.state.credits).toBe(10_000 - CLIENTS.length * ACCOUNT_PRICE);
	const debits = simulator.state.ledger.filter((entry) => entry.type === 'debit');
	expect(debits).toHaveLength(CLIENTS.length);
}

whenReady('queue mode: the agency onboarding example runs on the worker (not on main); a second run orders and charges nothing', async () => {
	const simulator = simulators[0]!;
	const first = await run();
	expect(first.error).toBeUndefined();
	expect(first.status).toBe('success');
	expect(queue!.ranBy(first.executionId)).toEqual(['worker-1']);
	expect(queue!.enqueuedByMain(first.executionId)).toBe(true);
	// n8n logs this when it runs an execution in its own process (regular mode).
	expect(queue!.stack.main.readLog()).not.toContain(`was assigned id ${first.executionId}`);
	expectEachClientOrderedOnce(simulator);
	const orders = simulator.requests.filter((r) => r.method === 'POST' && r.path === '/bundles');
	expect(orders.map((r) => r.headers['idempotency-key'])).toEqual(CLIENTS.map((c) => `bundle.create:${c.key}`));
	expect(first.nodes['Quote bulk order']!.json[0]!.batch).toMatchObject({ dry_run: true, credits_charged: 0 });

	simulator.clearRequests();
	const second = await run();
	expect(second.status).toBe('success');
	expect(queue!.ranBy(second.executionId)).toEqual(['worker-1']);
	expect(second.nodes['Create bundle']!.json.map((item) => item.idempotent_replay)).toEqual([true, true, true]);
	expect(second.nodes.Publish).toBeUndefined();
	expectEachClientOrderedOnce(simulator);
	// Every package was loaded by the process that needed it: no "Unrecognized node type" anywhere.
	for (const proc of queue!.stack.processes()) expect({ proc: proc.name, problems: proc.readLog().match(/Unrecognized node type.*/g) }).toEqual({ proc: proc.name, problems: null });
}, 300_000);

whenReady('queue mode: a worker killed in the middle of a paid run and restarted — n8n never re-runs it (crashed, then failed); the re-run orders and charges each client once', async () => {
	const { stack } = queue!;
	const { client } = stack.main;
	const [worker] = stack.workers;
	const { simulator } = await useNewTokPortal();
	// TokPortal takes 8 s to answer the first order: the worker dies while it waits.
	simulator.faults.inject({ method: 'POST', path: '/bundles' }, { type: 'latency', ms: 8000 }, 1);
	const executionId = await client.startManualRun(workflowId, TRIGGER);
	await waitUntil('the worker sent the first order', () => simulator.requests.some((r) => r.method === 'POST' && r.path === '/bundles'), 60_000);
	await worker!.kill();
	const killedAt = Date.now();

	// TokPortal finishes what it received: that order exists and is paid for, once.
	await waitUntil('TokPortal committed the first order', () => simulator.state.bundles.length >= 1, 20_000);
	await sleep(1000);
	const ordered = simulator.state.bundles.length;
	expect(simulator.state.credits).toBe(10_000 - ordered * ACCOUNT_PRICE);
	expect((await client.getExecution(executionId)).status).toBe('running'); // nobody told n8n yet

	// The restarted worker finds the execution unfinished in its event log and marks it crashed.
	await worker!.start();
	const recovered = await queue!.waitForStatus(executionId, ['crashed', 'error', 'success', 'canceled'], 240_000);
	const recoveredAfter = (Date.now() - killedAt) / 1000;
	expect(recovered.status).toBe('crashed');
	expect(worker!.readLog()).toMatch(new RegExp(`Found unfinished executions: ${executionId}\\b`));
	// Then Bull notices the job's lock expired (60 s) and, with n8n's maxStalledCount of 0, fails the
	// job instead of handing it to a worker again; main, which enqueued it, records the failure.
	const failed = await queue!.waitForStatus(executionId, ['error'], 240_000);
	process.stderr.write(
		`[e2e] killed worker's execution ${executionId}: crashed ${recoveredAfter.toFixed(0)}s after the kill, error ${((Date.now() - killedAt) / 1000).toFixed(0)}s after\n`,
	);
	expect((await client.getExecution(failed.id)).data.resultData.error?.message).toMatch(/failed to be processed too many times and will no longer retry/);
	// Never run again: one "started", before the kill.
	const starts = worker!.readLog().match(new RegExp(`Worker started execution ${executionId} \\(job`, 'g')) ?? [];
	expect(starts).toHaveLength(1);
	expect(simulator.state.bundles).toHaveLength(ordered);

	// The user's move: run the workflow again. The order TokPortal already has is replayed, not re-bought.
	const rerun = await run();
	expect(rerun.status).toBe('success');
	expect(queue!.ranBy(rerun.executionId)).toEqual(['worker-1']);
	const replays = rerun.nodes['Create bundle']!.json.map((item) => item.idempotent_replay === true);
	expect(replays.filter(Boolean)).toHaveLength(ordered);
	expectEachClientOrderedOnce(simulator);
	const orders = simulator.requests.filter((r) => r.method === 'POST' && r.path === '/bundles');
	expect(new Set(orders.map((r) => r.headers['idempotency-key']))).toEqual(new Set(CLIENTS.map((c) => `bundle.create:${c.key}`)));
}, 600_000);
