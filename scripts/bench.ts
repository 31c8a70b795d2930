// `npm run bench [-- --quick] [--latency 50]`: Return All of delivered accounts through n8n-core's engine,
// our TokPortal node vs n8n's HTTP Request node (v4.2, page/per_page=100 pagination configured as a
// user would), against the simulator in a child process (so its memory is not counted here), with
// injected latency, without and with TokPortal's rate limit (120 burst + 2/s).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

import type { IDataObject, INodeType, IVersionedNodeType } from 'n8n-workflow';

import { chain, runWorkflow } from '../test/harness';
import { DEFAULT_API_KEY } from '../test/simulator';

interface Scenario {
	accounts: number;
	rateLimit: boolean;
}

interface Measurement {
	node: string;
	accounts: number;
	rateLimit: boolean;
	items: number;
	requests: number;
	minRequests: number;
	rateLimited: number;
	seconds: number;
	peakHeapMb: number;
	error?: string;
}

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const latencyIndex = args.indexOf('--latency');
const latencyMs = latencyIndex >= 0 ? Number(args[latencyIndex + 1]) : 50;

async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

async function startSimulatorProcess(scenario: Scenario): Promise<{ url: string; child: ChildProcess }> {
	const port = await freePort();
	const cli = join(__dirname, '..', 'test', 'simulator', 'cli.ts');
	const flags = ['--port', String(port), '--no-demo', '--accounts', String(scenario.accounts), '--latency', String(latencyMs), '--quiet'];
	if (!scenario.rateLimit) flags.push('--no-rate-limit');
	const child = spawn(process.execPath, ['--import', 'tsx', cli, ...flags], { stdio: ['ignore', 'ignore', 'inherit'] });
	const url = `http://127.0.0.1:${port}`;
	for (let attempt = 0; attempt < 600; attempt++) {
		try {
			if ((await fetch(`${url}/_sim/state`)).ok) return { url, child };
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	child.kill();
	throw new Error('The simulator did not start');
}

interface LoggedRequest {
	status: number;
	path: string;
}

async function simulatorRequests(url: string): Promise<LoggedRequest[]> {
	const response = (await (await fetch(`${url}/_sim/requests`)).json()) as { data: LoggedRequest[] };
	return response.data.filter((request) => request.path === '/accounts');
}

function httpRequestNode(): INodeType | IVersionedNodeType {
	const { HttpRequest } = require('n8n-nodes-base/dist/nodes/HttpRequest/HttpRequest.node') as {
		HttpRequest: new () => IVersionedNodeType;
	};
	return new HttpRequest();
}

function workflowFor(node: 'tokportal' | 'httpRequest', url: string) {
	const list =
		node === 'tokportal'
			? {
					name: 'List',
					type: 'n8n-nodes-tokportal.tokPortal',
					parameters: { resource: 'deliveredAccount', operation: 'getMany', returnAll: true },
					credentials: { tokPortalApi: { id: '1', name: 'TokPortal account' } },
				}
			: {
					name: 'List',
					type: 'n8n-nodes-base.httpRequest',
					typeVersion: 4.2,
					parameters: {
						url: `${url}/api/ext/accounts`,
						sendQuery: true,
						queryParameters: { parameters: [{ name: 'per_page', value: '100' }] },
						sendHeaders: true,
						headerParameters: { parameters: [{ name: 'X-API-Key', value: DEFAULT_API_KEY }] },
						options: {
							pagination: {
								pagination: {
									paginationMode: 'updateAParameterInEachRequest',
									parameters: { parameters: [{ type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' }] },
									paginationCompleteWhen: 'other',
									completeExpression:
										'={{ $response.body.pagination.page >= $response.body.pagination.total_pages }}',
								},
							},
						},
					},
				};
	return {
		nodes: [{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', parameters: {} }, list],
		connections: chain('Start', 'List'),
		nodeTypes: { 'n8n-nodes-base.httpRequest': httpRequestNode },
	};
}

async function measure(node: 'tokportal' | 'httpRequest', scenario: Scenario): Promise<Measurement> {
	const { url, child } = await startSimulatorProcess(scenario);
	try {
		global.gc?.();
		const baseline = process.memoryUsage().heapUsed;
		let peak = baseline;
		const sampler = setInterval(() => {
			peak = Math.max(peak, process.memoryUsage().heapUsed);
		}, 10);
		const started = performance.now();
		const result = await runWorkflow(workflowFor(node, url), {
			credentials: { tokPortalApi: { apiKey: DEFAULT_API_KEY, baseUrl: `${url}/api/ext` } },
		});
		const seconds = (performance.now() - started) / 1000;
		clearInterval(sampler);
		peak = Math.max(peak, process.memoryUsage().heapUsed);

		const error = result.nodeError('List');
		const output = error ? [] : result.output('List');
		// The HTTP Request node returns one item per page body; count the accounts inside.
		const items =
			node === 'tokportal'
				? output.length
				: output.reduce((sum, item) => sum + (Array.isArray(item.json.data) ? (item.json.data as IDataObject[]).length : 0), 0);
		const requests = await simulatorRequests(url);
		return {
			node: node === 'tokportal' ? 'TokPortal node' : 'HTTP Request node',
			accounts: scenario.accounts,
			rateLimit: scenario.rateLimit,
			items,
			requests: requests.length,
			minRequests: Math.ceil(scenario.accounts / 100),
			rateLimited: requests.filter((request) => request.status === 429).length,
			seconds,
			peakHeapMb: (peak - baseline) / 1024 / 1024,
			error: error?.message,
		};
	} finally {
		child.kill('SIGTERM');
	}
}

function table(rows: Measurement[]): string {
	const header = '| node | accounts | rate limit | items returned | requests (min) | 429s | wall time | peak heap | error |';
	const lines = rows.map(
		(row) =>
			`| ${row.node} | ${row.accounts.toLocaleString('en-US')} | ${row.rateLimit ? '120 + 2/s' : 'off'} | ${row.items.toLocaleString('en-US')} | ${row.requests} (${row.minRequests}) | ${row.rateLimited} | ${row.seconds.toFixed(2)} s | ${row.peakHeapMb.toFixed(1)} MB | ${row.error ?? ''} |`,
	);
	return [header, '|---|---|---|---|---|---|---|---|---|', ...lines].join('\n');
}

function comparison(scenario: Scenario, ours: Measurement, theirs: Measurement): string {
	const label = `${scenario.accounts.toLocaleString('en-US')} accounts, rate limit ${scenario.rateLimit ? 'on' : 'off'}`;
	const parts = [label];
	if (theirs.items < scenario.accounts) {
		parts.push(
			`the HTTP Request node returned ${theirs.items.toLocaleString('en-US')} of ${scenario.accounts.toLocaleString('en-US')} items${theirs.error ? '' : ' and reported success (silent data loss)'}`,
		);
	} else {
		parts.push(`TokPortal node ${(theirs.seconds / ours.seconds).toFixed(1)}× as fast as the HTTP Request node`);
	}
	if (scenario.rateLimit) {
		const minimum = Math.max(0, (ours.minRequests - 120) / 2);
		parts.push(`bucket minimum ${minimum.toFixed(0)} s, TokPortal node ${ours.seconds.toFixed(1)} s`);
	}
	return parts.join('; ');
}

async function main(): Promise<void> {
	process.env.N8N_LOG_LEVEL = 'silent';
	const scenarios: Scenario[] = quick
		? [{ accounts: 10_000, rateLimit: false }]
		: [
				{ accounts: 10_000, rateLimit: false },
				{ accounts: 50_000, rateLimit: false },
				{ accounts: 10_000, rateLimit: true },
				{ accounts: 50_000, rateLimit: true },
			];
	const rows: Measurement[] = [];
	for (const scenario of scenarios) {
		for (const node of ['tokportal', 'httpRequest'] as const) {
			if (quick && node === 'httpRequest') continue;
			const row = await measure(node, scenario);
			rows.push(row);
			process.stdout.write(`${table([row]).split('\n')[2]}\n`);
		}
		const [ours, theirs] = rows.slice(-2);
		if (!quick && ours && theirs) process.stdout.write(`  → ${comparison(scenario, ours, theirs)}\n`);
	}
	process.stdout.write(`\nLatency ${latencyMs} ms per request, Node ${process.version}, n8n-core in-process.\n\n${table(rows)}\n`);
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(1);
});
