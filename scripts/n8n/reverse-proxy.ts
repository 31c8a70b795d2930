// The load balancer of n8n's queue-mode layout, in Node built-ins: `/webhook/*` goes round-robin to
// the webhook processors, everything else (editor, REST API, push websocket, `/webhook-test/*`) to
// main. Requests and answers are streamed through unchanged, with the usual X-Forwarded-* headers.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as net from 'node:net';

export interface Upstream {
	/** Shown in route records, e.g. "webhook-1". */
	name: string;
	port: number;
}

export interface RouteRecord {
	method: string;
	path: string;
	upstream: string;
	/** The upstream's answer, 502 when it could not be reached, 0 when the client went away first. */
	status: number;
	at: number;
	/** The request's headers, as received. */
	headers: http.IncomingHttpHeaders;
}

export interface ReverseProxyOptions {
	port?: number;
	main: Upstream;
	webhooks: Upstream[];
}

const WEBHOOK_PREFIX = '/webhook/';

export class ReverseProxy {
	/** Every proxied HTTP request, oldest first (tests assert where deliveries went). */
	readonly routes: RouteRecord[] = [];
	private next = 0;

	private constructor(
		private readonly server: http.Server,
		private readonly options: ReverseProxyOptions,
	) {}

	static async start(options: ReverseProxyOptions): Promise<ReverseProxy> {
		if (options.webhooks.length === 0) throw new Error('the reverse proxy needs at least one webhook processor');
		const server = http.createServer();
		const proxy = new ReverseProxy(server, options);
		server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => proxy.forward(request, response));
		server.on('upgrade', (request: http.IncomingMessage, socket: net.Socket, head: Buffer) => proxy.tunnel(request, socket, head));
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
		});
		return proxy;
	}

	get port(): number {
		return (this.server.address() as AddressInfo).port;
	}

	/** The public address, with a trailing slash (what WEBHOOK_URL points at). */
	get url(): string {
		return `http://127.0.0.1:${this.port}/`;
	}

	/** Where a request goes: a webhook processor (round-robin) for `/webhook/*`, main for the rest. */
	private pick(path: string): Upstream {
		if (!path.startsWith(WEBHOOK_PREFIX)) return this.options.main;
		const upstream = this.options.webhooks[this.next % this.options.webhooks.length]!;
		this.next += 1;
		return upstream;
	}

	private forwardedHeaders(request: http.IncomingMessage): http.OutgoingHttpHeaders {
		const remote = request.socket.remoteAddress ?? '127.0.0.1';
		const prior = request.headers['x-forwarded-for'];
		return {
			...request.headers,
			'x-forwarded-for': prior ? `${String(prior)}, ${remote}` : remote,
			'x-forwarded-host': request.headers.host ?? `127.0.0.1:${this.port}`,
			'x-forwarded-proto': 'http',
		};
	}

	private forward(request: http.IncomingMessage, response: http.ServerResponse): void {
		const path = request.url ?? '/';
		const upstream = this.pick(path);
		const record: RouteRecord = {
			method: request.method ?? 'GET',
			path,
			upstream: upstream.name,
			status: 0,
			at: Date.now(),
			headers: request.headers,
		};
		this.routes.push(record);
		const outgoing = http.request(
			{ host: '127.0.0.1', port: upstream.port, method: request.method, path, headers: this.forwardedHeaders(request), agent: false },
			(answer) => {
				record.status = answer.statusCode ?? 0;
				response.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.rawHeaders);
				answer.pipe(response);
			},
		);
		outgoing.on('error', (error) => {
			record.status = 502;
			if (!response.headersSent) {
				response.writeHead(502, { 'content-type': 'application/json' });
				response.end(JSON.stringify({ error: 'bad_gateway', message: `${upstream.name} is unreachable: ${error.message}` }));
			} else {
				response.destroy();
			}
		});
		// A client that hangs up aborts the upstream request too, as a real load balancer does.
		response.on('close', () => {
			if (!response.writableFinished) outgoing.destroy();
		});
		request.pipe(outgoing);
	}

	/** WebSocket upgrades (the editor's push connection) are tunnelled to main byte for byte. */
	private tunnel(request: http.IncomingMessage, socket: net.Socket, head: Buffer): void {
		const upstream = this.options.main;
		this.routes.push({ method: 'UPGRADE', path: request.url ?? '/', upstream: upstream.name, status: 101, at: Date.now(), headers: request.headers });
		const target = net.connect({ host: '127.0.0.1', port: upstream.port }, () => {
			const headers = this.forwardedHeaders(request);
			const lines = [`${request.method} ${request.url} HTTP/1.1`];
			for (const [name, value] of Object.entries(headers)) {
				for (const item of [value].flat()) if (item !== undefined) lines.push(`${name}: ${String(item)}`);
			}
			target.write(`${lines.join('\r\n')}\r\n\r\n`);
			if (head.length > 0) target.write(head);
			socket.pipe(target).pipe(socket);
		});
		const close = () => {
			socket.destroy();
			target.destroy();
		};
		target.on('error', close);
		socket.on('error', close);
	}

	async close(): Promise<void> {
		await new Promise<void>((resolve) => {
			this.server.close(() => resolve());
			this.server.closeAllConnections();
		});
	}
}
