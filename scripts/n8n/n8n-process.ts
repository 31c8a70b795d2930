// One running n8n process (`n8n start`, `n8n worker` or `n8n webhook`), supervised: its own process
// group (n8n starts a task-runner child, which must die with it), output appended to a log file,
// stopped with the whole group, and stopped by its watchdog when our process dies.
import { SupervisedProcess } from './supervised-process';

export { killFromPidFile } from './supervised-process';
export type N8nProcess = SupervisedProcess;

/** The n8n CLI commands of a queue-mode deployment (https://docs.n8n.io/hosting/scaling/queue-mode/). */
export type N8nCommand = 'start' | 'worker' | 'webhook';

export interface SpawnN8nOptions {
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

export function spawnN8n(options: SpawnN8nOptions): N8nProcess {
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
