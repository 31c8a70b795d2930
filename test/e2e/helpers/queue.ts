// One n8n queue-mode stack per test file (PostgreSQL, Redis, main, worker, 2 webhook processors,
// reverse proxy): start it in beforeAll, stop it in afterAll.
//
//   let queue: E2eQueue;
//   beforeAll(async () => { queue = await startQueueStack('queue-feature'); }, QUEUE_START_TIMEOUT_MS);
//   afterAll(async () => { await queue?.stop(); });
//
// Its data lives under the cache folder (not the e2e run folder, which is private to root while the
// PostgreSQL server runs as the postgres user; see postgres.ts for a cache folder in a private tree).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cacheDir } from '../../../scripts/n8n/paths';
import { removeCluster } from '../../../scripts/n8n/postgres';
import { QueueStack, type QueueStackOptions } from '../../../scripts/n8n/queue-stack';
import type { ExecutionSummary } from '../../../scripts/n8n/types';

/** apt-get (first run on a fresh machine) + migrations of a fresh database + four n8n processes. */
export const QUEUE_START_TIMEOUT_MS = 600_000;

export interface E2eQueue {
	stack: QueueStack;
	/** Names of the n8n processes whose log says they ran the execution ("Worker started execution N"). */
	ranBy(executionId: string): string[];
	/** True when main put the execution on the queue ("Enqueued execution N"). */
	enqueuedByMain(executionId: string): boolean;
	/** Waits until the execution reaches one of the statuses; returns its summary. */
	waitForStatus(executionId: string, statuses: string[], timeoutMs?: number): Promise<ExecutionSummary>;
	stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Logs of every process of the last run per test file, kept after the stack folder is removed. */
function keepLogs(label: string, stack: QueueStack): void {
	const dir = path.join(cacheDir(), 'e2e-logs');
	fs.mkdirSync(dir, { recursive: true });
	for (const proc of stack.processes()) fs.writeFileSync(path.join(dir, `${label}-${proc.name}.log`), proc.readLog());
}

/** The stack folder and the PostgreSQL cluster, wherever it had to live. */
function removeStackFolder(dir: string): void {
	removeCluster(path.join(dir, 'postgres'));
	fs.rmSync(dir, { recursive: true, force: true });
}

function groupAlive(pidFile: string): boolean {
	try {
		process.kill(-Number(fs.readFileSync(pidFile, 'utf8')), 0);
		return true;
	} catch {
		return false;
	}
}

/**
 * Stack folders of runs that were killed before their afterAll (the supervisors' watchdogs stopped
 * the processes; the data stays): removed once no process of theirs is alive and they are not brand
 * new (another e2e run on this machine may be starting one).
 */
function removeAbandoned(root: string): void {
	for (const entry of fs.readdirSync(root)) {
		const dir = path.join(root, entry);
		if (Date.now() - fs.statSync(dir).mtimeMs < 15 * 60_000) continue;
		const pidFiles = fs.readdirSync(dir).flatMap((sub) =>
			['n8n.pid', 'postgres.pid', 'redis.pid'].map((name) => path.join(dir, sub, name)).filter((file) => fs.existsSync(file)),
		);
		if (!pidFiles.some(groupAlive)) removeStackFolder(dir);
	}
}

export async function startQueueStack(label: string, options: Partial<QueueStackOptions> = {}): Promise<E2eQueue> {
	const root = path.join(cacheDir(), 'e2e-queue');
	fs.mkdirSync(root, { recursive: true });
	removeAbandoned(root);
	const dir = fs.mkdtempSync(path.join(root, `${label}-`));
	fs.chmodSync(dir, 0o755); // so the postgres user can keep its cluster in postgres/ inside it
	const started = Date.now();
	let stack: QueueStack;
	try {
		stack = await QueueStack.start({ dir, ephemeral: true, ...options });
	} catch (error) {
		removeStackFolder(dir);
		throw error;
	}
	process.stderr.write(`[e2e] ${label}: queue-mode stack up in ${((Date.now() - started) / 1000).toFixed(1)}s ${JSON.stringify(stack.timings)}\n`);

	const logOf = (name: string) => stack.processes().find((p) => p.name === name)?.readLog() ?? '';
	return {
		stack,
		ranBy: (executionId) =>
			stack
				.processes()
				.filter((p) => p.readLog().includes(`Worker started execution ${executionId} (job`))
				.map((p) => p.name),
		enqueuedByMain: (executionId) => new RegExp(`Enqueued execution ${executionId} \\(job`).test(logOf('main')),
		waitForStatus: async (executionId, statuses, timeoutMs = 120_000) => {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const execution = await stack.main.client.getExecution(executionId);
				if (statuses.includes(execution.status)) return execution;
				if (Date.now() > deadline) throw new Error(`execution ${executionId} is ${execution.status}, not ${statuses.join('|')}, after ${timeoutMs} ms`);
				await sleep(500);
			}
		},
		stop: async () => {
			await stack.stop();
			keepLogs(label, stack);
			if (!process.env.TOKPORTAL_E2E_KEEP) removeStackFolder(dir);
			else process.stderr.write(`[e2e] kept the ${label} stack folder: ${dir}\n`);
		},
	};
}
