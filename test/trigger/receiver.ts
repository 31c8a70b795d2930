// A local n8n stand-in on 127.0.0.1: every request is handed to the TokPortal Trigger's webhook()
// exactly as n8n would (raw bytes, headers, the node's static data), and answered like n8n does.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject, IWebhookResponseData } from 'n8n-workflow';

import { TokPortalTrigger } from '../../nodes/TokPortalTrigger/TokPortalTrigger.node';
import { webhookContext } from './webhookContext';

export interface Listener {
	staticData: IDataObject;
	events: string[];
	options?: IDataObject;
	productionUrl: string;
}

export interface Handled {
	url: string;
	status: number;
	result: IWebhookResponseData;
	eventId: string | undefined;
}

export interface Receiver {
	/** http://127.0.0.1:<port> */
	origin: string;
	handled: Handled[];
	/** Which trigger listens on a URL; unknown URLs answer 404 like n8n. */
	listen(url: string, listener: Listener): void;
	/** Answer this status after webhook() ran (the response is "lost"), for the next `count` requests. */
	failNext(status: number, count?: number): void;
	waitFor(count: number, timeoutMs?: number): Promise<Handled[]>;
	close(): Promise<void>;
}

const trigger = new TokPortalTrigger();

export async function startReceiver(): Promise<Receiver> {
	const listeners = new Map<string, Listener>();
	const handled: Handled[] = [];
	const failures: number[] = [];

	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const url = `${receiver.origin}${req.url ?? '/'}`;
			const listener = listeners.get(url);
			if (!listener) {
				res.writeHead(404).end();
				return;
			}
			const fake = webhookContext({
				rawBody: Buffer.concat(chunks),
				headers: req.headers as Record<string, string>,
				staticData: listener.staticData,
				parameters: { events: listener.events, options: listener.options ?? {} },
				servedUrl: url,
				productionUrl: listener.productionUrl,
			});
			void trigger.webhook.call(fake.context).then((result) => {
				const forced = failures.shift();
				const status = forced ?? fake.response.status ?? 200;
				const eventId = req.headers['tokportal-event-id'] as string | undefined;
				handled.push({ url, status, result, eventId });
				res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(fake.response.body ?? {}));
			});
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));

	const receiver: Receiver = {
		origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		handled,
		listen: (url, listener) => listeners.set(url, listener),
		failNext: (status, count = 1) => failures.push(...Array<number>(count).fill(status)),
		async waitFor(count, timeoutMs = 5000) {
			const deadline = Date.now() + timeoutMs;
			while (handled.length < count) {
				if (Date.now() > deadline) throw new Error(`receiver handled ${handled.length}/${count} deliveries`);
				await new Promise((resolve) => setTimeout(resolve, 10));
			}
			return handled;
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
	return receiver;
}
