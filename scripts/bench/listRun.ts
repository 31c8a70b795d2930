// One measured Return All, in a process of its own so that its peak RSS is its own:
//   tsx scripts/bench/listRun.ts --client tokportal|httpRequest|plain --url http://127.0.0.1:PORT [--skip-warm-up]
// Prints one JSON line (ListRun). Every process loads the same modules and warms up both n8n
// workflows on 3 pages before the measured run (then clears the server's request log), so the
// clients start from the same state.
import { readFileSync, writeFileSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { parseArgs } from 'node:util';

import type { IDataObject, INodeType, IVersionedNodeType } from 'n8n-workflow';

import type { WorkflowDefinition } from '../../test/harness';
import { chain, runWorkflow } from '../../test/harness';
import { DEFAULT_API_KEY } from '../../test/simulator';

export type Client = 'tokportal' | 'tokportalOneAtATime' | 'httpRequest' | 'plain';

export interface ListRun {
	client: Client;
	seconds: number;
	/** CPU time (user + system) the process used for the run: what other jobs on the machine barely change. */
	cpuSeconds: number;
	/** Output items (one per account). */
	items: number;
	distinctIds: number;
	/** Peak resident set size during the measured run (the kernel's high-water mark, reset before it). */
	peakRssMb: number;
	/** RSS just before the measured run, after warm-up and garbage collection. */
	startRssMb: number;
	/**
	 * What the result keeps alive: the JS heap after a full collection with the items still held, less
	 * the heap before the run. Unlike the peak, it does not depend on when V8's collector happened to run.
	 */
	retainedHeapMb: number;
	error?: string;
}

const PER_PAGE = 100;
const CONCURRENCY = 4;
const WARM_UP_PAGES = 3;

function nodeType(path: string, name: string): () => INodeType | IVersionedNodeType {
	const loaded = require(path) as Record<string, new () => INodeType | IVersionedNodeType>;
	return () => new loaded[name]();
}

const nodeTypes = {
	'n8n-nodes-base.httpRequest': nodeType('n8n-nodes-base/dist/nodes/HttpRequest/HttpRequest.node', 'HttpRequest'),
	'n8n-nodes-base.splitOut': nodeType('n8n-nodes-base/dist/nodes/Transform/SplitOut/SplitOut.node', 'SplitOut'),
};

/**
 * Delivered Account → Get Many, Return All (warm-up: Limit 300, i.e. 3 pages), with the default
 * 4 pages in flight or with Options → Parallel Page Requests = 1.
 */
function tokPortalWorkflow(warmUp: boolean, oneAtATime = false): WorkflowDefinition {
	const paging = warmUp ? { returnAll: false, limit: WARM_UP_PAGES * PER_PAGE } : { returnAll: true };
	const options = oneAtATime ? { options: { parallelRequests: 1 } } : {};
	return {
		nodes: [
			{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', parameters: {} },
			{
				name: 'List',
				type: 'n8n-nodes-tokportal.tokPortal',
				parameters: { resource: 'deliveredAccount', operation: 'getMany', ...paging, ...options },
				credentials: { tokPortalApi: { id: '1', name: 'TokPortal account' } },
			},
		],
		connections: chain('Start', 'List'),
		nodeTypes,
	};
}

/**
 * What a user builds with n8n's own nodes for the same list: HTTP Request v4.2 with page/per_page
 * pagination until the last page, then Split Out on `data` for one item per account.
 */
function httpRequestWorkflow(url: string, warmUp: boolean): WorkflowDefinition {
	const pagination = {
		paginationMode: 'updateAParameterInEachRequest',
		parameters: { parameters: [{ type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' }] },
		paginationCompleteWhen: 'other',
		completeExpression: '={{ $response.body.pagination.page >= $response.body.pagination.total_pages }}',
		...(warmUp ? { limitPagesFetched: true, maxRequests: WARM_UP_PAGES } : {}),
	};
	return {
		nodes: [
			{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', parameters: {} },
			{
				name: 'Request',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				parameters: {
					url: `${url}/api/ext/accounts`,
					sendQuery: true,
					queryParameters: { parameters: [{ name: 'per_page', value: String(PER_PAGE) }] },
					sendHeaders: true,
					headerParameters: { parameters: [{ name: 'X-API-Key', value: DEFAULT_API_KEY }] },
					options: { pagination: { pagination } },
				},
			},
			{ name: 'List', type: 'n8n-nodes-base.splitOut', parameters: { fieldToSplitOut: 'data', include: 'noOtherFields' } },
		],
		connections: chain('Start', 'Request', 'List'),
		nodeTypes,
	};
}

interface Outcome {
	items: IDataObject[];
	error?: string;
	/** Everything the execution holds (every node's output), as n8n does until the execution ends. */
	execution?: unknown;
}

async function runN8n(definition: WorkflowDefinition, url: string): Promise<Outcome> {
	const result = await runWorkflow(definition, {
		credentials: { tokPortalApi: { apiKey: DEFAULT_API_KEY, baseUrl: `${url}/api/ext` } },
	});
	const failed = definition.nodes.map((node) => result.nodeError(node.name)).find((error) => error !== undefined);
	return failed
		? { items: [], error: failed.message }
		: { items: result.output('List').map((item) => item.json), execution: result };
}

/** The reference: Node's own HTTP client with keep-alive, the same pages 4 at a time, no n8n. */
async function runPlain(url: string): Promise<Outcome> {
	const agent = new Agent({ keepAlive: true });
	const page = async (number: number) =>
		await new Promise<{ data: IDataObject[]; pagination: { total_pages: number } }>((resolve, reject) => {
			const path = `/api/ext/accounts?page=${number}&per_page=${PER_PAGE}`;
			get(`${url}${path}`, { agent, headers: { 'X-API-Key': DEFAULT_API_KEY } }, (response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
				response.on('error', reject);
			}).on('error', reject);
		});
	const first = await page(1);
	const pages: IDataObject[][] = [first.data];
	let next = 2;
	const worker = async () => {
		for (let number = next++; number <= first.pagination.total_pages; number = next++) pages[number - 1] = (await page(number)).data;
	};
	await Promise.all(Array.from({ length: CONCURRENCY }, worker));
	agent.destroy();
	return { items: pages.flat() };
}

const rssMb = (field: 'VmRSS' | 'VmHWM') =>
	Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024;

/** The JS heap in use after full garbage collections (the bench runs this script with --expose-gc). */
function collectedHeapMb(): number {
	global.gc?.();
	global.gc?.();
	return process.memoryUsage().heapUsed / 1048576;
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: { client: { type: 'string' }, url: { type: 'string' }, 'skip-warm-up': { type: 'boolean', default: false } },
	});
	const client = values.client as Client;
	const url = values.url ?? '';
	process.env.N8N_LOG_LEVEL = 'silent';

	// A rate-limited run skips it: the warm-up would spend tokens of the bucket being measured.
	if (!values['skip-warm-up']) {
		for (const warmUp of [tokPortalWorkflow(true), httpRequestWorkflow(url, true)]) {
			const { error } = await runN8n(warmUp, url);
			if (error) throw new Error(`warm-up failed: ${error}`);
		}
		await fetch(`${url}/_sim/requests`, { method: 'DELETE' });
	}
	const startHeapMb = collectedHeapMb();
	const startRssMb = rssMb('VmRSS');
	// Writing 5 to clear_refs resets the peak RSS (VmHWM) to the current RSS.
	writeFileSync('/proc/self/clear_refs', '5');

	const cpuBefore = process.cpuUsage();
	const started = performance.now();
	const workflows: Record<Exclude<Client, 'plain'>, () => WorkflowDefinition> = {
		tokportal: () => tokPortalWorkflow(false),
		tokportalOneAtATime: () => tokPortalWorkflow(false, true),
		httpRequest: () => httpRequestWorkflow(url, false),
	};
	const outcome = client === 'plain' ? await runPlain(url) : await runN8n(workflows[client](), url);
	const seconds = (performance.now() - started) / 1000;
	const cpu = process.cpuUsage(cpuBefore);
	const peakRssMb = rssMb('VmHWM');
	// Measured while the outcome (items and execution) is still alive: it is read below.
	const retainedHeapMb = collectedHeapMb() - startHeapMb;
	const run: ListRun = {
		client,
		seconds,
		cpuSeconds: (cpu.user + cpu.system) / 1e6,
		items: outcome.items.length,
		distinctIds: new Set(outcome.items.map((item) => item.id)).size,
		peakRssMb,
		startRssMb,
		retainedHeapMb,
		error: outcome.error,
	};
	process.stdout.write(`${JSON.stringify(run)}\n`);
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(1);
});
