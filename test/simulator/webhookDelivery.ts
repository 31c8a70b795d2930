// Signed webhook delivery with automatic retries (notes §11.3–11.5). Real HTTP requests, only ever
// to the URL registered on the endpoint at the time of each attempt.
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { API_VERSION } from './catalog';
import type { SimState, WebhookDelivery, WebhookEndpoint, WebhookEvent } from './types';

export interface DispatcherOptions {
	retryDelaysMs: number[];
	timeoutMs: number;
	log: (message: string) => void;
}

/** v1 = hex(HMAC-SHA256(key = secret as UTF-8, message = `${t}.${rawBody}`)) — notes §11.4. */
export function signPayload(secret: string, timestamp: number, rawBody: string): string {
	return createHmac('sha256', Buffer.from(secret, 'utf8')).update(`${timestamp}.${rawBody}`).digest('hex');
}

interface Outcome {
	status: number | null;
	error: string | null;
}

export class WebhookDispatcher {
	private readonly timers = new Set<NodeJS.Timeout>();
	private readonly inFlight = new Set<AbortController>();
	private closed = false;

	constructor(
		private readonly state: SimState,
		private readonly opts: DispatcherOptions,
	) {}

	/** Records the event and delivers it to every enabled endpoint of the owner subscribed to its type. */
	emit(ownerId: string, type: string, data: Record<string, unknown>): WebhookEvent {
		const event = this.newEvent(ownerId, type, data);
		for (const hook of this.state.webhooks) {
			if (hook.owner_id === ownerId && hook.enabled && hook.events.includes(type)) {
				void this.attempt(hook.id, event, 1, true);
			}
		}
		return event;
	}

	/** POST /webhooks/{id}/test: one awaited attempt, regardless of subscriptions, no automatic retry. */
	async sendTest(hook: WebhookEndpoint): Promise<{ event: WebhookEvent; delivery: WebhookDelivery | null }> {
		const event = this.newEvent(hook.owner_id, 'webhook.test', {
			webhook_id: hook.id,
			message: 'This is a test event from the TokPortal simulator.',
		});
		return { event, delivery: await this.attempt(hook.id, event, 1, false) };
	}

	/**
	 * A manual redelivery of a stored event (POST /webhooks/{id}/deliveries/{delivery_id}/retry): the same
	 * event id and payload to the endpoint's current URL, freshly signed; one awaited attempt, no retries.
	 */
	async redeliver(hook: WebhookEndpoint, event: WebhookEvent): Promise<WebhookDelivery | null> {
		const attempts = this.state.deliveries.filter((d) => d.webhook_id === hook.id && d.event_id === event.id);
		return this.attempt(hook.id, event, Math.max(0, ...attempts.map((d) => d.attempt)) + 1, false);
	}

	/** Cancels pending retries and aborts requests in flight. */
	close(): void {
		this.closed = true;
		for (const t of this.timers) clearTimeout(t);
		this.timers.clear();
		for (const c of this.inFlight) c.abort();
	}

	private newEvent(ownerId: string, type: string, data: Record<string, unknown>): WebhookEvent {
		const event: WebhookEvent = {
			id: `evt_${randomBytes(16).toString('hex')}`,
			owner_id: ownerId,
			type,
			api_version: API_VERSION,
			created_at: new Date().toISOString(),
			data,
		};
		this.state.events.push(event);
		return event;
	}

	private async attempt(
		webhookId: string,
		event: WebhookEvent,
		attempt: number,
		autoRetry: boolean,
	): Promise<WebhookDelivery | null> {
		const hook = this.state.webhooks.find((w) => w.id === webhookId);
		// A deleted or disabled endpoint silently ends the retry chain.
		if (this.closed || !hook || (attempt > 1 && !hook.enabled)) return null;
		const rawBody = JSON.stringify({
			id: event.id,
			type: event.type,
			api_version: event.api_version,
			created_at: event.created_at,
			data: event.data,
		});
		// Fresh timestamp (and so signature) on every attempt; the event id stays the same for dedupe.
		const t = Math.floor(Date.now() / 1000);
		const started = Date.now();
		const outcome = await this.post(hook.url, rawBody, {
			'Content-Type': 'application/json',
			'User-Agent': 'TokPortal-Simulator-Webhooks/1.0',
			'TokPortal-Event-Id': event.id,
			'TokPortal-Event-Type': event.type,
			'TokPortal-Signature': `t=${t},v1=${signPayload(hook.signing_secret, t, rawBody)}`,
		});
		if (this.closed) return null;
		const success = outcome.status !== null && outcome.status >= 200 && outcome.status < 300;
		const retryDelay = autoRetry && !success ? this.opts.retryDelaysMs[attempt - 1] : undefined;
		const delivery: WebhookDelivery = {
			id: randomUUID(),
			webhook_id: hook.id,
			event_id: event.id,
			event_type: event.type,
			attempt,
			success,
			response_status: outcome.status,
			error: outcome.error,
			duration_ms: Date.now() - started,
			created_at: new Date(started).toISOString(),
			next_retry_at: retryDelay === undefined ? null : new Date(Date.now() + retryDelay).toISOString(),
		};
		this.state.deliveries.push(delivery);
		this.opts.log(
			`webhook ${event.type} ${event.id} -> ${hook.url} attempt ${attempt}: ${outcome.status ?? outcome.error}`,
		);
		if (retryDelay !== undefined) {
			const timer = setTimeout(() => {
				this.timers.delete(timer);
				void this.attempt(webhookId, event, attempt + 1, true);
			}, retryDelay);
			timer.unref();
			this.timers.add(timer);
		}
		return delivery;
	}

	private post(url: string, body: string, headers: Record<string, string>): Promise<Outcome> {
		return new Promise((resolve) => {
			const controller = new AbortController();
			this.inFlight.add(controller);
			let settled = false;
			const finish = (outcome: Outcome) => {
				if (settled) return;
				settled = true;
				clearTimeout(timer);
				this.inFlight.delete(controller);
				resolve(outcome);
			};
			const timer = setTimeout(() => {
				finish({ status: null, error: `Timed out after ${this.opts.timeoutMs} ms` });
				controller.abort();
			}, this.opts.timeoutMs);
			const target = new URL(url);
			const client = target.protocol === 'https:' ? https : http;
			const req = client.request(
				target,
				{
					method: 'POST',
					headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
					agent: false,
					signal: controller.signal,
				},
				(res) => {
					const status = res.statusCode ?? null;
					const error = status !== null && status >= 200 && status < 300 ? null : `Receiver answered HTTP ${status}`;
					res.on('error', (err) => finish({ status, error: err.message }));
					res.on('end', () => finish({ status, error }));
					res.resume();
				},
			);
			req.on('error', (err) => finish({ status: null, error: err.message }));
			req.end(body);
		});
	}
}
