// Issue #9 defect 2: one long Retry-After must not freeze the credential; defect 8: a timeout on an
// irreversible call must not claim that nothing happened.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

import { runTokPortalNode } from '../harness';
import { byId, newBundle } from '../node/accountFixtures';
import type { Fault, Simulator } from '../simulator';
import { startSimulator } from '../simulator';
import { figureBook } from './support/figures';

const figures = figureBook('rateLimit', 'rateLimit');

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false, seed: { accounts: 10 } });
});
afterAll(async () => await sim.close());

/** Finished "at once": within seconds of the child's start (even on a loaded machine), nowhere near a minute, let alone an hour. */
const PROMPTLY_MS = 15_000;

interface Finished {
	execution: 'A' | 'B';
	ms: number;
	error?: string;
	description?: string;
}

/** Runs the two executions of twoExecutions.ts for `windowMs`, then kills the process: what finished by then. */
async function twoExecutions(bundleId: string, windowMs: number): Promise<Finished[]> {
	const finished: Finished[] = [];
	const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'rateLimit', 'twoExecutions.ts')], {
		cwd: resolve(__dirname, '../..'),
		env: { ...process.env, TOKPORTAL_BASE_URL: sim.baseUrl, TOKPORTAL_API_KEY: sim.apiKey, BUNDLE_ID: bundleId, N8N_LOG_LEVEL: 'silent' },
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	let buffered = '';
	child.stdout.setEncoding('utf8');
	child.stdout.on('data', (chunk: string) => {
		buffered += chunk;
		const lines = buffered.split('\n');
		buffered = lines.pop() ?? '';
		for (const line of lines) if (line.startsWith('{')) finished.push(JSON.parse(line) as Finished);
	});
	const deadline = Date.now() + windowMs;
	while (finished.length < 2 && Date.now() < deadline) await new Promise((done) => setTimeout(done, 50));
	child.kill('SIGKILL');
	return finished;
}

describe('a 429 asking to wait one second (the control)', () => {
	it('is waited out: both executions finish, the first with its bundle', async () => {
		const bundleId = await newBundle(sim);
		sim.faults.inject({ method: 'GET', path: `/bundles/${bundleId}` }, { type: 'status', status: 429, retryAfterSeconds: 1 }, 1);
		const finished = await twoExecutions(bundleId, 30_000);
		sim.faults.clear();
		figures.add('scenarios');
		expect(finished.map((run) => [run.execution, run.error])).toEqual(
			expect.arrayContaining([
				['A', undefined],
				['B', undefined],
			]),
		);
		expect(finished.find((run) => run.execution === 'A')?.ms).toBeGreaterThanOrEqual(1_000);
	}, 45_000);
});

describe('a 429 asking to wait an hour (Retry-After: 3600)', () => {
	let finished: Finished[] = [];

	beforeAll(async () => {
		const bundleId = await newBundle(sim);
		sim.faults.inject({ method: 'GET', path: `/bundles/${bundleId}` }, { type: 'status', status: 429, retryAfterSeconds: 3600 }, 20);
		finished = await twoExecutions(bundleId, 30_000);
		sim.faults.clear();
		figures.add('scenarios', 2);
		if (!finished.some((run) => run.execution === 'B' && run.ms < PROMPTLY_MS)) figures.add('frozenExecutions');
	}, 45_000);

	it('does not freeze another execution on another endpoint of the same credential', () => {
		const other = finished.find((run) => run.execution === 'B');
		expect(other).toBeDefined();
		expect(other?.error).toBeUndefined();
		expect(other?.ms).toBeLessThan(PROMPTLY_MS);
	});

	it('fails the item at once, saying how long TokPortal asked to wait and when to retry', () => {
		const limited = finished.find((run) => run.execution === 'A');
		const text = `${limited?.error ?? ''} ${limited?.description ?? ''}`;
		if (!limited || !/3600|60 minutes|1 hour/i.test(text) || !/\d{1,2}:\d{2}/.test(text)) figures.add('unclearWaitMessages');
		expect(limited?.ms).toBeLessThan(PROMPTLY_MS);
		expect(text).toMatch(/3600 s|3600 seconds|60 minutes|1 hour/i);
		expect(text).toMatch(/\d{1,2}:\d{2}/);
	});
});

describe('an irreversible call whose outcome is unknown', () => {
	/** A pre-cutoff delivered account: the first reveal ends support, free of charge. */
	function account(): string {
		const [created] = sim.seedAccounts(1, { platform: 'tiktok' });
		created.post_cutoff = false;
		sim.operator.deliverVerificationCode(created.id, '246810');
		return created.id;
	}

	async function failureText(operation: string, fault: Fault): Promise<{ text: string; forfeited: boolean }> {
		const accountId = account();
		sim.faults.inject({ method: 'POST', path: new RegExp(`^/accounts/${accountId}/`) }, fault, 5);
		const run = await runTokPortalNode(sim, {
			parameters: { resource: 'deliveredAccount', operation, accountId: byId(accountId), acknowledgeSupportEnds: true, waitForCode: false },
			requestTimeoutMs: 1_000,
		});
		sim.faults.clear();
		const text = `${run.error?.message ?? ''} ${run.error?.description ?? ''}`;
		figures.add('scenarios');
		const forfeited = sim.state.accounts.find((candidate) => candidate.id === accountId)?.support_forfeited_at !== null;
		if (forfeited && (/before TokPortal answered/i.test(text) || !/may have/i.test(text))) figures.add('irreversibleTimeoutsReportedAsNotSent');
		return { text, forfeited };
	}

	const cases: Array<[string, string, Fault]> = [
		['Reveal Credentials timed out after TokPortal committed it', 'revealCredentials', { type: 'hang', afterCommit: true }],
		['Reveal Credentials lost its answer after TokPortal committed it', 'revealCredentials', { type: 'dropAfterCommit' }],
		['Get Verification Code timed out after TokPortal committed it', 'getVerificationCode', { type: 'hang', afterCommit: true }],
	];
	for (const [name, operation, fault] of cases) {
		it(`${name}: the error says TokPortal may have completed it and what to check`, async () => {
			const { text, forfeited } = await failureText(operation, fault);
			expect(forfeited).toBe(true);
			expect(text).not.toMatch(/before TokPortal answered/i);
			expect(text).toMatch(/may have/i);
			expect(text).toMatch(/check/i);
		});
	}
});
