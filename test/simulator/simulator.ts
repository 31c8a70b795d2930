// Wires the parts together and runs the HTTP server on 127.0.0.1.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiKeys } from './auth';
import { Faults, type FaultControl } from './faults';
import { IdempotencyLedger } from './idempotency';
import { backfillBanReports } from './banReports';
import { seedCreditHistory } from './ledgerSeed';
import { MediaStore, STORAGE_PREFIX } from './media';
import type { Operator } from './operator';
import { type RateLimit, RateLimiter } from './rateLimiter';
import { type RequestLogEntry, RequestTracker } from './requestLog';
import { type RouteContext, Router } from './router';
import { accountBanRoutes } from './routes/accountBans';
import { accountCareRoutes } from './routes/accountCare';
import { accountRoutes } from './routes/accounts';
import { adCodeRoutes } from './routes/adCodes';
import { analyticsRoutes } from './routes/analytics';
import { analyticsExportRoutes } from './routes/analyticsExport';
import { analyticsInsightRoutes } from './routes/analyticsInsights';
import { bundleAccountRoutes } from './routes/bundleAccount';
import { bundleCreateRoutes } from './routes/bundleCreate';
import { bundleRoutes } from './routes/bundles';
import { bundleSlotRoutes } from './routes/bundleSlots';
import { commentRoutes } from './routes/comments';
import { CONTROL_PREFIX, handleControl } from './routes/control';
import { coverageRoutes } from './routes/coverage';
import { referenceRoutes } from './routes/reference';
import { settingsRoutes } from './routes/settings';
import { handleStorage, type StorageRequest } from './routes/storage';
import { uploadRoutes } from './routes/uploads';
import { videoActionRoutes } from './routes/videoActions';
import { videoImportRoutes } from './routes/videoImport';
import { videoRoutes } from './routes/videos';
import { warmingRoutes } from './routes/warming';
import { webhookRoutes } from './routes/webhooks';
import { type ServiceActions, ServiceOperator } from './serviceOperator';
import { Seeder } from './seed';
import { API_PREFIX, ApiServer } from './server';
import { createState, Store } from './store';
import type { AnalyticsPlan } from './serviceTypes';
import type { CreditTransaction, DeliveredAccount, SimState, UploadedObject } from './types';
import { WebhookDispatcher } from './webhookDelivery';

/** Demo key, documented in the README. `sk_` + 64 lowercase hex like real keys. */
export const DEFAULT_API_KEY = 'sk_19b02cc2694594b9c3caf5f8683eae716142466d78a6faf7e39c9a144e5152a9';
/** Second default key: another user on the Starter analytics plan (no series, exports or reports). */
export const STARTER_API_KEY = 'sk_5a7d1e0c3b9f4e2a8c6d0b1f7e3a9c5d2b8f4e6a0c7d3b9f1e5a8c2d6b0f4e7a';

export interface SimulatorOptions {
	/** Default 0 = a random free port. */
	port?: number;
	/** Accepted keys, one simulated user each; default [DEFAULT_API_KEY, STARTER_API_KEY]. */
	apiKeys?: string[];
	/** Analytics plan per key (default `marketer`; STARTER_API_KEY defaults to `starter`). */
	plans?: Record<string, AnalyticsPlan>;
	/** Default 10_000. */
	initialCredits?: number;
	/** Per API key token bucket; default {capacity: 120, refillPerSecond: 2}. */
	rateLimit?: RateLimit | false;
	/** Injected latency before each /api/ext response (default 0). */
	latencyMs?: number;
	/** Deterministic seed data for the first key's user (`transactions`: credit history, see ledgerSeed.ts). */
	seed?: { accounts?: number; bundles?: number; transactions?: number };
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
	/** Every request object storage received (presigned PUTs, public URL reads), oldest first. */
	requests(): StorageRequest[];
}

export interface Simulator {
	url: string;
	baseUrl: string;
	apiKey: string;
	requests: RequestLogEntry[];
	clearRequests(): void;
	maxInFlight(): number;
	faults: FaultControl;
	operator: Operator & ServiceActions;
	state: SimState;
	uploads: UploadsView;
	setLatency(ms: number): void;
	setRateLimit(limit: RateLimit | false): void;
	seedAccounts(count: number, opts?: { platform?: string; country?: string }): DeliveredAccount[];
	/** Adds `count` deterministic credit transactions, 6 h apart, from `start` if given (ledgerSeed.ts). */
	seedCreditHistory(count: number, start?: string): CreditTransaction[];
	close(): Promise<void>;
}

const DEFAULT_RATE_LIMIT: RateLimit = { capacity: 120, refillPerSecond: 2 };

export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
	const apiKeys = opts.apiKeys && opts.apiKeys.length > 0 ? opts.apiKeys : [DEFAULT_API_KEY, STARTER_API_KEY];
	const keys = new ApiKeys(apiKeys, { [STARTER_API_KEY]: 'starter', ...opts.plans });
	const state = createState(opts.initialCredits ?? 10_000);
	const store = new Store(state);
	const log = opts.log ?? (() => undefined);
	const dispatcher = new WebhookDispatcher(state, {
		retryDelaysMs: opts.webhookRetryDelaysMs ?? [1000, 5000, 30000],
		timeoutMs: opts.webhookTimeoutMs ?? 10_000,
		log,
	});
	const operator = new ServiceOperator(store, (owner, type, data) => {
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
	backfillBanReports(store);
	const owner = keys.primary().id;
	if (opts.seed?.transactions) seedCreditHistory(state, owner, opts.seed.transactions);

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
			...analyticsRoutes,
			...analyticsExportRoutes,
			...analyticsInsightRoutes,
			...accountBanRoutes,
			...accountCareRoutes,
			...coverageRoutes,
			...warmingRoutes,
			...commentRoutes,
			...adCodeRoutes,
			...settingsRoutes,
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
		seedCreditHistory: (count: number, start?: string) => seedCreditHistory(state, owner, count, start),
	};

	const storageRequests: StorageRequest[] = [];
	const server = http.createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const inApi = url.pathname === API_PREFIX || url.pathname.startsWith(`${API_PREFIX}/`);
		const work = inApi
			? api.handle(req, res, url)
			: url.pathname.startsWith(`${CONTROL_PREFIX}/`)
				? handleControl(req, res, url, controls)
				: url.pathname.startsWith(`${STORAGE_PREFIX}/`)
					? handleStorage(req, res, url, { state, media, requests: storageRequests })
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
			requests: () => storageRequests,
		},
		setLatency: controls.setLatency,
		setRateLimit: controls.setRateLimit,
		seedAccounts: controls.seedAccounts,
		seedCreditHistory: controls.seedCreditHistory,
		close: () =>
			new Promise<void>((resolve) => {
				dispatcher.close();
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}
