// n8n 2.x in queue mode, the layout n8n documents (https://docs.n8n.io/hosting/scaling/queue-mode/),
// from Debian packages and the npm registry only:
//   PostgreSQL + Redis (apt-get when missing; private instances on free loopback ports)
//   main (`n8n start`: editor, REST API, trigger activation) + workers (`n8n worker`: executions)
//   + webhook processors (`n8n webhook`: /webhook/*), all on one database, one Redis, one encryption
//   key, each with its own user folder holding our package
//   + a reverse proxy: /webhook/* round-robin to the webhook processors, the rest to main.
// Everything started is stopped by stop(), and by the supervisors' watchdogs if we die.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Owner } from './client';
import { ensureDebianPackages, POSTGRESQL, REDIS } from './debian-packages';
import { N8nInstance } from './instance';
import { freePort } from './ports';
import { PostgresServer } from './postgres';
import { provisionN8n } from './provision';
import { QueueProcess, type QueueRole } from './queue-process';
import { RedisServer } from './redis';
import { ReverseProxy } from './reverse-proxy';

/**
 * WEBHOOK_URL on the workers and webhook processors. n8n's docs set it on every process; in practice
 * it is often set on main only, and then each other process computes its own URL from its host/port.
 */
export type WebhookUrlElsewhere = 'public' | 'unset';

export interface QueueStackOptions {
	/** Holds postgres/, redis/, main/, worker-N/, webhook-N/ and the encryption key; reused if present. */
	dir: string;
	workers?: number;
	webhookProcessors?: number;
	webhookUrlElsewhere?: WebhookUrlElsewhere;
	/** Fixed ports for what a person opens (dev); everything else gets free ports. */
	proxyPort?: number;
	/**
	 * The address TokPortal reaches n8n at (WEBHOOK_URL), when something sits in front of the proxy
	 * (a CDN, another load balancer); default the proxy's own address.
	 */
	publicUrl?: string;
	mainPort?: number;
	/** Throw-away data (tests): PostgreSQL without fsync. */
	ephemeral?: boolean;
	/** Extra environment for every n8n process; `undefined` removes a variable. */
	env?: Record<string, string | undefined>;
	owner?: Owner;
	/** Each output line of each n8n process (the full logs are in each user folder's n8n.log). */
	onLine?: (processName: string, line: string) => void;
	/** Progress messages ("starting PostgreSQL ..."). */
	say?: (message: string) => void;
}

/** Milliseconds per start phase, for reports. */
export type StackTimings = Record<'packages' | 'provision' | 'services' | 'main' | 'others' | 'total', number>;

function encryptionKey(dir: string): string {
	const file = path.join(dir, 'encryption-key');
	if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(24).toString('base64url'), { mode: 0o600 });
	return fs.readFileSync(file, 'utf8');
}

export class QueueStack {
	private elsewhere: WebhookUrlElsewhere;

	private constructor(
		readonly options: QueueStackOptions,
		readonly postgres: PostgresServer,
		readonly redis: RedisServer,
		readonly proxy: ReverseProxy,
		readonly main: N8nInstance,
		readonly workers: QueueProcess[],
		readonly webhookProcessors: QueueProcess[],
		readonly timings: StackTimings,
	) {
		this.elsewhere = options.webhookUrlElsewhere ?? 'public';
	}

	static async start(options: QueueStackOptions): Promise<QueueStack> {
		const say = options.say ?? (() => undefined);
		const started = Date.now();
		const lap = (() => {
			let last = started;
			return () => {
				const now = Date.now();
				const elapsed = now - last;
				last = now;
				return elapsed;
			};
		})();
		const timings = {} as StackTimings;
		fs.mkdirSync(options.dir, { recursive: true });

		await ensureDebianPackages([POSTGRESQL, REDIS]);
		timings.packages = lap();
		await provisionN8n();
		timings.provision = lap();

		// Stopped in reverse order if a later step fails.
		const cleanup: Array<() => Promise<void>> = [];
		const unwind = async () => {
			for (const stop of cleanup.reverse()) await stop().catch(() => undefined);
		};
		try {
			say('starting PostgreSQL and Redis ...');
			const [postgres, redis] = await Promise.all([
				PostgresServer.start({ dir: path.join(options.dir, 'postgres'), port: await freePort(), ephemeral: options.ephemeral }).then((server) => {
					cleanup.push(() => server.stop());
					return server;
				}),
				RedisServer.start({ dir: path.join(options.dir, 'redis'), port: await freePort() }).then((server) => {
					cleanup.push(() => server.stop());
					return server;
				}),
			]);
			timings.services = lap();

			const workerCount = options.workers ?? 1;
			const webhookCount = options.webhookProcessors ?? 2;
			const mainPort = options.mainPort ?? (await freePort());
			const webhookPorts: number[] = [];
			for (let i = 0; i < webhookCount; i++) webhookPorts.push(await freePort());
			const proxy = await ReverseProxy.start({
				port: options.proxyPort,
				main: { name: 'main', port: mainPort },
				webhooks: webhookPorts.map((port, i) => ({ name: `webhook-${i + 1}`, port })),
			});
			cleanup.push(() => proxy.close());

			const { connection } = postgres;
			const publicUrl = options.publicUrl ?? proxy.url;
			const shared: Record<string, string | undefined> = {
				EXECUTIONS_MODE: 'queue',
				QUEUE_BULL_REDIS_HOST: '127.0.0.1',
				QUEUE_BULL_REDIS_PORT: String(redis.port),
				DB_TYPE: 'postgresdb',
				DB_POSTGRESDB_HOST: connection.host,
				DB_POSTGRESDB_PORT: String(connection.port),
				DB_POSTGRESDB_DATABASE: connection.database,
				DB_POSTGRESDB_USER: connection.user,
				DB_POSTGRESDB_PASSWORD: connection.password,
				N8N_ENCRYPTION_KEY: encryptionKey(options.dir),
				// Manual runs ("Execute workflow") go to the workers too, not only production ones.
				OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
				N8N_EDITOR_BASE_URL: publicUrl,
				// n8n's default pool of 2 connections is too small for a burst of webhook deliveries: each
				// one needs several queries, the pool times out and n8n answers 503 "Database is not ready".
				DB_POSTGRESDB_POOL_SIZE: '10',
				...options.env,
			};
			const elsewhere = { ...shared, WEBHOOK_URL: options.webhookUrlElsewhere === 'unset' ? undefined : publicUrl };

			say('starting n8n main (first start migrates the database: about a minute) ...');
			const main = await N8nInstance.start({
				userFolder: path.join(options.dir, 'main'),
				port: mainPort,
				owner: options.owner,
				// The public URL: what TokPortal is given when a trigger is activated.
				env: { ...shared, WEBHOOK_URL: publicUrl },
				readyTimeoutMs: 300_000,
				onLine: options.onLine && ((line) => options.onLine!('main', line)),
			});
			cleanup.push(() => main.stop());
			timings.main = lap();

			say(`starting ${workerCount} worker(s) and ${webhookCount} webhook processor(s) ...`);
			const startOne = async (role: QueueRole, name: string, port: number) => {
				const proc = await QueueProcess.start({
					name,
					role,
					userFolder: path.join(options.dir, name),
					port,
					brokerPort: await freePort(),
					env: { ...elsewhere },
					onLine: options.onLine && ((line) => options.onLine!(name, line)),
				});
				cleanup.push(() => proc.stop());
				return proc;
			};
			const workerPorts: number[] = [];
			for (let i = 0; i < workerCount; i++) workerPorts.push(await freePort());
			const [workers, webhookProcessors] = await Promise.all([
				Promise.all(workerPorts.map((port, i) => startOne('worker', `worker-${i + 1}`, port))),
				Promise.all(webhookPorts.map((port, i) => startOne('webhook', `webhook-${i + 1}`, port))),
			]);
			timings.others = lap();
			timings.total = Date.now() - started;
			return new QueueStack(options, postgres, redis, proxy, main, workers, webhookProcessors, timings);
		} catch (error) {
			await unwind();
			throw error;
		}
	}

	/** The public address (the proxy unless `publicUrl` was given), with a trailing slash. */
	get url(): string {
		return this.options.publicUrl ?? this.proxy.url;
	}

	/** Production webhook base, as main registers it with TokPortal. */
	get webhookUrl(): string {
		return `${this.url}webhook/`;
	}

	/** Every n8n process by name: main, worker-1, webhook-1, webhook-2, … */
	processes(): Array<{ name: string; readLog(): string; logFile: string }> {
		return [{ name: 'main', readLog: () => this.main.readLog(), logFile: this.main.logFile }, ...this.workers, ...this.webhookProcessors];
	}

	/** WEBHOOK_URL on the workers and webhook processors right now. */
	get webhookUrlElsewhere(): WebhookUrlElsewhere {
		return this.elsewhere;
	}

	/**
	 * Restarts the workers and webhook processors with WEBHOOK_URL set like main's or not set at all.
	 * Main keeps the public URL.
	 */
	async setWebhookUrlElsewhere(mode: WebhookUrlElsewhere): Promise<void> {
		const WEBHOOK_URL = mode === 'unset' ? undefined : this.url;
		await Promise.all([...this.workers, ...this.webhookProcessors].map((proc) => proc.restart({ env: { WEBHOOK_URL } })));
		this.elsewhere = mode;
	}

	/** Every n8n process restarted with the package copied again (a new build), main first. */
	async restartN8n(): Promise<void> {
		await Promise.all([...this.workers, ...this.webhookProcessors].map((proc) => proc.stop()));
		await this.main.restart({ reinstallPackage: true });
		await Promise.all([...this.workers, ...this.webhookProcessors].map((proc) => proc.restart({ reinstallPackage: true })));
	}

	/** Stops every n8n process first (they hold database and Redis connections), then the services. */
	async stop(): Promise<void> {
		const settle = async (work: Array<Promise<unknown> | undefined>) => {
			await Promise.all(work.map((w) => w?.catch(() => undefined)));
		};
		await settle([...this.webhookProcessors, ...this.workers].map((proc) => proc.stop()));
		await settle([this.main.stop()]);
		await settle([this.proxy.close(), this.redis.stop(), this.postgres.stop()]);
	}
}
