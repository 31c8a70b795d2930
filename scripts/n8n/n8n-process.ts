// One running n8n process (`n8n start`, `n8n worker` or `n8n webhook`), supervised: its own process
// group (n8n starts a task-runner child, which must die with it), output appended to a log file,
// stopped with the whole group, and stopped by its watchdog when our process dies.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { n8nEnv } from './n8n-env';
import { provisionN8n } from './provision';
import { SupervisedProcess } from './supervised-process';

export { killFromPidFile } from './supervised-process';
type N8nProcess = SupervisedProcess;

/** The n8n CLI commands of a queue-mode deployment (https://docs.n8n.io/hosting/scaling/queue-mode/). */
export type N8nCommand = 'start' | 'worker' | 'webhook';

interface SpawnN8nOptions {
	nodeBin: string;
	n8nBin: string;
	/** Default `start` (editor, REST API, trigger activation; runs executions unless in queue mode). */
	command?: N8nCommand;
	env: NodeJS.ProcessEnv;
	logFile: string;
	/** Written with the process-group id so a crashed test run's leftovers can be killed later. */
	pidFile?: string;
	/** Called with each output line (dev mode echoes errors). */
	onLine?: (line: string) => void;
}

function spawnN8n(options: SpawnN8nOptions): N8nProcess {
	const command = options.command ?? 'start';
	return SupervisedProcess.spawn({
		command: options.nodeBin,
		args: [options.n8nBin, command],
		watchdogNode: options.nodeBin,
		env: options.env,
		logFile: options.logFile,
		label: `n8n ${command}`,
		pidFile: options.pidFile,
		onLine: options.onLine,
	});
}

export interface N8nServiceStart {
	command?: N8nCommand;
	port: number;
	brokerPort: number;
	/** Extra environment; `undefined` removes a variable. */
	env: Record<string, string | undefined>;
	readyTimeoutMs: number;
	/** Whether n8n is ready for what this role does (polled every 500 ms until the timeout). */
	isReady: () => Promise<boolean>;
	onLine?: (line: string) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What main, workers and webhook processors share: n8n started in a user folder with its log there,
 * ready when the role says so (stopped again if it never gets there), a crash — not a stop — reported
 * to listeners, stopped gracefully or killed.
 */
export class N8nService {
	private proc: N8nProcess | undefined;
	private readonly exitListeners: Array<(code: number | null) => void> = [];
	readonly logFile: string;

	constructor(
		private readonly userFolder: string,
		/** Names the process in errors, e.g. "n8n" or "n8n worker-1". */
		private readonly label: string,
	) {
		this.logFile = path.join(userFolder, 'n8n.log');
	}

	get running(): boolean {
		return !!this.proc && !this.proc.hasExited;
	}

	async start(options: N8nServiceStart): Promise<void> {
		const { nodeBin, n8nBin } = await provisionN8n();
		const proc = spawnN8n({
			nodeBin,
			n8nBin,
			command: options.command,
			env: n8nEnv({ userFolder: this.userFolder, port: options.port, brokerPort: options.brokerPort, extra: options.env }),
			logFile: this.logFile,
			pidFile: path.join(this.userFolder, 'n8n.pid'),
			onLine: options.onLine,
		});
		this.proc = proc;
		void proc.waitForExit().then((code) => {
			// Only a crash: stop() and kill() clear this.proc before the process goes.
			if (this.proc === proc) for (const listener of this.exitListeners) listener(code);
		});
		try {
			await this.waitUntilReady(options);
		} catch (error) {
			await this.stop();
			throw error;
		}
	}

	private async waitUntilReady({ readyTimeoutMs, isReady }: N8nServiceStart): Promise<void> {
		const deadline = Date.now() + readyTimeoutMs;
		for (;;) {
			if (this.proc?.hasExited) throw new Error(`${this.label} exited during startup; log tail:\n${this.logTail()}`);
			if (await isReady()) return;
			if (Date.now() > deadline) throw new Error(`${this.label} not ready after ${readyTimeoutMs} ms; log tail:\n${this.logTail()}`);
			await sleep(500);
		}
	}

	/** Graceful stop, waiting up to `graceMs` before the group is killed. */
	async stop(graceMs?: number): Promise<void> {
		const proc = this.proc;
		this.proc = undefined;
		await proc?.stop(graceMs);
	}

	/** A crash: SIGKILL to the whole group, nothing gets to clean up (the machine died, OOM killer…). */
	async kill(): Promise<void> {
		const proc = this.proc;
		this.proc = undefined;
		proc?.killGroup('SIGKILL');
		await proc?.waitForExit();
	}

	/** Called when n8n dies on its own (not through stop/kill), e.g. to end `npm run dev`. */
	onUnexpectedExit(listener: (code: number | null) => void): void {
		this.exitListeners.push(listener);
	}

	readLog(): string {
		return fs.existsSync(this.logFile) ? fs.readFileSync(this.logFile, 'utf8') : '';
	}

	logTail(lines = 60): string {
		return this.readLog().split('\n').slice(-lines).join('\n');
	}
}
