// PostgreSQL and Redis for the queue-mode stack come from Debian packages: installed with apt-get when
// their programs are missing (CI runs as root on a fresh Debian machine), never started as services —
// the stack runs its own instances as plain processes (see postgres.ts, redis.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run } from './run';

export interface DebianPackage {
	name: string;
	/** True when the programs the stack needs are present. */
	installed(): boolean;
}

const say = (message: string) => process.stderr.write(`[packages] ${message}\n`);

/** Debian installs each PostgreSQL major version under /usr/lib/postgresql/<major>/bin. */
export function postgresBinDir(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return undefined;
	const majors = fs
		.readdirSync(root)
		.filter((entry) => /^\d+$/.test(entry) && fs.existsSync(path.join(root, entry, 'bin', 'postgres')))
		.sort((a, b) => Number(b) - Number(a));
	return majors[0] ? path.join(root, majors[0], 'bin') : undefined;
}

/** First match on PATH (plus the sbin folders a non-login root shell may lack). */
export function findProgram(name: string): string | undefined {
	const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/bin', '/sbin', '/bin'];
	for (const dir of dirs) {
		const candidate = path.join(dir, name);
		if (dir && fs.existsSync(candidate)) return candidate;
	}
	return undefined;
}

export const POSTGRESQL: DebianPackage = { name: 'postgresql', installed: () => postgresBinDir() !== undefined };
export const REDIS: DebianPackage = { name: 'redis-server', installed: () => findProgram('redis-server') !== undefined };

function isRoot(): boolean {
	return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** True when `apt-get update` has never run here (fresh containers ship without package lists). */
function packageListsEmpty(): boolean {
	const lists = '/var/lib/apt/lists';
	return !fs.existsSync(lists) || !fs.readdirSync(lists).some((entry) => entry.includes('_Packages'));
}

async function aptGet(args: string[]): Promise<void> {
	await run('apt-get', ['-o', 'DPkg::Lock::Timeout=300', ...args], {
		cwd: '/',
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		label: 'apt-get',
		quiet: true,
	});
}

/** Installs the missing packages; a no-op (no apt-get call) when all are there. */
export async function ensureDebianPackages(packages: DebianPackage[]): Promise<void> {
	const missing = packages.filter((p) => !p.installed()).map((p) => p.name);
	if (missing.length === 0) return;
	if (!isRoot() || !findProgram('apt-get')) {
		throw new Error(
			`queue mode needs the Debian packages ${missing.join(' and ')}: run \`sudo apt-get install -y ${missing.join(' ')}\` (or install PostgreSQL and Redis with your system's package manager), then try again`,
		);
	}
	const started = Date.now();
	say(`installing ${missing.join(' ')} with apt-get ...`);
	if (packageListsEmpty()) await aptGet(['update']);
	try {
		await aptGet(['install', '-y', '--no-install-recommends', ...missing]);
	} catch {
		// Stale package lists name versions the mirror no longer has: refresh once and retry.
		await aptGet(['update']);
		await aptGet(['install', '-y', '--no-install-recommends', ...missing]);
	}
	const still = packages.filter((p) => !p.installed()).map((p) => p.name);
	if (still.length > 0) throw new Error(`apt-get finished but ${still.join(', ')} is still missing`);
	say(`installed ${missing.join(' ')} in ${Math.round((Date.now() - started) / 1000)}s`);
}
