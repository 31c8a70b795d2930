// `npm run dev`: the one command to try the package in a real n8n.
//   deps (npm ci if stale) → build → TokPortal simulator with demo data (or the real API when
//   TOKPORTAL_API_KEY is set) → pinned n8n 2.x on 127.0.0.1:5678 with our package installed as a
//   community package → owner, "TokPortal account" credential, examples/*.json imported.
// Ctrl-C stops everything. The n8n user folder (.cache/n8n-dev-home) survives restarts.
// Options: --port <n8n port> (5678), --simulator-port <port> (4010), --watch (rebuild + restart
// n8n on changes in nodes/ or credentials/), --fresh (start from an empty user folder).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { N8nApiError } from './n8n/client';
import { DEFAULT_OWNER, N8nInstance } from './n8n/instance';
import { node24Env } from './n8n/node24env';
import { devHomeDir, REPO_ROOT } from './n8n/paths';
import { portIsFree, freePort } from './n8n/ports';
import { provisionN8n } from './n8n/provision';
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
	},
});

let n8n: N8nInstance | undefined;
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

async function startN8n(port: number): Promise<N8nInstance> {
	try {
		return await N8nInstance.start({
			userFolder: devHomeDir(),
			port,
			readyTimeoutMs: 300_000,
			// N8N_* variables set in the shell reach n8n and win over the harness defaults.
			env: Object.fromEntries(
				Object.entries(process.env).filter((entry): entry is [string, string] => /^N8N_/.test(entry[0]) && entry[1] !== undefined),
			),
			// The full debug log goes to the file; show only n8n's errors here.
			onLine: (line) => {
				if (/^\S+\s+error\s/.test(line)) process.stdout.write(`[n8n] ${line}\n`);
			},
		});
	} catch (error) {
		if (error instanceof N8nApiError && error.path === '/rest/login') {
			throw new Error(
				`the dev owner's password was changed in ${devHomeDir()}; restore it, or run \`npm run dev -- --fresh\` to start over (deletes that folder)`,
			);
		}
		throw error;
	}
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
			await n8n.restart({ reinstallPackage: true });
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
	if (args.fresh) fs.rmSync(devHomeDir(), { recursive: true, force: true });

	await ensureDependencies();
	await build();
	await provisionN8n();
	const { data, target } = await credentialData();
	say(`starting n8n on 127.0.0.1:${port} (user folder ${devHomeDir()}) ...`);
	n8n = await startN8n(port);
	n8n.onUnexpectedExit((code) => {
		say(`n8n exited unexpectedly (code ${code}); last log lines:\n${n8n?.logTail(40) ?? ''}`);
		void shutdown(1);
	});

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
		`  n8n log:     ${n8n.logFile}`,
		'',
		'Try first:',
		`  1. Overview → Credentials → "${CREDENTIAL_NAME}" → Test (should say the connection works).`,
		examples.length
			? `  2. Open "${examples[0]!.name}" → Execute workflow, then open the TokPortal node's output.`
			: '  2. New workflow → add "TokPortal" → pick an operation → Execute step.',
		`  3. Webhook triggers: production URLs start with ${n8n.webhookUrl} (publish the workflow first).`,
		'',
		'Ctrl-C stops n8n and the simulator.',
	];
	process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch(async (error: unknown) => {
	say(error instanceof Error ? error.message : String(error));
	await shutdown(1);
});
