// Child processes of the benchmark: servers that print `listening <port>`, and measurement runs
// that print one JSON line. Each runs on Node 24 with tsx, like the benchmark itself.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import { freePort } from '../n8n/ports';

const HERE = __dirname;

/** Children still running: a benchmark that fails half-way must not leave servers behind. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
	for (const child of running) child.kill();
});

function spawnTsx(script: string, args: string[], stdout: 'pipe' | 'ignore'): ChildProcess {
	const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', script, ...args], {
		stdio: ['ignore', stdout, 'inherit'],
	});
	running.add(child);
	child.once('exit', () => running.delete(child));
	return child;
}

export interface Server {
	url: string;
	stop(): void;
}

/** The static paging server (scripts/bench/pagingServer.ts) with `accounts` accounts. */
export async function startPagingServer(accounts: number, latencyMs: number): Promise<Server> {
	const child = spawnTsx(join(HERE, 'pagingServer.ts'), ['--accounts', String(accounts), '--latency', String(latencyMs)], 'pipe');
	for await (const line of createInterface({ input: child.stdout! })) {
		const port = /^listening (\d+)$/.exec(line)?.[1];
		if (port) return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
	}
	throw new Error('The paging server did not start');
}

/** The TokPortal simulator (test/simulator/cli.ts), with TokPortal's rate limit or without. */
export async function startSimulatorProcess(accounts: number, latencyMs: number, rateLimit: boolean): Promise<Server> {
	const port = await freePort();
	const flags = ['--port', String(port), '--no-demo', '--accounts', String(accounts), '--latency', String(latencyMs), '--quiet'];
	if (!rateLimit) flags.push('--no-rate-limit');
	const child = spawnTsx(join(HERE, '..', '..', 'test', 'simulator', 'cli.ts'), flags, 'ignore');
	const url = `http://127.0.0.1:${port}`;
	for (let attempt = 0; attempt < 600; attempt++) {
		try {
			if ((await fetch(`${url}/_sim/state`)).ok) return { url, stop: () => child.kill() };
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	child.kill();
	throw new Error('The simulator did not start');
}

/** Runs `script` to its end and returns the JSON object it printed last. */
export async function runJsonChild<T>(script: string, args: string[]): Promise<T> {
	const child = spawnTsx(join(HERE, script), args, 'pipe');
	let last = '';
	for await (const line of createInterface({ input: child.stdout! })) if (line.trim() !== '') last = line;
	const code = await new Promise<number | null>((resolve) => {
		if (child.exitCode !== null) resolve(child.exitCode);
		else child.once('exit', resolve);
	});
	if (code !== 0) throw new Error(`${script} ${args.join(' ')} exited with ${code}`);
	return JSON.parse(last) as T;
}

export interface LoggedRequest {
	status: number;
	path: string;
}

/** The /accounts requests a server (simulator or paging server) has answered since its log was cleared. */
export async function accountRequests(server: Server): Promise<LoggedRequest[]> {
	const response = (await (await fetch(`${server.url}/_sim/requests`)).json()) as { data: LoggedRequest[] };
	return response.data.filter((request) => request.path === '/accounts');
}

export async function clearRequests(server: Server): Promise<void> {
	await fetch(`${server.url}/_sim/requests`, { method: 'DELETE' });
}
