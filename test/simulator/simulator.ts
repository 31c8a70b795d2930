// Wires the parts together and runs the HTTP server on 127.0.0.1.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiKeys } from './auth';
import { Faults, type FaultControl } from './faults';
import { IdempotencyLedger } from './idempotency';
import { MediaStore, STORAGE_PREFIX } from './media';
import { type Operator, SimOperator } from './operator';
import { type RateLimit, RateLimiter } from './rateLimiter';
import { type RequestLogEntry, RequestTracker } from './requestLog';
import { type RouteContext, Router } from './router';
import { accountRoutes } from './routes/accounts';
import { bundleAccountRoutes } from './routes/bundleAccount';
import { bundleCreateRoutes } from './routes/bundleCreate';
import { bundleRoutes } from './routes/bundles';
import { bundleSlotRoutes } from './routes/bundleSlots';
import { CONTROL_PREFIX, handleControl } from './routes/control';
import { referenceRoutes } from './routes/reference';
import { handleStorage } from './routes/storage';
import { uploadRoutes } from './routes/uploads';
import { videoActionRoutes } from './routes/videoActions';
import { videoImportRoutes } from './routes/videoImport';
import { videoRoutes } from './routes/videos';
import { webhookRoutes } from './routes/webhooks';
import { Seeder } from './seed';
import { API_PREFIX, ApiServer } from './server';
import { createState, Store } from './store';
import type { DeliveredAccount, SimState, UploadedObject } from './types';
import { WebhookDispatcher } from './webhookDelivery';

/** Demo key, documented in the README. `sk_` + 64 lowercase hex like real keys. */
export const DEFAULT_API_KEY = 'sk_19b02cc2694594b9c3caf5f8683eae716142466d78a6faf7e39c9a144e5152a9';

export interface SimulatorOptions {
	/** Default 0 = a random free port. */
	port?: number;
	/** Accepted keys, one simulated user each; default [DEFAULT_API_KEY]. */
	apiKeys?: string[];
	/** Default 10_000. */
	initialCredits?: number;
	/** Per API key token bucket; default {capacity: 120, refillPerSecond: 2}. */
	rateLimit?: RateLimit | false;
	/** Injected latency before each /api/ext response (default 0). */
	latencyMs?: number;
	/** Deterministic seed data for the first key's user. */
	seed?: { accounts?: number; bundles?: number };
	/** Delays of automatic redeliveries after failed attempts; default [1000, 5000, 30000]. */
	webhookRetryDelaysMs?: number[];
	/** Default 10_000. */
	webhookTimeoutMs?: number;
	/** Demo data set: 8 accounts + 10 bundles covering every lifecycle state (seed counts override). */
	demo?: boolean;
	/** One line per API request and webhook attempt (never keys or secrets); default silent. */
	log?: (message: string) => void;
}

/** Uploaded media: metadata (also in state.uploads) and the stored bytes. */
export interface UploadsView {
	list(): UploadedObject[];
	/** Bytes by upload id, storage_path or public_url; undefined until stored. */
	bytes(ref: string): Buffer | undefined;
}

export interface Simulator {
	url: string;
	baseUrl: string;
	apiKey: string;
	requests: RequestLogEntry[];
	clearRequests(): void;
	maxInFlight(): number;
	faults: FaultControl;
	operator: Operator;
	state: SimState;
	uploads: UploadsView;
	setLatency(ms: number): void;
	setRateLimit(limit: RateLimit | false): void;
	seedAccounts(count: number, opts?: { platform?: string; country?: string }): DeliveredAccount[];
	close(): Promise<void>;
}

const DEFAULT_RATE_LIMIT: RateLimit = { capacity: 120, refillPerSecond: 2 };

export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
	const apiKeys = opts.apiKeys && opts.apiKeys.length > 0 ? opts.apiKeys : [DEFAULT_API_KEY];
	const keys = new ApiKeys(apiKeys);
	const state = createState(opts.initialCredits ?? 10_000);
	const store = new Store(state);
	const log = opts.log ?? (() => undefined);
	const dispatcher = new WebhookDispatcher(state, {
		retryDelaysMs: opts.webhookRetryDelaysMs ?? [1000, 5000, 30000],
		timeoutMs: opts.webhookTimeoutMs ?? 10_000,
		log,
	});
	const operator = new SimOperator(store, (owner, type, data) => {
		dispatcher.emit(owner, type, data);
	});
	const seeder = new Seeder(state, keys.primary().id);
	if (opts.demo) {
		const accounts = seeder.accounts(opts.seed?.accounts ?? 8);
		seeder.bundles(opts.seed?.bundles ?? 10, 'Demo');
		const withInbox = accounts.find((a) => !a.post_cutoff);
		if (withInbox) operator.deliverVerificationCode(withInbox.id, '482937');
	} else {
		seeder.accounts(opts.seed?.accounts ?? 0);
		seeder.bundles(opts.seed?.bundles ?? 0, 'Seed');
	}

	const faults = new Faults();
	const tracker = new RequestTracker();
	const media = new MediaStore();
	const rateLimiter = new RateLimiter(opts.rateLimit ?? DEFAULT_RATE_LIMIT);
	let latency = opts.latencyMs ?? 0;
	const api = new ApiServer({
		store,
		keys,
		router: new Router<RouteContext>([
			...referenceRoutes,
			...bundleCreateRoutes,
			...bundleRoutes,
			...bundleAccountRoutes,
			...bundleSlotRoutes,
			...videoRoutes,
			...videoActionRoutes,
			...videoImportRoutes,
			...uploadRoutes,
			...accountRoutes,
			...webhookRoutes,
		]),
		rateLimiter,
		ledger: new IdempotencyLedger(),
		faults,
		dispatcher,
		tracker,
		media,
		latencyMs: () => latency,
		log,
	});
	const controls = {
		state,
		operator,
		faults,
		tracker,
		media,
		setLatency: (ms: number) => {
			latency = ms;
		},
		setRateLimit: (limit: RateLimit | false) => rateLimiter.set(limit),
		seedAccounts: (count: number, o: { platform?: string; country?: string } = {}) => seeder.accounts(count, o),
	};

	const server = http.createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const inApi = url.pathname === API_PREFIX || url.pathname.startsWith(`${API_PREFIX}/`);
		const work = inApi
			? api.handle(req, res, url)
			: url.pathname.startsWith(`${CONTROL_PREFIX}/`)
				? handleControl(req, res, url, controls)
				: url.pathname.startsWith(`${STORAGE_PREFIX}/`)
					? handleStorage(req, res, url, { state, media })
					: Promise.resolve(
						res.writeHead(404, { 'Content-Type': 'application/json' }).end(
							JSON.stringify({ error: { code: 'NOT_FOUND', message: `Use ${API_PREFIX}/… or ${CONTROL_PREFIX}/….` } }),
						),
					);
		work.catch((err: unknown) => {
			log(`unhandled: ${err instanceof Error ? err.message : String(err)}`);
			if (!res.headersSent) res.writeHead(500).end();
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
	});
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	media.setOrigin(url);
	const uploadOf = (ref: string) => state.uploads.find((u) => u.id === ref || u.storage_path === media.pathOf(ref));

	return {
		url,
		baseUrl: `${url}${API_PREFIX}`,
		apiKey: apiKeys[0],
		requests: tracker.entries,
		clearRequests: () => tracker.clear(),
		maxInFlight: () => tracker.maxInFlight(),
		faults,
		operator,
		state,
		uploads: {
			list: () => state.uploads,
			bytes: (ref) => {
				const upload = uploadOf(ref);
				return upload ? media.get(upload.storage_path)?.data : undefined;
			},
		},
		setLatency: controls.setLatency,
		setRateLimit: controls.setRateLimit,
		seedAccounts: controls.seedAccounts,
		close: () =>
			new Promise<void>((resolve) => {
				dispatcher.close();
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}
