// One n8n worker (`n8n worker`) or webhook processor (`n8n webhook`) of a queue-mode stack: its own
// user folder with our package installed (every process that runs or serves a TokPortal node must
// load it), its own ports, ready when its /healthz/readiness answers 200 (database migrated, Redis
// connected, jobs or webhooks being taken).
import * as fs from 'node:fs';
import { installCommunityPackage } from './community-package';
import { N8nService } from './n8n-process';
import { waitUntilFree } from './ports';

export type QueueRole = 'worker' | 'webhook';

export interface QueueProcessOptions {
	/** e.g. "worker-1", "webhook-2": log labels and route records use it. */
	name: string;
	role: QueueRole;
	userFolder: string;
	/** The webhook processor's HTTP port, or the worker's health-check port. */
	port: number;
	brokerPort: number;
	/** Queue-mode environment (database, Redis, encryption key, WEBHOOK_URL…); `undefined` removes one. */
	env: Record<string, string | undefined>;
	readyTimeoutMs?: number;
	onLine?: (line: string) => void;
}

export class QueueProcess {
	private readonly service: N8nService;

	private constructor(private readonly options: QueueProcessOptions) {
		this.service = new N8nService(options.userFolder, `n8n ${options.name}`);
	}

	static async start(options: QueueProcessOptions): Promise<QueueProcess> {
		const created = new QueueProcess(options);
		installCommunityPackage(options.userFolder);
		await created.boot();
		return created;
	}

	get name(): string {
		return this.options.name;
	}

	get port(): number {
		return this.options.port;
	}

	get running(): boolean {
		return this.service.running;
	}

	get logFile(): string {
		return this.service.logFile;
	}

	/** The environment this process runs with (tests compare WEBHOOK_URL between processes). */
	get env(): Readonly<Record<string, string | undefined>> {
		return this.options.env;
	}

	private roleEnv(): Record<string, string> {
		if (this.options.role === 'webhook') return {};
		return {
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(this.options.port),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		};
	}

	private async boot(): Promise<void> {
		fs.mkdirSync(this.options.userFolder, { recursive: true });
		for (const port of [this.options.port, this.options.brokerPort]) {
			if (!(await waitUntilFree(port))) throw new Error(`${this.name}: port ${port} on 127.0.0.1 is in use`);
		}
		await this.service.start({
			command: this.options.role,
			port: this.options.port,
			brokerPort: this.options.brokerPort,
			env: { ...this.options.env, ...this.roleEnv() },
			readyTimeoutMs: this.options.readyTimeoutMs ?? 180_000,
			isReady: async () => {
				try {
					return (await fetch(`http://127.0.0.1:${this.options.port}/healthz/readiness`)).status === 200;
				} catch {
					return false; // not listening yet
				}
			},
			onLine: this.options.onLine,
		});
	}

	/** Graceful stop: a worker finishes (up to N8N_GRACEFUL_SHUTDOWN_TIMEOUT) the executions it holds. */
	async stop(): Promise<void> {
		await this.service.stop(45_000);
	}

	/** A crash: SIGKILL to the whole group, nothing gets to clean up (the machine died, OOM killer…). */
	async kill(): Promise<void> {
		await this.service.kill();
	}

	/** Same user folder and ports; `env` changes are kept for later restarts. */
	async restart({ env = {}, reinstallPackage = false }: { env?: Record<string, string | undefined>; reinstallPackage?: boolean } = {}): Promise<void> {
		await this.stop();
		Object.assign(this.options.env, env);
		if (reinstallPackage) installCommunityPackage(this.options.userFolder);
		await this.boot();
	}

	/** Called when the process dies on its own (not through stop/kill/restart), e.g. to end `npm run dev`. */
	onUnexpectedExit(listener: (code: number | null) => void): void {
		this.service.onUnexpectedExit(listener);
	}

	/** Starts again after stop() or kill(). */
	async start(): Promise<void> {
		if (this.running) return;
		await this.boot();
	}

	readLog(): string {
		return this.service.readLog();
	}

	logTail(lines = 40): string {
		return this.service.logTail(lines);
	}
}
