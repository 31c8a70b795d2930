// Owns one long-running child (n8n, PostgreSQL, Redis): spawns it in its own process group, appends
// its output to a log file, and stops the whole group.
//
// The child runs under a tiny watchdog that holds a pipe from us: when our process dies for any reason
// (Ctrl-C on jest, a killed tsx, SIGKILL) the pipe closes and the watchdog stops the group. Exit hooks
// alone are not enough: code running inside jest's test sandbox never sees the real process's signals
// or 'exit'.
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface SuperviseOptions {
	command: string;
	args: string[];
	env: NodeJS.ProcessEnv;
	logFile: string;
	/** Written in the log header at each start, e.g. "n8n worker". */
	label: string;
	/** The signal that makes the program shut down cleanly (PostgreSQL: SIGINT = fast shutdown). */
	stopSignal?: NodeJS.Signals;
	/** Written with the process-group id so a crashed test run's leftovers can be killed later. */
	pidFile?: string;
	/** Called with each output line (dev mode echoes errors). */
	onLine?: (line: string) => void;
	/** Node binary that runs the watchdog (default: ours). */
	watchdogNode?: string;
}

/**
 * Plain JavaScript, run with `node -e`: argv = [stop signal, command, ...args]. It is the process-group
 * leader; a group signal (our stop()) reaches the program directly, so the watchdog ignores it, waits
 * for the program and mirrors its exit.
 */
const WATCHDOG = `
const [stopSignal, command, ...args] = process.argv.slice(1);
const child = require('node:child_process').spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
let orphaned = false;
process.on('SIGTERM', () => {});
process.on('SIGINT', () => {});
process.stdin.on('end', () => {
	if (orphaned) return;
	orphaned = true;
	try { process.kill(-process.pid, stopSignal); } catch {}
	setTimeout(() => { try { process.kill(-process.pid, 'SIGKILL'); } catch {} }, 20000).unref();
});
process.stdin.on('error', () => {});
process.stdin.resume();
child.on('error', (error) => { console.error(error.message); process.exit(127); });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
`;

export class SupervisedProcess {
	readonly pid: number;
	private exitCode: number | null | undefined;
	private readonly exitPromise: Promise<number | null>;

	private constructor(
		child: ChildProcess,
		readonly logFile: string,
		private readonly stopSignal: NodeJS.Signals,
		private readonly pidFile: string | undefined,
	) {
		this.pid = child.pid!;
		this.exitPromise = new Promise((resolve) => {
			child.on('exit', (code, signal) => {
				this.exitCode = code ?? (signal ? -1 : null);
				if (this.pidFile) fs.rmSync(this.pidFile, { force: true });
				resolve(this.exitCode);
			});
		});
	}

	static spawn(options: SuperviseOptions): SupervisedProcess {
		fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
		const log = fs.openSync(options.logFile, 'a');
		fs.writeSync(log, `\n===== ${options.label} ${new Date().toISOString()} =====\n`);
		const output = options.onLine ? 'pipe' : log;
		const stopSignal = options.stopSignal ?? 'SIGTERM';
		const child = spawn(options.watchdogNode ?? process.execPath, ['-e', WATCHDOG, stopSignal, options.command, ...options.args], {
			cwd: path.dirname(options.logFile),
			env: options.env,
			detached: true, // own process group: kill(-pid) reaches the watchdog, the program and its children
			stdio: ['pipe', output, output],
		});
		if (!child.pid) throw new Error(`could not start ${options.label} (${options.command})`);
		// Never written to; it only has to stay open while we live. unref: it must not keep us alive.
		(child.stdin as unknown as { unref(): void }).unref();
		if (options.onLine) {
			const onLine = options.onLine;
			let pending = '';
			const forward = (chunk: Buffer) => {
				fs.writeSync(log, chunk);
				pending += chunk.toString();
				const lines = pending.split('\n');
				pending = lines.pop() ?? '';
				for (const line of lines) onLine(line);
			};
			child.stdout!.on('data', forward);
			child.stderr!.on('data', forward);
		}
		child.on('exit', () => fs.closeSync(log));
		if (options.pidFile) fs.writeFileSync(options.pidFile, String(child.pid));
		return new SupervisedProcess(child, options.logFile, stopSignal, options.pidFile);
	}

	get hasExited(): boolean {
		return this.exitCode !== undefined;
	}

	waitForExit(): Promise<number | null> {
		return this.exitPromise;
	}

	killGroup(signal: NodeJS.Signals): void {
		try {
			process.kill(-this.pid, signal);
		} catch {
			// group already gone
		}
	}

	/** Graceful stop (n8n deregisters webhooks, PostgreSQL checkpoints), then force after a grace period. */
	async stop(graceMs = 20_000): Promise<void> {
		if (this.hasExited) return;
		this.killGroup(this.stopSignal);
		const timer = setTimeout(() => this.killGroup('SIGKILL'), graceMs);
		await this.exitPromise;
		clearTimeout(timer);
		// Children (n8n's task runner, PostgreSQL's backends) may outlive the program by a moment.
		this.killGroup('SIGKILL');
	}
}

/** Kills the process group recorded in a pid file, if it is still alive (crashed-run cleanup). */
export function killFromPidFile(pidFile: string): void {
	if (!fs.existsSync(pidFile) || !fs.statSync(pidFile).isFile()) return;
	const pid = Number(fs.readFileSync(pidFile, 'utf8'));
	try {
		if (pid > 0) process.kill(-pid, 'SIGKILL');
	} catch {
		// nothing left to kill
	}
	fs.rmSync(pidFile, { force: true });
}
