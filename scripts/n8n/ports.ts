// Free TCP ports on 127.0.0.1: n8n needs two (HTTP + task-runner broker) and parallel test files
// must not collide with each other or with a running `npm run dev`.
import * as net from 'node:net';

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => (port ? resolve(port) : reject(new Error('no port assigned'))));
		});
	});
}

export async function portIsFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

/** A process just killed may hold its ports for a moment while the kernel tears it down. */
export async function waitUntilFree(port: number, timeoutMs = 15_000): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	while (!(await portIsFree(port))) {
		if (Date.now() > deadline) return false;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	return true;
}
