// A minimal paging server for the speed comparison: GET /api/ext/accounts?page&per_page=100 answers
// the simulator's own page bodies (same accounts, same JSON, byte for byte), serialized once at start,
// after a fixed latency. So the measured time is the client's, not the simulator's: the simulator
// filters, logs and serializes every request on a single thread that shares the machine's cores.
// Run as a child process: `tsx scripts/bench/pagingServer.ts --accounts N --latency MS`; prints
// `listening <port>` when ready. GET /_sim/requests lists the requests and DELETE clears them, as
// in the simulator.
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

import { DEFAULT_API_KEY, startSimulator } from '../../test/simulator';
import { paginate } from '../../test/simulator/pagination';
import { newestFirst } from '../../test/simulator/routes/bundles';
import { deliveredListItem } from '../../test/simulator/views';

const PER_PAGE = '100';

async function pageBodies(accounts: number): Promise<Buffer[]> {
	const sim = await startSimulator({ demo: false, seed: { accounts }, rateLimit: false });
	try {
		const sorted = newestFirst(sim.state.accounts);
		const pages = Math.max(1, Math.ceil(sorted.length / Number(PER_PAGE)));
		return Array.from({ length: pages }, (_, index) => {
			const page = paginate(sorted, { page: String(index + 1), per_page: PER_PAGE });
			return Buffer.from(JSON.stringify({ data: page.data.map(deliveredListItem), pagination: page.pagination }));
		});
	} finally {
		await sim.close();
	}
}

async function main(): Promise<void> {
	const { values } = parseArgs({ options: { accounts: { type: 'string' }, latency: { type: 'string', default: '50' } } });
	const latencyMs = Number(values.latency);
	const bodies = await pageBodies(Number(values.accounts ?? 0));
	const total = JSON.parse(bodies[0].toString('utf8')).pagination.total as number;
	let log: Array<{ method: string; path: string; status: number }> = [];

	const server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		if (url.pathname === '/_sim/requests') {
			if (req.method === 'DELETE') log = [];
			res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ data: log }));
			return;
		}
		const page = Number(url.searchParams.get('page') ?? '1');
		const status =
			req.headers['x-api-key'] !== DEFAULT_API_KEY
				? 401
				: url.pathname !== '/api/ext/accounts' || url.searchParams.get('per_page') !== PER_PAGE || !Number.isInteger(page) || page < 1
					? 400
					: 200;
		log.push({ method: req.method ?? 'GET', path: url.pathname.replace(/^\/api\/ext/, ''), status });
		const body =
			status !== 200
				? Buffer.from(JSON.stringify({ error: { code: 'BENCH_UNSUPPORTED', message: 'Only GET /accounts?per_page=100 with the key.' } }))
				: (bodies[page - 1] ??
					Buffer.from(
						JSON.stringify({ data: [], pagination: { page, per_page: Number(PER_PAGE), total, total_pages: bodies.length } }),
					));
		setTimeout(() => {
			res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': body.length }).end(body);
		}, latencyMs);
	});
	server.listen(0, '127.0.0.1', () => {
		const address = server.address();
		process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`);
	});
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(1);
});
