// A private PostgreSQL server for the queue-mode stack: Debian's binaries, a data folder of our own,
// TCP on 127.0.0.1 only (no Unix socket), password authentication, run in the foreground under our
// supervisor (so it stops with us). PostgreSQL refuses to run as root: as root, every server-side
// program runs as the `postgres` user the Debian package creates (runuser).
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { postgresBinDir } from './debian-packages';
import { run } from './run';
import { SupervisedProcess } from './supervised-process';

export interface PostgresOptions {
	/** Holds the cluster (`data/`), the generated password and the server log; created if missing. */
	dir: string;
	port: number;
	/** Throw-away clusters (tests) skip fsync: faster, and a crash only loses test data. */
	ephemeral?: boolean;
}

export interface PostgresConnection {
	host: string;
	port: number;
	user: string;
	password: string;
	database: string;
}

const SERVER_USER = 'postgres';
const DB_USER = 'n8n';
const DATABASE = 'n8n';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function isRoot(): boolean {
	return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** The command line that runs `program` as the server user (ourselves unless we are root). */
function asServerUser(program: string, args: string[]): [string, string[]] {
	return isRoot() ? ['runuser', ['-u', SERVER_USER, '--', program, ...args]] : [program, args];
}

function binary(name: string): string {
	const dir = postgresBinDir();
	if (!dir) throw new Error('PostgreSQL is not installed (expected /usr/lib/postgresql/<version>/bin)');
	return path.join(dir, name);
}

async function asRoot(command: string, args: string[]): Promise<void> {
	await run(command, args, { cwd: '/', env: process.env, label: command, quiet: true });
}

async function serverUserCanEnter(dir: string): Promise<boolean> {
	try {
		await asRoot('runuser', ['-u', SERVER_USER, '--', 'test', '-x', dir]);
		return true;
	} catch {
		return false;
	}
}

/** Written next to the password when the cluster had to live elsewhere. */
const LOCATION_FILE = 'data-location';

/**
 * Where the cluster lives: `<dir>/data` when the postgres user can reach `dir`; as root in a private
 * tree (a checkout under /root), a folder of its own under the postgres user's home instead, named
 * after `dir` so the next start finds it again.
 */
async function clusterDir(dir: string): Promise<string> {
	if (!isRoot() || (await serverUserCanEnter(dir))) return path.join(dir, 'data');
	const home = path.join('/var/lib/postgresql', `tokportal-${createHash('sha1').update(path.resolve(dir)).digest('hex').slice(0, 12)}`);
	fs.mkdirSync(home, { recursive: true, mode: 0o700 });
	await asRoot('chown', [`${SERVER_USER}:`, home]);
	fs.writeFileSync(path.join(dir, LOCATION_FILE), `${home}\n`);
	return path.join(home, 'data');
}

/** An empty data folder owned by the server user (initdb wants it empty or missing). */
async function prepareDataDir(dataDir: string): Promise<void> {
	fs.rmSync(dataDir, { recursive: true, force: true }); // an initdb that did not finish
	fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
	if (isRoot()) await asRoot('chown', [`${SERVER_USER}:`, dataDir]);
}

/** Deletes a stopped cluster: `dir` and, if it had to live elsewhere, that folder too. */
export function removeCluster(dir: string): void {
	const location = path.join(dir, LOCATION_FILE);
	if (fs.existsSync(location)) fs.rmSync(fs.readFileSync(location, 'utf8').trim(), { recursive: true, force: true });
	fs.rmSync(dir, { recursive: true, force: true });
}

export class PostgresServer {
	private constructor(
		private readonly proc: SupervisedProcess,
		readonly connection: PostgresConnection,
		readonly logFile: string,
	) {}

	static async start(options: PostgresOptions): Promise<PostgresServer> {
		const passwordFile = path.join(options.dir, 'password');
		const logFile = path.join(options.dir, 'postgres.log');
		fs.mkdirSync(options.dir, { recursive: true });
		if (!fs.existsSync(passwordFile)) fs.writeFileSync(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
		const password = fs.readFileSync(passwordFile, 'utf8');
		const dataDir = await clusterDir(options.dir);

		if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
			await prepareDataDir(dataDir);
			// initdb reads the password from a file, which the server user must be able to read.
			const pwFile = path.join(path.dirname(dataDir), `.initdb-pw-${process.pid}`);
			fs.writeFileSync(pwFile, password, { mode: 0o600 });
			if (isRoot()) await asRoot('chown', [`${SERVER_USER}:`, pwFile]);
			try {
				const [command, args] = asServerUser(binary('initdb'), [
					'-D', dataDir, '-U', DB_USER, `--pwfile=${pwFile}`, '--auth=scram-sha-256', '-E', 'UTF8', '--locale=C', '--no-sync',
				]);
				await run(command, args, { cwd: '/', env: process.env, label: 'initdb', quiet: true });
			} finally {
				fs.rmSync(pwFile, { force: true });
			}
		}

		const settings = [
			'-p', String(options.port),
			'-c', 'listen_addresses=127.0.0.1',
			'-c', 'unix_socket_directories=',
			'-c', 'max_connections=200',
			...(options.ephemeral ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
		];
		const [command, args] = asServerUser(binary('postgres'), ['-D', dataDir, ...settings]);
		const proc = SupervisedProcess.spawn({
			command,
			args,
			env: { ...process.env, LC_ALL: 'C' },
			logFile,
			label: 'postgres',
			// SIGTERM would wait for every client to disconnect; SIGINT is PostgreSQL's fast shutdown.
			stopSignal: 'SIGINT',
			pidFile: path.join(options.dir, 'postgres.pid'),
		});
		const server = new PostgresServer(
			proc,
			{ host: '127.0.0.1', port: options.port, user: DB_USER, password, database: DATABASE },
			logFile,
		);
		try {
			await server.waitUntilReady(60_000);
			await server.ensureDatabase();
		} catch (error) {
			await server.stop();
			throw error;
		}
		return server;
	}

	/** Runs one statement with psql and returns its unaligned output. */
	async query(sql: string, database = this.connection.database): Promise<string> {
		const { host, port, user, password } = this.connection;
		const output = await run(
			binary('psql'),
			['-h', host, '-p', String(port), '-U', user, '-d', database, '-v', 'ON_ERROR_STOP=1', '-qtAX', '-c', sql],
			{ cwd: '/', env: { ...process.env, PGPASSWORD: password, PGCONNECT_TIMEOUT: '5' }, label: 'psql', quiet: true },
		);
		return output.trim();
	}

	private async waitUntilReady(timeoutMs: number): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			if (this.proc.hasExited) throw new Error(`PostgreSQL exited during startup; log tail:\n${this.logTail()}`);
			try {
				await this.query('SELECT 1', 'postgres');
				return;
			} catch {
				if (Date.now() > deadline) throw new Error(`PostgreSQL not ready after ${timeoutMs} ms; log tail:\n${this.logTail()}`);
				await sleep(250);
			}
		}
	}

	private async ensureDatabase(): Promise<void> {
		const exists = await this.query(`SELECT 1 FROM pg_database WHERE datname = '${DATABASE}'`, 'postgres');
		if (exists !== '1') await this.query(`CREATE DATABASE ${DATABASE}`, 'postgres');
	}

	logTail(lines = 30): string {
		return fs.existsSync(this.logFile) ? fs.readFileSync(this.logFile, 'utf8').split('\n').slice(-lines).join('\n') : '';
	}

	async stop(): Promise<void> {
		await this.proc.stop();
	}
}
