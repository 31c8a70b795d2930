// A hop between TokPortal and n8n's public address that loses some acknowledgements, the way a load
// balancer timing out or a connection reset does: the delivery reaches n8n (and may start an
// execution) but TokPortal sees 504 and delivers the same event again. Deterministic: of the distinct
// events (TokPortal-Event-Id) in order of first arrival, those whose index modulo 10 is below
// `lossPerTen` lose their first acknowledgement; every later attempt passes unchanged.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LossyLink {
	/** With a trailing slash: give it to n8n as its public URL (WEBHOOK_URL). */
	url: string;
	port: number;
	/** Event ids whose first acknowledgement was replaced by a 504. */
	lost: string[];
	close(): Promise<void>;
}

/** Starts listening on `port` (0: any free one) and forwards everything to `target` (http://host:port/). */
export async function startLossyLink(target: string, { port = 0, lossPerTen = 3 } = {}): Promise<LossyLink> {
	const upstream = new URL(target);
	const seen = new Map<string, number>();
	const lost: string[] = [];
	const server = http.createServer((request, response) => {
		const eventId = request.headers['tokportal-event-id'];
		let loseAnswer = false;
		if (typeof eventId === 'string' && !seen.has(eventId)) {
			seen.set(eventId, seen.size);
			loseAnswer = seen.get(eventId)! % 10 < lossPerTen;
		}
		const outgoing = http.request(
			{ host: upstream.hostname, port: upstream.port, method: request.method, path: request.url, headers: request.headers, agent: false },
			(answer) => {
				if (loseAnswer) {
					// n8n answered; TokPortal never hears it.
					answer.resume();
					answer.on('end', () => {
						lost.push(eventId as string);
						response.writeHead(504, { 'content-type': 'application/json' }).end('{"error":"gateway_timeout"}');
					});
					return;
				}
				response.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
				answer.pipe(response);
			},
		);
		outgoing.on('error', () => {
			if (!response.headersSent) response.writeHead(502).end();
		});
		request.pipe(outgoing);
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const bound = (server.address() as AddressInfo).port;
	return {
		url: `http://127.0.0.1:${bound}/`,
		port: bound,
		lost,
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}
