// One n8n worker (`n8n worker`) or webhook processor (`n8n webhook`) of a queue-mode stack: its own
// user folder with our package installed (every process that runs or serves a TokPortal node must
// load it), its own ports, ready when its /healthz/readiness answers 200 (database migrated, Redis
// connected, jobs or webhooks being taken).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { installCommunityPackage } from './community-package';
import { n8nEnv } from './n8n-env';
import { type N8nProcess, spawnN8n } from './n8n-process';
import { waitUntilFree } from './ports';
import { provisionN8n } from './provision';

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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class QueueProcess {
	private proc: N8nProcess | undefined;
	readonly logFile: string;
	private readonly exitListeners: Array<(code: number | null) => void> = [];

	private constructor(private readonly options: QueueProcessOptions) {
		this.logFile = path.join(options.userFolder, 'n8n.log');
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
		return !!this.proc && !this.proc.hasExited;
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
		const { nodeBin, n8nBin } = await provisionN8n();
		fs.mkdirSync(this.options.userFolder, { recursive: true });
		for (const port of [this.options.port, this.options.brokerPort]) {
			if (!(await waitUntilFree(port))) throw new Error(`${this.name}: port ${port} on 127.0.0.1 is in use`);
		}
		this.proc = spawnN8n({
			nodeBin,
			n8nBin,
			command: this.options.role,
			env: n8nEnv({
				userFolder: this.options.userFolder,
				port: this.options.port,
				brokerPort: this.options.brokerPort,
				extra: { ...this.options.env, ...this.roleEnv() },
			}),
			logFile: this.logFile,
			pidFile: path.join(this.options.userFolder, 'n8n.pid'),
			onLine: this.options.onLine,
		});
		const proc = this.proc;
		void proc.waitForExit().then((code) => {
			// Only a crash: stop(), kill() and restart() clear this.proc before the process goes.
			if (this.proc === proc) for (const listener of this.exitListeners) listener(code);
		});
		try {
			await this.waitUntilReady(this.options.readyTimeoutMs ?? 180_000);
		} catch (error) {
			await this.stop();
			throw error;
		}
	}

	private async waitUntilReady(timeoutMs: number): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			if (this.proc?.hasExited) throw new Error(`n8n ${this.name} exited during startup; log tail:\n${this.logTail()}`);
			try {
				const response = await fetch(`http://127.0.0.1:${this.options.port}/healthz/readiness`);
				if (response.status === 200) return;
			} catch {
				// not listening yet
			}
			if (Date.now() > deadline) throw new Error(`n8n ${this.name} not ready after ${timeoutMs} ms; log tail:\n${this.logTail()}`);
			await sleep(500);
		}
	}

	/** Graceful stop: a worker finishes (up to N8N_GRACEFUL_SHUTDOWN_TIMEOUT) the executions it holds. */
	async stop(): Promise<void> {
		const proc = this.proc;
		this.proc = undefined;
		await proc?.stop(45_000);
	}

	/** A crash: SIGKILL to the whole group, nothing gets to clean up (the machine died, OOM killer…). */
	async kill(): Promise<void> {
		const proc = this.proc;
		this.proc = undefined;
		proc?.killGroup('SIGKILL');
		await proc?.waitForExit();
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
		this.exitListeners.push(listener);
	}

	/** Starts again after stop() or kill(). */
	async start(): Promise<void> {
		if (this.running) return;
		await this.boot();
	}

	readLog(): string {
		return fs.existsSync(this.logFile) ? fs.readFileSync(this.logFile, 'utf8') : '';
	}

	logTail(lines = 40): string {
		return this.readLog().split('\n').slice(-lines).join('\n');
	}
}
