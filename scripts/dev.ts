// `npm run dev`: the one command to try the package in a real n8n.
//   deps (npm ci if stale) → build → TokPortal simulator with demo data (or the real API when
//   TOKPORTAL_API_KEY is set) → pinned n8n 2.x on 127.0.0.1:5678 with our package installed as a
//   community package → owner, "TokPortal account" credential, examples/*.json imported.
// Ctrl-C stops everything. The n8n user folder (.cache/n8n-dev-home) survives restarts.
// Options: --port <n8n port> (5678), --simulator-port <port> (4010), --watch (rebuild + restart
// n8n on changes in nodes/ or credentials/), --fresh (start from an empty user folder),
// --queue (n8n in queue mode: PostgreSQL + Redis, main + worker + 2 webhook processors behind a
// reverse proxy on --port; data in .cache/n8n-dev-queue, see scripts/n8n/queue-stack.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { N8nApiError } from './n8n/client';
import type { N8nClient } from './n8n/client';
import { DEFAULT_OWNER, N8nInstance } from './n8n/instance';
import { node24Env } from './n8n/node24env';
import { cacheDir, devHomeDir, REPO_ROOT } from './n8n/paths';
import { portIsFree, freePort } from './n8n/ports';
import { removeCluster } from './n8n/postgres';
import { provisionN8n } from './n8n/provision';
import { QueueStack } from './n8n/queue-stack';
import { killRunChildren, run } from './n8n/run';
import { ensureTokPortalCredential, importExamples, type TokPortalCredentialData } from './n8n/workspace';
import { startSimulator, type Simulator } from '../test/simulator';

const REAL_API = 'https://app.tokportal.com/api/ext';
const CREDENTIAL_NAME = 'TokPortal account';

const say = (message: string) => process.stdout.write(`[dev] ${message}\n`);

const { values: args } = parseArgs({
	options: {
		port: { type: 'string', default: process.env.TOKPORTAL_DEV_PORT ?? '5678' },
		'simulator-port': { type: 'string', default: '4010' },
		watch: { type: 'boolean', default: false },
		fresh: { type: 'boolean', default: false },
		queue: { type: 'boolean', default: false },
	},
});

/** What the rest of this script needs from n8n, whether one process or a queue-mode stack. */
interface DevN8n {
	client: N8nClient;
	/** What the user opens (the reverse proxy in queue mode). */
	baseUrl: string;
	webhookUrl: string;
	ownerState: 'created' | 'logged-in' | undefined;
	/** Lines describing where things run and where the logs are. */
	where: string[];
	/** Rebuilt package copied in again and every n8n process restarted. */
	restart(): Promise<void>;
	stop(): Promise<void>;
}

let n8n: DevN8n | undefined;
let simulator: Simulator | undefined;
let stopping = false;

async function shutdown(code: number): Promise<never> {
	if (!stopping) {
		stopping = true;
		say('stopping ...');
		killRunChildren();
		await n8n?.stop().catch(() => undefined);
		await simulator?.close().catch(() => undefined);
	}
	process.exit(code);
}

/** `npm ci` when node_modules is missing or older than the lock file (npm stamps .package-lock.json). */
async function ensureDependencies(): Promise<void> {
	const stamp = path.join(REPO_ROOT, 'node_modules', '.package-lock.json');
	const lock = path.join(REPO_ROOT, 'package-lock.json');
	if (fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs >= fs.statSync(lock).mtimeMs) return;
	say('installing dependencies (npm ci) ...');
	// The project's .npmrc (ignore-scripts, yes) applies here, as for any `npm ci` in the repo.
	await run('npm', ['ci'], { cwd: REPO_ROOT, env: node24Env(), label: 'npm ci' });
}

async function build(): Promise<void> {
	say('building (npm run build) ...');
	await run('npm', ['run', 'build'], { cwd: REPO_ROOT, env: node24Env(), label: 'build', quiet: true });
}

async function credentialData(): Promise<{ data: TokPortalCredentialData; target: string }> {
	const realKey = process.env.TOKPORTAL_API_KEY;
	if (realKey) {
		return { data: { apiKey: realKey, baseUrl: process.env.TOKPORTAL_BASE_URL ?? REAL_API }, target: 'the real TokPortal API (TOKPORTAL_API_KEY is set)' };
	}
	const wanted = Number(args['simulator-port']);
	const port = (await portIsFree(wanted)) ? wanted : await freePort();
	simulator = await startSimulator({ port, demo: true });
	return { data: { apiKey: simulator.apiKey, baseUrl: simulator.baseUrl }, target: `the simulator at ${simulator.url} (demo data)` };
}

/** N8N_* variables set in the shell reach n8n and win over the harness defaults. */
function shellN8nEnv(): Record<string, string> {
	return Object.fromEntries(
		Object.entries(process.env).filter((entry): entry is [string, string] => /^N8N_/.test(entry[0]) && entry[1] !== undefined),
	);
}

/** The full debug log goes to each process's file; show only n8n's errors here. */
function echoErrors(label: string): (line: string) => void {
	return (line) => {
		if (/^\S+\s+\|?\s*error\s/.test(line)) process.stdout.write(`[${label}] ${line}\n`);
	};
}

function dataFolder(): string {
	return args.queue ? path.join(cacheDir(), 'n8n-dev-queue') : devHomeDir();
}

async function loginHint<T>(start: () => Promise<T>): Promise<T> {
	try {
		return await start();
	} catch (error) {
		if (error instanceof N8nApiError && error.path === '/rest/login') {
			throw new Error(
				`the dev owner's password was changed in ${dataFolder()}; restore it, or run \`npm run dev -- ${args.queue ? '--queue ' : ''}--fresh\` to start over (deletes that folder)`,
			);
		}
		throw error;
	}
}

async function startSingle(port: number): Promise<DevN8n> {
	const instance = await loginHint(() =>
		N8nInstance.start({ userFolder: devHomeDir(), port, readyTimeoutMs: 300_000, env: shellN8nEnv(), onLine: echoErrors('n8n') }),
	);
	instance.onUnexpectedExit((code) => {
		say(`n8n exited unexpectedly (code ${code}); last log lines:\n${instance.logTail(40)}`);
		void shutdown(1);
	});
	return {
		client: instance.client,
		baseUrl: instance.baseUrl,
		webhookUrl: instance.webhookUrl,
		ownerState: instance.ownerState,
		where: [`  n8n log:     ${instance.logFile}`],
		restart: () => instance.restart({ reinstallPackage: true }),
		stop: () => instance.stop(),
	};
}

async function startQueue(port: number): Promise<DevN8n> {
	const stack = await loginHint(() =>
		QueueStack.start({
			dir: dataFolder(),
			proxyPort: port,
			env: shellN8nEnv(),
			say,
			onLine: (name, line) => echoErrors(name)(line),
		}),
	);
	const exited = (name: string, logTail: string) => (code: number | null) => {
		say(`n8n ${name} exited unexpectedly (code ${code}); last log lines:\n${logTail}`);
		void shutdown(1);
	};
	stack.main.onUnexpectedExit((code) => exited('main', stack.main.logTail(40))(code));
	for (const proc of [...stack.workers, ...stack.webhookProcessors]) proc.onUnexpectedExit((code) => exited(proc.name, proc.logTail(40))(code));
	const { connection } = stack.postgres;
	return {
		client: stack.main.client,
		baseUrl: stack.url,
		webhookUrl: stack.webhookUrl,
		ownerState: stack.main.ownerState,
		where: [
			`  queue mode:  proxy ${stack.url} → main ${stack.main.baseUrl} (editor, REST, activation)`,
			`               /webhook/* → ${stack.webhookProcessors.map((p) => `${p.name} :${p.port}`).join(', ')}; executions on ${stack.workers.map((w) => w.name).join(', ')}`,
			`  PostgreSQL:  127.0.0.1:${connection.port} database ${connection.database}, user ${connection.user}, password in ${path.join(dataFolder(), 'postgres', 'password')}`,
			`  Redis:       127.0.0.1:${stack.redis.port}`,
			`  n8n logs:    ${dataFolder()}/{main,worker-1,webhook-1,webhook-2}/n8n.log (started in ${Math.round(stack.timings.total / 1000)}s)`,
		],
		restart: () => stack.restartN8n(),
		stop: () => stack.stop(),
	};
}

function watchAndRestart(): void {
	let timer: NodeJS.Timeout | undefined;
	let busy = false;
	const rebuild = async () => {
		if (busy || !n8n) return;
		busy = true;
		try {
			await build();
			say('restarting n8n with the new build ...');
			await n8n.restart();
			say(`n8n is back at ${n8n.baseUrl}`);
		} catch (error) {
			say(`rebuild failed, n8n keeps the previous build: ${error instanceof Error ? error.message : String(error)}`);
		} finally {
			busy = false;
		}
	};
	for (const dir of ['nodes', 'credentials']) {
		fs.watch(path.join(REPO_ROOT, dir), { recursive: true }, () => {
			clearTimeout(timer);
			timer = setTimeout(() => void rebuild(), 500);
		});
	}
	say('watching nodes/ and credentials/ (rebuild + n8n restart on change)');
}

async function main(): Promise<void> {
	process.on('SIGINT', () => void shutdown(130));
	process.on('SIGTERM', () => void shutdown(143));

	const port = Number(args.port);
	if (!(await portIsFree(port))) throw new Error(`port ${port} is in use; stop the other n8n or pass --port <free port>`);
	if (args.fresh) {
		if (args.queue) removeCluster(path.join(dataFolder(), 'postgres'));
		fs.rmSync(dataFolder(), { recursive: true, force: true });
	}

	await ensureDependencies();
	await build();
	await provisionN8n();
	const { data, target } = await credentialData();
	say(`starting n8n${args.queue ? ' in queue mode' : ''} on 127.0.0.1:${port} (data in ${dataFolder()}) ...`);
	n8n = args.queue ? await startQueue(port) : await startSingle(port);

	const { credential, action } = await ensureTokPortalCredential(n8n.client, CREDENTIAL_NAME, data);
	say(`credential "${credential.name}" ${action}, pointing at ${target}`);
	const test = await n8n.client.testCredential(credential);
	say(`credential test: ${test.status}${test.status === 'OK' ? '' : ` (${test.message})`}`);
	const examples = await importExamples(n8n.client, credential);
	for (const example of examples) say(`workflow "${example.name}" (${example.file}): ${example.action}`);
	if (args.watch) watchAndRestart();

	const lines = [
		'',
		`n8n ${n8n.ownerState === 'created' ? 'is set up' : 'is running'}:  ${n8n.baseUrl}`,
		`  sign in:     ${DEFAULT_OWNER.email} / ${DEFAULT_OWNER.password}`,
		`  TokPortal:   ${target}`,
		...n8n.where,
		'',
		'Try first:',
		`  1. Overview → Credentials → "${CREDENTIAL_NAME}" → Test (should say the connection works).`,
		examples.length
			? `  2. Open "${examples[0]!.name}" → Execute workflow, then open the TokPortal node's output.`
			: '  2. New workflow → add "TokPortal" → pick an operation → Execute step.',
		`  3. Webhook triggers: production URLs start with ${n8n.webhookUrl} (publish the workflow first).`,
		'',
		`Ctrl-C stops n8n${args.queue ? ' (every process, PostgreSQL and Redis)' : ''} and the simulator.`,
	];
	process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch(async (error: unknown) => {
	say(error instanceof Error ? error.message : String(error));
	await shutdown(1);
});
