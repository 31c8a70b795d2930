// Owns one running n8n process: spawns it in its own process group (n8n starts a task-runner child,
// which must die with it), appends its output to a log file, and stops the whole group.
//
// n8n runs under a tiny watchdog that holds a pipe from us: when our process dies for any reason
// (Ctrl-C on jest, a killed tsx, SIGKILL) the pipe closes and the watchdog stops n8n. Exit hooks
// alone are not enough: code running inside jest's test sandbox never sees the real process's
// signals or 'exit'.
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface SpawnN8nOptions {
	nodeBin: string;
	n8nBin: string;
	env: NodeJS.ProcessEnv;
	logFile: string;
	/** Written with the process-group id so a crashed test run's leftovers can be killed later. */
	pidFile?: string;
	/** Called with each output line (dev mode echoes errors). */
	onLine?: (line: string) => void;
}

/**
 * Plain JavaScript, run with `node -e`: argv = [n8n bin]. It is the process-group leader; a group
 * SIGTERM (our stop()) reaches n8n directly, so the watchdog just waits for n8n and mirrors its exit.
 */
const WATCHDOG = `
const { spawn } = require('node:child_process');
const n8n = spawn(process.execPath, [process.argv[1], 'start'], { stdio: ['ignore', 'inherit', 'inherit'] });
let orphaned = false;
process.on('SIGTERM', () => {});
process.on('SIGINT', () => {});
process.stdin.on('end', () => {
	if (orphaned) return;
	orphaned = true;
	try { process.kill(-process.pid, 'SIGTERM'); } catch {}
	setTimeout(() => { try { process.kill(-process.pid, 'SIGKILL'); } catch {} }, 20000).unref();
});
process.stdin.on('error', () => {});
process.stdin.resume();
n8n.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
`;

export class N8nProcess {
	readonly pid: number;
	private exitCode: number | null | undefined;
	private readonly exitPromise: Promise<number | null>;

	private constructor(
		child: ChildProcess,
		readonly logFile: string,
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

	static spawn(options: SpawnN8nOptions): N8nProcess {
		fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
		const log = fs.openSync(options.logFile, 'a');
		fs.writeSync(log, `\n===== n8n start ${new Date().toISOString()} =====\n`);
		const output = options.onLine ? 'pipe' : log;
		const child = spawn(options.nodeBin, ['-e', WATCHDOG, options.n8nBin], {
			cwd: path.dirname(options.logFile),
			env: options.env,
			detached: true, // own process group: kill(-pid) reaches the watchdog, n8n and its task runner
			stdio: ['pipe', output, output],
		});
		if (!child.pid) throw new Error(`could not start n8n (${options.nodeBin} ${options.n8nBin})`);
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
		return new N8nProcess(child, options.logFile, options.pidFile);
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

	/** Graceful stop (n8n deregisters webhooks, flushes the DB), then force after a grace period. */
	async stop(graceMs = 20_000): Promise<void> {
		if (this.hasExited) return;
		this.killGroup('SIGTERM');
		const timer = setTimeout(() => this.killGroup('SIGKILL'), graceMs);
		await this.exitPromise;
		clearTimeout(timer);
		// The task runner may outlive the main process by a moment.
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
