// Webhook endpoints, deliveries, test sends and the public event catalogue (notes §11).
import { randomBytes } from 'node:crypto';
import { EVENT_TYPE_NAMES, EVENT_TYPES, NOT_YET_EMITTED } from '../catalog';
import { ApiError, validationError } from '../errors';
import { paginate } from '../pagination';
import type { RouteContext, RouteDef, RouteResult } from '../router';
import { type Json, objectBody, optBool, optString, queryEnum } from '../validate';
import { webhookView } from '../views';
import { newestFirst } from './bundles';

const LOCAL_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];
const EVENT_TYPES_LIST = EVENT_TYPES.map((e) => e.type);

/** HTTPS like the real service; plain HTTP only to this machine so tests can run a local receiver. */
function endpointUrl(value: unknown): string {
	if (typeof value !== 'string') throw validationError('url', 'url is required.');
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw validationError('url', 'url is not a valid URL.');
	}
	const localHttp = url.protocol === 'http:' && LOCAL_HOSTS.includes(url.hostname);
	if (url.protocol !== 'https:' && !localHttp) {
		throw validationError('url', 'url must use https (http is accepted only for 127.0.0.1/localhost).');
	}
	return value;
}

function eventList(value: unknown): string[] {
	if (!Array.isArray(value) || value.length === 0) {
		throw validationError('events', 'events must be a non-empty array of event types.');
	}
	for (const e of value) {
		if (typeof e !== 'string' || !EVENT_TYPE_NAMES.has(e)) {
			throw validationError('events', `Unknown event type: ${String(e)}. See GET /webhooks/events.`);
		}
	}
	return [...new Set(value as string[])];
}

function description(o: Json): string | null | undefined {
	return optString(o, 'description', 500, true);
}

function createWebhook(ctx: RouteContext): RouteResult {
	const o = objectBody(ctx.body);
	const now = ctx.store.now();
	const hook = {
		id: ctx.store.newId(),
		owner_id: ctx.owner,
		url: endpointUrl(o.url),
		events: eventList(o.events),
		description: description(o) ?? null,
		enabled: optBool(o, 'enabled') ?? true,
		signing_secret: `whsec_${randomBytes(24).toString('hex')}`,
		created_at: now,
		updated_at: now,
	};
	ctx.store.state.webhooks.push(hook);
	// The only response that ever carries the secret.
	return { status: 201, body: { data: { ...webhookView(hook), signing_secret: hook.signing_secret } } };
}

function listWebhooks(ctx: RouteContext): RouteResult {
	const enabled = queryEnum(ctx.query, 'enabled', ['true', 'false']);
	const events = queryEnum(ctx.query, 'event', EVENT_TYPES_LIST);
	const items = newestFirst(ctx.store.state.webhooks).filter(
		(w) =>
			w.owner_id === ctx.owner &&
			(enabled.length === 0 || enabled.includes(String(w.enabled))) &&
			(events.length === 0 || events.some((e) => w.events.includes(e))),
	);
	const page = paginate(items, ctx.query);
	return { status: 200, body: { data: page.data.map(webhookView), pagination: page.pagination } };
}

function getWebhook(ctx: RouteContext): RouteResult {
	return { status: 200, body: { data: webhookView(ctx.store.ownedWebhook(ctx.params.id, ctx.owner)) } };
}

function patchWebhook(ctx: RouteContext): RouteResult {
	const hook = ctx.store.ownedWebhook(ctx.params.id, ctx.owner);
	const o = objectBody(ctx.body);
	const fields = ['url', 'events', 'description', 'enabled'];
	const unknown = Object.keys(o).find((k) => !fields.includes(k));
	if (unknown) throw validationError(unknown, `Unknown field: ${unknown}.`);
	if (!fields.some((k) => o[k] !== undefined)) {
		throw validationError('body', 'Provide at least one of url, events, description, enabled.');
	}
	const url = o.url === undefined ? undefined : endpointUrl(o.url);
	const events = o.events === undefined ? undefined : eventList(o.events);
	const desc = description(o);
	const enabled = optBool(o, 'enabled');
	if (url !== undefined) hook.url = url;
	if (events !== undefined) hook.events = events;
	if (desc !== undefined) hook.description = desc;
	if (enabled !== undefined) hook.enabled = enabled;
	hook.updated_at = ctx.store.now();
	return { status: 200, body: { data: webhookView(hook) } };
}

function deleteWebhook(ctx: RouteContext): RouteResult {
	const hook = ctx.store.ownedWebhook(ctx.params.id, ctx.owner);
	// In place, so references to state.webhooks stay live; pending retries find the endpoint gone and stop.
	ctx.store.state.webhooks.splice(ctx.store.state.webhooks.indexOf(hook), 1);
	return { status: 204 };
}

function listDeliveries(ctx: RouteContext): RouteResult {
	const hook = ctx.store.ownedWebhook(ctx.params.id, ctx.owner);
	const types = queryEnum(ctx.query, 'event_type', EVENT_TYPES_LIST);
	const success = queryEnum(ctx.query, 'success', ['true', 'false']);
	const items = newestFirst(ctx.store.state.deliveries).filter(
		(d) =>
			d.webhook_id === hook.id &&
			(types.length === 0 || types.includes(d.event_type)) &&
			(success.length === 0 || success.includes(String(d.success))),
	);
	const page = paginate(items, ctx.query);
	return { status: 200, body: { data: page.data.map((d) => ({ ...d })), pagination: page.pagination } };
}

async function testWebhook(ctx: RouteContext): Promise<RouteResult> {
	const hook = ctx.store.ownedWebhook(ctx.params.id, ctx.owner);
	if (ctx.dryRun) return { status: 200, body: { data: { webhook_id: hook.id, event_type: 'webhook.test', sent: false } } };
	const { event, delivery } = await ctx.webhooks.sendTest(hook);
	return {
		status: 200,
		body: {
			data: {
				webhook_id: hook.id,
				event_id: event.id,
				event_type: event.type,
				sent: true,
				success: delivery?.success ?? false,
				response_status: delivery?.response_status ?? null,
				error: delivery?.error ?? null,
				duration_ms: delivery?.duration_ms ?? null,
				delivery_id: delivery?.id ?? null,
			},
		},
	};
}

async function retryDelivery(ctx: RouteContext): Promise<RouteResult> {
	const hook = ctx.store.ownedWebhook(ctx.params.id, ctx.owner);
	const previous = ctx.store.state.deliveries.find((d) => d.id === ctx.params.delivery_id && d.webhook_id === hook.id);
	const event = previous && ctx.store.state.events.find((e) => e.id === previous.event_id);
	if (!previous || !event) {
		throw new ApiError(404, 'WEBHOOK_DELIVERY_NOT_FOUND', 'No delivery with this id for this webhook endpoint.', {
			webhook_id: hook.id,
			delivery_id: ctx.params.delivery_id,
		});
	}
	if (!hook.enabled) {
		throw new ApiError(409, 'WEBHOOK_ENDPOINT_DISABLED', 'The endpoint is disabled: enable it (PATCH enabled: true) before retrying.', {
			webhook_id: hook.id,
		});
	}
	const base = { webhook_id: hook.id, retried_delivery_id: previous.id, event_id: event.id, event_type: event.type };
	if (ctx.dryRun) return { status: 200, body: { data: { ...base, sent: false } } };
	const delivery = await ctx.webhooks.redeliver(hook, event);
	return {
		status: 200,
		body: {
			data: {
				...base,
				sent: true,
				delivery_id: delivery?.id ?? null,
				attempt: delivery?.attempt ?? null,
				success: delivery?.success ?? false,
				response_status: delivery?.response_status ?? null,
				error: delivery?.error ?? null,
				duration_ms: delivery?.duration_ms ?? null,
			},
		},
	};
}

function eventCatalogue(): RouteResult {
	return {
		status: 200,
		body: {
			data: {
				events: EVENT_TYPES.map((e) => ({ ...e, emitted: !NOT_YET_EMITTED.has(e.type) })),
				envelope: { fields: ['id', 'type', 'api_version', 'created_at', 'data'] },
				delivery: {
					method: 'POST',
					headers: ['TokPortal-Event-Id', 'TokPortal-Event-Type', 'TokPortal-Signature', 'Content-Type'],
					success: 'any 2xx response',
					retries: 'automatic with backoff on non-2xx or timeout; the event id is stable across attempts',
				},
				signature: {
					header: 'TokPortal-Signature',
					format: 't=<unix seconds>,v1=<hex>',
					algorithm: 'HMAC-SHA256(signing_secret as UTF-8, `${t}.${raw body}`), lowercase hex',
					tolerance_seconds: 300,
				},
			},
		},
	};
}

export const webhookRoutes: Array<RouteDef<RouteContext>> = [
	{ method: 'GET', path: '/webhooks/events', handler: eventCatalogue, public: true },
	{ method: 'POST', path: '/webhooks', handler: createWebhook, sensitive: true },
	{ method: 'GET', path: '/webhooks', handler: listWebhooks },
	{ method: 'GET', path: '/webhooks/:id', handler: getWebhook },
	{ method: 'PATCH', path: '/webhooks/:id', handler: patchWebhook },
	{ method: 'DELETE', path: '/webhooks/:id', handler: deleteWebhook },
	{ method: 'GET', path: '/webhooks/:id/deliveries', handler: listDeliveries },
	{ method: 'POST', path: '/webhooks/:id/test', handler: testWebhook },
	{ method: 'POST', path: '/webhooks/:id/deliveries/:delivery_id/retry', handler: retryDelivery },
];
