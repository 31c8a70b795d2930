// Run a child process to completion, streaming its output, and fail loudly on a non-zero exit.
import { spawn } from 'node:child_process';

export interface RunOptions {
	cwd: string;
	env: NodeJS.ProcessEnv;
	/** Prefix for streamed lines so interleaved output stays readable. */
	label: string;
	/** Stream output to our stderr (default) or keep quiet and only show it on failure. */
	quiet?: boolean;
}

export async function run(command: string, args: string[], options: RunOptions): Promise<string> {
	return new Promise((resolve, reject) => {
		// Same process group as us (not detached): Ctrl-C in the terminal reaches npm and its
		// compilers directly, also when we run inside jest's globalSetup.
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		if (child.pid) activeChildren.add(child.pid);
		let output = '';
		const onData = (chunk: Buffer) => {
			const text = chunk.toString();
			output += text;
			if (!options.quiet) {
				for (const line of text.split('\n')) if (line.trim()) process.stderr.write(`[${options.label}] ${line}\n`);
			}
		};
		child.stdout!.on('data', onData);
		child.stderr!.on('data', onData);
		child.on('error', (error) => {
			activeChildren.delete(child.pid!);
			reject(error);
		});
		child.on('close', (code, signal) => {
			activeChildren.delete(child.pid!);
			if (code === 0) resolve(output);
			else {
				const tail = output.split('\n').slice(-40).join('\n');
				reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`}) in ${options.cwd}\n${tail}`));
			}
		});
	});
}

/** Running children, so a SIGTERM'd provision/dev does not leave npm running. */
const activeChildren = new Set<number>();

export function killRunChildren(): void {
	for (const pid of activeChildren) {
		try {
			process.kill(pid, 'SIGTERM'); // npm passes it on to the scripts it runs
		} catch {
			// already gone
		}
	}
	activeChildren.clear();
}
