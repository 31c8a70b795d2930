// A private Redis for the queue-mode stack (n8n's Bull queue and pub/sub): Debian's redis-server in
// the foreground under our supervisor, 127.0.0.1 only, no persistence (queued jobs are also rows in
// PostgreSQL; n8n marks what was lost with Redis as crashed).
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { findProgram } from './debian-packages';
import { SupervisedProcess } from './supervised-process';

export interface RedisOptions {
	/** Holds the server log (and nothing else: persistence is off). */
	dir: string;
	port: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One PING over RESP; true on +PONG. */
function ping(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		const done = (ok: boolean) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(2000, () => done(false));
		socket.on('error', () => done(false));
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk) => done(chunk.toString().startsWith('+PONG')));
	});
}

export class RedisServer {
	private constructor(
		private readonly proc: SupervisedProcess,
		readonly port: number,
		readonly logFile: string,
	) {}

	static async start(options: RedisOptions): Promise<RedisServer> {
		const program = findProgram('redis-server');
		if (!program) throw new Error('redis-server is not installed');
		fs.mkdirSync(options.dir, { recursive: true });
		const logFile = path.join(options.dir, 'redis.log');
		const proc = SupervisedProcess.spawn({
			command: program,
			args: [
				'--port', String(options.port),
				'--bind', '127.0.0.1',
				'--protected-mode', 'yes',
				'--daemonize', 'no',
				'--save', '',
				'--appendonly', 'no',
				'--dir', options.dir,
			],
			env: process.env,
			logFile,
			label: 'redis-server',
			pidFile: path.join(options.dir, 'redis.pid'),
		});
		const server = new RedisServer(proc, options.port, logFile);
		const deadline = Date.now() + 30_000;
		while (!(await ping(options.port))) {
			if (proc.hasExited || Date.now() > deadline) {
				await proc.stop();
				const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n') : '';
				throw new Error(`redis-server did not answer PING on 127.0.0.1:${options.port}; log tail:\n${tail}`);
			}
			await sleep(100);
		}
		return server;
	}

	async stop(): Promise<void> {
		await this.proc.stop();
	}
}
