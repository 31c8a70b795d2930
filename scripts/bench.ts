// `npm run bench [-- --quick] [--latency 50] [--rounds 3] [--trigger-rounds 4] [--trigger-seconds 15]
//   [--trigger-connections 4] [--skip-rate-limit] [--skip-trigger]`
//
// Everything issue #16 asks to measure, side by side in one run, each measurement in a process of its own:
// 1. Speed and memory: Delivered Account → Get Many with Return All through n8n-core, vs n8n's HTTP
//    Request node v4.2 (page/per_page=100 pagination) + Split Out, on 10,000 and 50,000 accounts, served
//    by a static paging server (the simulator's pages, pre-serialized) answering in --latency ms (memory:
//    the peak RSS and the heap the finished execution keeps, which does not depend on GC timing); plus
//    our node with Parallel Page Requests = 1 (memory at HTTP Request's pace) and Node's plain HTTP
//    client on the same pages as a reference for what the machine allows.
// 2. Rate limit: the same lists from the real simulator with TokPortal's bucket (120 + 2/s).
// 3. Trigger throughput in a real n8n 2.40.7: signed deliveries/s accepted by the TokPortal Trigger vs
//    n8n's Webhook node with header authentication.
// --quick runs section 1 on 10,000 accounts once (about half a minute).
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';

import { node24Env } from './n8n/node24env';
import { REPO_ROOT } from './n8n/paths';
import { run } from './n8n/run';
import type { Client, ListRun } from './bench/listRun';
import type { Server } from './bench/processes';
import { accountRequests, clearRequests, runJsonChild, startPagingServer, startSimulatorProcess } from './bench/processes';
import type { TriggerRound } from './bench/triggerThroughput';
import { measureTriggerThroughput } from './bench/triggerThroughput';

const { values: args } = parseArgs({
	options: {
		quick: { type: 'boolean', default: false },
		latency: { type: 'string', default: '50' },
		rounds: { type: 'string', default: '3' },
		'trigger-rounds': { type: 'string', default: '4' },
		'trigger-seconds': { type: 'string', default: '15' },
		'trigger-connections': { type: 'string', default: '4' },
		'skip-rate-limit': { type: 'boolean', default: false },
		'skip-trigger': { type: 'boolean', default: false },
	},
});
const latencyMs = Number(args.latency);
const rounds = args.quick ? 1 : Number(args.rounds);
const PAGE_CONCURRENCY = 4;
const CLIENT_NAMES: Record<Client, string> = {
	tokportal: 'TokPortal node',
	tokportalOneAtATime: 'TokPortal node, 1 page at a time',
	httpRequest: 'HTTP Request + Split Out',
	plain: 'plain Node.js client (reference)',
};

const say = (line: string) => process.stdout.write(`${line}\n`);
const count = (value: number) => value.toLocaleString('en-US');
const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const spread = (values: number[], digits = 2) =>
	values.length > 1 ? ` (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})` : '';

interface Measured extends ListRun {
	requests: number;
	rateLimited: number;
}

async function measure(server: Server, client: Client, extra: string[] = []): Promise<Measured> {
	await clearRequests(server);
	const result = await runJsonChild<ListRun>('listRun.ts', ['--client', client, '--url', server.url, ...extra]);
	const requests = await accountRequests(server);
	return { ...result, requests: requests.length, rateLimited: requests.filter((request) => request.status === 429).length };
}

/** Time for N accounts with 4 pages in flight and nothing but latency: page 1, then rounds of 4 pages. */
function latencyBoundSeconds(accounts: number): number {
	const pages = Math.max(1, Math.ceil(accounts / 100));
	return (latencyMs * (1 + Math.ceil((pages - 1) / PAGE_CONCURRENCY))) / 1000;
}

interface SpeedResult {
	accounts: number;
	runs: Measured[];
}

async function speedSection(accountCounts: number[]): Promise<SpeedResult[]> {
	const results: SpeedResult[] = [];
	for (const accounts of accountCounts) {
		say(`\n## Speed and memory: ${count(accounts)} accounts, static paging server, ${latencyMs} ms per request`);
		const server = await startPagingServer(accounts, latencyMs);
		const runs: Measured[] = [];
		try {
			for (let round = 0; round < rounds; round++) {
				// The two n8n clients take turns going first; the memory variant and the reference run last.
				const first: Client[] = round % 2 === 0 ? ['tokportal', 'httpRequest'] : ['httpRequest', 'tokportal'];
				const order: Client[] = [...first, 'tokportalOneAtATime', 'plain'];
				for (const client of order) {
					const measured = await measure(server, client);
					runs.push(measured);
					say(
						`round ${round + 1}: ${CLIENT_NAMES[client].padEnd(32)} ${measured.seconds.toFixed(2).padStart(6)} s (CPU ${measured.cpuSeconds.toFixed(2)} s), ${count(measured.items)} items (${count(measured.distinctIds)} distinct), ${measured.requests} requests, peak RSS ${measured.peakRssMb.toFixed(0)} MB${measured.error ? `, error: ${measured.error}` : ''}`,
					);
				}
			}
		} finally {
			server.stop();
		}
		results.push({ accounts, runs });
	}
	return results;
}

interface RateLimitRow extends Measured {
	accounts: number;
}

async function rateLimitSection(): Promise<RateLimitRow[]> {
	const rows: RateLimitRow[] = [];
	for (const accounts of [10_000, 50_000]) {
		say(`\n## Rate limit: ${count(accounts)} accounts from the simulator with TokPortal's bucket (120 + 2/s), ${latencyMs} ms per request`);
		for (const client of ['tokportal', 'httpRequest'] as const) {
			// A fresh simulator each time: every run starts with a full bucket.
			const simulator = await startSimulatorProcess(accounts, latencyMs, true);
			try {
				const measured = await measure(simulator, client, ['--skip-warm-up']);
				rows.push({ ...measured, accounts });
				say(
					`${CLIENT_NAMES[client].padEnd(26)} ${measured.seconds.toFixed(2).padStart(7)} s, ${count(measured.items)} items, ${measured.requests} requests, ${measured.rateLimited} answered 429${measured.error ? `, error: ${measured.error}` : ''}`,
				);
			} finally {
				simulator.stop();
			}
		}
	}
	return rows;
}

async function triggerSection(): Promise<TriggerRound[]> {
	say(
		`\n## Trigger throughput in n8n 2.40.7: ${args['trigger-rounds']} rounds of ${args['trigger-seconds']} s per node, ${args['trigger-connections']} connections`,
	);
	say('building dist/ (npm run build) ...');
	await run('npm', ['run', 'build'], { cwd: REPO_ROOT, env: node24Env(), label: 'build', quiet: true });
	return await measureTriggerThroughput({
		rounds: Number(args['trigger-rounds']),
		seconds: Number(args['trigger-seconds']),
		connections: Number(args['trigger-connections']),
		log: say,
	});
}

function verdict(met: boolean): string {
	return met ? 'met' : '**not met**';
}

function speedSummary(results: SpeedResult[]): string[] {
	const lines = [
		'| accounts | client | wall time, median (range) | × HTTP Request | ÷ latency bound | CPU time, median | peak RSS, median (range) | heap kept, median | items | requests |',
		'|---|---|---|---|---|---|---|---|---|---|',
	];
	const notes: string[] = [];
	for (const { accounts, runs } of results) {
		const of = (client: Client) => runs.filter((run) => run.client === client);
		const seconds = (client: Client) => median(of(client).map((run) => run.seconds));
		const theirs = of('httpRequest').length ? seconds('httpRequest') : undefined;
		const bound = latencyBoundSeconds(accounts);
		for (const client of ['tokportal', 'httpRequest', 'tokportalOneAtATime', 'plain'] as const) {
			const mine = of(client);
			if (mine.length === 0) continue;
			const times = mine.map((run) => run.seconds);
			const items = [...new Set(mine.map((run) => `${count(run.items)}${run.distinctIds === run.items ? '' : ` (${count(run.distinctIds)} distinct)`}`))].join(', ');
			const requests = [...new Set(mine.map((run) => run.requests))].join(', ');
			lines.push(
				`| ${count(accounts)} | ${CLIENT_NAMES[client]} | ${median(times).toFixed(2)} s${spread(times)} | ${theirs === undefined ? '' : `${(theirs / median(times)).toFixed(2)}×`} | ${(median(times) / bound).toFixed(2)} | ${median(mine.map((run) => run.cpuSeconds)).toFixed(2)} s | ${median(mine.map((run) => run.peakRssMb)).toFixed(0)} MB${spread(mine.map((run) => run.peakRssMb), 0)} | ${median(mine.map((run) => run.retainedHeapMb)).toFixed(1)} MB | ${items} | ${requests} |`,
			);
		}
		const ours = seconds('tokportal');
		if (theirs !== undefined) {
			// Each round ran both n8n clients back to back: their ratio per round shows the noise.
			const perRound = of('tokportal').map((run, index) => (of('httpRequest')[index]?.seconds ?? NaN) / run.seconds);
			notes.push(
				`- ${count(accounts)} accounts: TokPortal node **${(theirs / ours).toFixed(2)}×** as fast as HTTP Request + Split Out (${perRound.length > 1 ? `per round ${Math.min(...perRound).toFixed(2)}–${Math.max(...perRound).toFixed(2)}×; ` : ''}target ≥ 3.5×: ${verdict(theirs / ours >= 3.5)}); **${(ours / bound).toFixed(2)}×** the latency bound of ${bound.toFixed(2)} s (target ≤ 1.25×: ${verdict(ours / bound <= 1.25)}); the plain client took ${(seconds('plain') / bound).toFixed(2)}× the bound.`,
			);
			const rss = (client: Client) => median(of(client).map((run) => run.peakRssMb));
			const kept = (client: Client) => median(of(client).map((run) => run.retainedHeapMb));
			notes.push(
				`  Peak RSS: TokPortal node ${rss('tokportal').toFixed(0)} MB, HTTP Request + Split Out ${rss('httpRequest').toFixed(0)} MB (target: no higher: ${verdict(rss('tokportal') <= rss('httpRequest'))}); both processes start at about ${median(runs.map((run) => run.startRssMb)).toFixed(0)} MB (n8n-core and both nodes loaded). Heap the finished execution keeps: ${kept('tokportal').toFixed(1)} vs ${kept('httpRequest').toFixed(1)} MB.`,
			);
			if (of('tokportalOneAtATime').length) {
				notes.push(
					`  With Parallel Page Requests = 1 the TokPortal node peaks at ${rss('tokportalOneAtATime').toFixed(0)} MB in ${seconds('tokportalOneAtATime').toFixed(2)} s (${(theirs / seconds('tokportalOneAtATime')).toFixed(2)}× HTTP Request's speed); the plain client, 4 pages at a time, at ${rss('plain').toFixed(0)} MB.`,
				);
			}
		}
	}
	return [...lines, '', ...notes];
}

function rateLimitSummary(rows: RateLimitRow[]): string[] {
	const lines = [
		'| accounts | client | wall time | items returned | requests (min) | answered 429 | error surfaced |',
		'|---|---|---|---|---|---|---|',
		...rows.map(
			(row) =>
				`| ${count(row.accounts)} | ${CLIENT_NAMES[row.client]} | ${row.seconds.toFixed(1)} s | ${row.items === row.accounts ? count(row.items) : `**${count(row.items)}**`} | ${row.requests} (${Math.ceil(row.accounts / 100)}) | ${row.rateLimited} | ${row.error ?? 'none'} |`,
		),
		'',
	];
	for (const row of rows.filter((candidate) => candidate.client === 'tokportal')) {
		const minimum = Math.max(0, (Math.ceil(row.accounts / 100) - 120) / 2);
		lines.push(
			`- ${count(row.accounts)} accounts: the bucket allows it in ${minimum.toFixed(0)} s at best; the TokPortal node took ${row.seconds.toFixed(1)} s with ${row.rateLimited} × 429 and ${row.error ? 'an error' : 'no error'}.`,
		);
	}
	for (const row of rows.filter((candidate) => candidate.client === 'httpRequest' && candidate.items < candidate.accounts)) {
		lines.push(
			`- ${count(row.accounts)} accounts: HTTP Request + Split Out returned ${count(row.items)} of ${count(row.accounts)}${row.error ? ` and failed (${row.error})` : ' and reported success (silent data loss)'}.`,
		);
	}
	return lines;
}

const TRIGGER = 'TokPortal Trigger';
const WEBHOOK = 'Webhook node (header auth)';

function triggerSummary(rounds: TriggerRound[]): string[] {
	const of = (target: string) => rounds.filter((round) => round.target === target);
	const rates = (target: string) => of(target).map((round) => round.load.acceptedPerSecond);
	const perCpu = (target: string) => of(target).map((round) => round.load.accepted / round.n8nCpuSeconds);
	const lines = [
		'| node | accepted deliveries/s, median (range) | per n8n CPU-second, median (range) | refused | executions / accepted |',
		'|---|---|---|---|---|',
	];
	for (const target of [TRIGGER, WEBHOOK]) {
		const mine = of(target);
		const refused = mine.reduce((sum, round) => sum + Object.values(round.load.refused).reduce((a, b) => a + b, 0) + round.load.networkErrors, 0);
		const accepted = mine.reduce((sum, round) => sum + round.load.accepted, 0);
		const executions = mine.reduce((sum, round) => sum + round.executions, 0);
		lines.push(
			`| ${target} | ${median(rates(target)).toFixed(1)}${spread(rates(target), 1)} | ${median(perCpu(target)).toFixed(1)}${spread(perCpu(target), 1)} | ${refused} | ${count(executions)} / ${count(accepted)} |`,
		);
	}
	const ratio = median(rates(TRIGGER)) / median(rates(WEBHOOK));
	const cpuRatio = median(perCpu(TRIGGER)) / median(perCpu(WEBHOOK));
	lines.push(
		'',
		`- TokPortal Trigger: **${ratio.toFixed(2)}×** the Webhook node's accepted deliveries per second (target ≥ 0.9×: ${verdict(ratio >= 0.9)}); per CPU-second of n8n, ${cpuRatio.toFixed(2)}× (CPU time is far less sensitive than wall time to the other jobs on the machine).`,
	);
	return lines;
}

async function main(): Promise<void> {
	const started = Date.now();
	const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`;
	const loadAtStart = loadavg()[0];
	say(`# npm run bench — ${machine}, load average ${loadAtStart.toFixed(1)} at start`);

	const speed = await speedSection(args.quick ? [10_000] : [10_000, 50_000]);
	const limited = args.quick || args['skip-rate-limit'] ? [] : await rateLimitSection();
	const trigger = args.quick || args['skip-trigger'] ? [] : await triggerSection();

	say(`\n# Summary (${((Date.now() - started) / 60_000).toFixed(1)} min; ${machine}; load average ${loadAtStart.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at end)`);
	say(`\nReturn All through n8n-core, ${latencyMs} ms per request, ${rounds} round(s), each run in its own process after a 3-page warm-up; static paging server (the simulator's pages, pre-serialized, in its own process):\n`);
	say(speedSummary(speed).join('\n'));
	if (limited.length) {
		say(`\nUnder TokPortal's rate limit (the simulator, in its own process, 120 burst + 2/s, ${latencyMs} ms per request):\n`);
		say(rateLimitSummary(limited).join('\n'));
	}
	if (trigger.length) {
		say('\nTrigger throughput in a real n8n 2.40.7 (this package from dist/), the same signed deliveries from a load generator in its own process:\n');
		say(triggerSummary(trigger).join('\n'));
	}
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(1);
});
