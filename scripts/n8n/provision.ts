// Ensures the pinned n8n is installed in the git-ignored cache with its native modules built for
// Node 24. Cold: ~7 minutes (install ~4, native rebuild ~3). Warm: a marker-file check.
//   CLI: bash scripts/node24.sh npx tsx scripts/n8n/provision.ts
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { node24Env } from './node24env';
import { cacheDir, N8N_VERSION, n8nBin, n8nInstallDir, node24Bin, node24Dir, NODE24_VERSION, REPO_ROOT } from './paths';
import { killRunChildren, run } from './run';

export interface Provisioned {
	nodeBin: string;
	n8nBin: string;
	installDir: string;
}

/** Natives n8n needs at runtime; the rest (kafka, etc.) are optional and stay unbuilt. */
const NATIVE_MODULES = ['sqlite3', 'isolated-vm'];

const MARKER = '.provisioned.json';

function log(message: string): void {
	process.stderr.write(`[provision] ${message}\n`);
}

function markerContent(): string {
	return JSON.stringify({ n8n: N8N_VERSION, node: NODE24_VERSION });
}

function isProvisioned(dir: string): boolean {
	try {
		return fs.readFileSync(path.join(dir, MARKER), 'utf8') === markerContent() && fs.existsSync(n8nBin());
	} catch {
		return false;
	}
}

export async function ensureNode24(): Promise<string> {
	if (!fs.existsSync(node24Bin())) {
		// node24.sh owns the Node download; reuse it so there is one way to get Node 24.
		await run('bash', [path.join(REPO_ROOT, 'scripts', 'node24.sh'), 'node', '--version'], {
			cwd: REPO_ROOT,
			env: node24Env(),
			label: 'node24',
		});
	}
	return node24Bin();
}

/** Two provisions at once (dev + e2e) would corrupt one install; serialise them with a lock file. */
async function withLock<T>(lockFile: string, fn: () => Promise<T>): Promise<T> {
	fs.mkdirSync(path.dirname(lockFile), { recursive: true });
	for (let announced = false; ; ) {
		try {
			fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
			break;
		} catch {
			const owner = Number(fs.readFileSync(lockFile, 'utf8')) || 0;
			if (!owner || !processAlive(owner)) {
				fs.rmSync(lockFile, { force: true }); // stale: its owner died mid-install
				continue;
			}
			if (!announced) log(`waiting for another provision (pid ${owner}) to finish`);
			announced = true;
			await new Promise((resolve) => setTimeout(resolve, 2000));
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lockFile, { force: true });
	}
}

function processAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** Long npm steps print little; a heartbeat shows we are not hung. */
async function timed<T>(what: string, fn: () => Promise<T>): Promise<T> {
	const start = Date.now();
	log(`${what} ...`);
	const timer = setInterval(() => log(`${what}: ${Math.round((Date.now() - start) / 1000)}s`), 30_000);
	try {
		const result = await fn();
		log(`${what}: done in ${Math.round((Date.now() - start) / 1000)}s`);
		return result;
	} finally {
		clearInterval(timer);
	}
}

/**
 * Loading the natives under Node 24 is the real check: a rebuild silently skipped (ignore-scripts)
 * or compiled against Node 20 headers fails here with a missing binding or an ABI mismatch.
 */
function verifyNatives(dir: string): void {
	const probe = `
		const sqlite3 = require('sqlite3');
		const db = new sqlite3.Database(':memory:');
		db.close();
		const ivm = require('isolated-vm');
		const isolate = new ivm.Isolate({ memoryLimit: 16 });
		const result = isolate.compileScriptSync('6 * 7').runSync(isolate.createContextSync());
		isolate.dispose();
		if (result !== 42) throw new Error('isolated-vm returned ' + result);
		console.log('natives ok under node ' + process.version);
	`;
	const result = spawnSync(node24Bin(), ['-e', probe], { cwd: dir, env: node24Env(), encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`native modules do not load under Node 24:\n${result.stderr}`);
	log(result.stdout.trim());
}

export async function provisionN8n(): Promise<Provisioned> {
	const dir = n8nInstallDir();
	const done = (): Provisioned => ({ nodeBin: node24Bin(), n8nBin: n8nBin(), installDir: dir });
	if (isProvisioned(dir)) return done();

	await ensureNode24();
	return withLock(path.join(cacheDir(), `n8n-${N8N_VERSION}.lock`), async () => {
		if (isProvisioned(dir)) return done(); // another process finished while we waited
		log(`installing n8n@${N8N_VERSION} into ${dir} (cold cache: ~7 minutes)`);
		// No marker means a previous attempt did not finish: start from scratch.
		fs.rmSync(dir, { recursive: true, force: true });
		fs.mkdirSync(dir, { recursive: true });
		// Its own package.json makes this folder npm's project root, so the repo's .npmrc
		// (ignore-scripts=true) is not read by the commands below.
		fs.writeFileSync(
			path.join(dir, 'package.json'),
			JSON.stringify({ name: 'tokportal-n8n-runtime', private: true, description: 'cache, see scripts/n8n/provision.ts' }, null, 2),
		);
		const env = node24Env();
		const npmFlags = ['--no-audit', '--no-fund', '--yes', '--loglevel=warn'];
		await timed(`npm install n8n@${N8N_VERSION}`, () =>
			// Scripts off: dozens of optional natives (kafka, ...) would try to compile; we build only
			// what n8n needs next.
			run('npm', ['install', `n8n@${N8N_VERSION}`, '--prefix', dir, '--ignore-scripts', '--save-exact', ...npmFlags], {
				cwd: dir,
				env,
				label: 'npm install',
			}),
		);
		await timed(`npm rebuild ${NATIVE_MODULES.join(' ')} for Node ${NODE24_VERSION}`, () =>
			run(
				'npm',
				[
					'rebuild',
					...NATIVE_MODULES,
					'--prefix',
					dir,
					'--ignore-scripts=false',
					'--build-from-source',
					`--nodedir=${node24Dir()}`,
					'--foreground-scripts',
					...npmFlags,
				],
				// JOBS: node-gyp compiles with one job by default; sqlite3 + isolated-vm take minutes.
				{ cwd: dir, env: { ...env, JOBS: String(os.availableParallelism()) }, label: 'npm rebuild', quiet: true },
			),
		);
		verifyNatives(dir);
		fs.writeFileSync(path.join(dir, MARKER), markerContent());
		log(`n8n@${N8N_VERSION} ready`);
		return done();
	});
}

if (require.main === module) {
	const start = Date.now();
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.on(signal, () => {
			killRunChildren();
			process.exit(130);
		});
	}
	provisionN8n().then(
		(result) => {
			log(`n8n at ${result.n8nBin} (checked in ${((Date.now() - start) / 1000).toFixed(1)}s)`);
		},
		(error: unknown) => {
			killRunChildren();
			log(error instanceof Error ? error.message : String(error));
			process.exit(1);
		},
	);
}
