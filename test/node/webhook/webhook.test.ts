// Webhook → every operation through n8n-core against the simulator, with a local receiver standing
// in for an agency dashboard: the requests sent, the signing secret shown once (no Idempotency-Key,
// never retried), validation before sending, deliveries, test sends and retries.
import { randomUUID } from 'node:crypto';

import { getWebhookEvents, getWebhookEventTypes } from '../../../nodes/TokPortal/methods/loadOptions';
import { searchWebhooks } from '../../../nodes/TokPortal/methods/listSearch';
import { loadOptionsContext } from '../../harness/loadOptionsContext';
import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import type { Receiver } from '../../simulator/testHelpers';
import { signatureValid, startReceiver } from '../../simulator/testHelpers';
import { byId, callApi, run } from '../accountFixtures';

let sim: Simulator;
let receiver: Receiver;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false, webhookRetryDelaysMs: [60_000] });
	receiver = await startReceiver([200]);
});
afterAll(async () => {
	await sim.close();
	await receiver.close();
});
beforeEach(() => sim.faults.clear());

/** A webhook made through the API (not the node under test). */
async function fixtureWebhook(body: Record<string, unknown> = {}): Promise<{ id: string; signing_secret: string }> {
	const response = await fetch(`${sim.baseUrl}/webhooks`, {
		method: 'POST',
		headers: { 'X-API-Key': sim.apiKey, 'Content-Type': 'application/json' },
		body: JSON.stringify({ url: receiver.url, events: ['bundle.created'], ...body }),
	});
	return ((await response.json()) as { data: { id: string; signing_secret: string } }).data;
}

const hook = (id: string) => sim.state.webhooks.find((w) => w.id === id);

describe('Webhook → Get Events', () => {
	it('outputs one item per event type, with emitted false for those TokPortal does not send yet', async () => {
		const { items, requests } = await run(sim, { resource: 'webhook', operation: 'getEvents' });
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /webhooks/events']);
		expect(items).toHaveLength(34);
		expect(items.filter((item) => item.json.emitted === false).map((item) => item.json.type).sort()).toEqual([
			'account.distribution_warning',
			'video.ai_labeled',
			'video.not_recommended',
			'video.sound_restricted',
		]);
		expect(items[0].json).toMatchObject({ type: expect.any(String), description: expect.any(String), emitted: expect.any(Boolean) });
	});
});

describe('Webhook → Create', () => {
	// Tests only talk to 127.0.0.1: the endpoints created here must never receive a delivery.
	afterAll(() => {
		const remote = sim.state.webhooks.filter((w) => !w.url.startsWith('http://127.0.0.1'));
		for (const w of remote) sim.state.webhooks.splice(sim.state.webhooks.indexOf(w), 1);
	});

	it('sends url, events and description without an Idempotency-Key; the output holds the signing secret', async () => {
		const { items, requests, error } = await run(sim, {
			resource: 'webhook',
			operation: 'create',
			url: 'https://dashboard.example.com/hooks/tokportal',
			events: ['bundle.published', 'account.finalized'],
			description: 'Agency client dashboard',
		});
		expect(error).toBeUndefined();
		expect(requests.map((r) => [r.method, r.path, r.body])).toEqual([
			[
				'POST',
				'/webhooks',
				{ url: 'https://dashboard.example.com/hooks/tokportal', events: ['account.finalized', 'bundle.published'], description: 'Agency client dashboard' },
			],
		]);
		expect(requests[0].headers['idempotency-key']).toBeUndefined();
		const created = hook(String(items[0].json.id))!;
		expect(items[0].json).toMatchObject({
			url: 'https://dashboard.example.com/hooks/tokportal',
			enabled: true,
			signing_secret: created.signing_secret,
		});
		expect(String(items[0].json.signing_secret)).toMatch(/^whsec_/);
	});

	it('subscribes All Events to every documented type, and takes events from a comma-separated expression', async () => {
		const all = await run(sim, { resource: 'webhook', operation: 'create', url: 'https://a.example.com/h', events: ['*'] });
		expect((all.requests[0].body as { events: string[] }).events).toHaveLength(34);
		const mapped = await run(
			sim,
			{ resource: 'webhook', operation: 'create', url: '={{ $json.url }}', events: '={{ $json.events }}' },
			{ items: [{ url: 'https://b.example.com/h', events: 'video.published, account.banned' }] },
		);
		expect(mapped.requests[0].body).toEqual({ url: 'https://b.example.com/h', events: ['account.banned', 'video.published'] });
	});

	it('is never retried (it returns a secret): a 503 fails the item after one request', async () => {
		sim.faults.inject({ method: 'POST', path: '/webhooks' }, { type: 'status', status: 503 });
		const { error, requests } = await run(sim, { resource: 'webhook', operation: 'create', url: 'https://c.example.com/h', events: ['bundle.created'] });
		expect(requests).toHaveLength(1);
		expect(error?.description).toContain('HTTP 503');
	});

	it.each([
		[{ url: 'http://dashboard.example.com/h' }, '"URL" must start with https:// — TokPortal delivers events only to HTTPS addresses'],
		[{ url: 'ftp://x.example.com/h' }, '"URL" must start with https:// or http://'],
		[{ url: 'dashboard' }, '"URL" must be a full web address'],
		[{ events: '={{ [] }}' }, '"Event Names or IDs" is required'],
		[{ events: ['Account finalized'] }, '"Event Names or IDs" has an invalid entry: it must be an event type such as account.finalized'],
		[{ description: 'x'.repeat(501) }, '"Description" must be at most 500 characters long'],
	])('refuses %j without sending anything', async (parameters, message) => {
		const { error, requests } = await run(sim, {
			resource: 'webhook',
			operation: 'create',
			url: 'https://ok.example.com/h',
			events: ['bundle.created'],
			...parameters,
		});
		expect(error?.message).toContain(message);
		expect(requests).toHaveLength(0);
	});

	it('accepts plain http only for this machine (e.g. the simulator)', async () => {
		const { error, requests } = await run(sim, { resource: 'webhook', operation: 'create', url: receiver.url, events: ['bundle.created'] });
		expect(error).toBeUndefined();
		expect(requests).toHaveLength(1);
	});
});

describe('Webhook → Get Many and Get', () => {
	it('lists webhooks one item each (never a secret), filtered by enabled and events', async () => {
		const off = await fixtureWebhook({ events: ['subscription.lapsed'], enabled: false });
		const { items, requests } = await run(sim, {
			resource: 'webhook',
			operation: 'getMany',
			returnAll: true,
			filters: { enabled: 'false', events: ['subscription.lapsed', 'account.banned'] },
		});
		expect(requests.map((r) => [r.path, r.query])).toEqual([
			['/webhooks', { page: '1', per_page: '100', enabled: 'false', event: ['subscription.lapsed', 'account.banned'] }],
		]);
		expect(items.map((item) => item.json.id)).toEqual([off.id]);
		expect(JSON.stringify(items)).not.toContain('whsec_');
	});

	it('Get reads one webhook; an unknown one says what to do', async () => {
		const { id } = await fixtureWebhook({ description: 'crm' });
		const { items, requests } = await run(sim, { resource: 'webhook', operation: 'get', webhookId: byId(id) });
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /webhooks/${id}`]);
		expect(items[0].json).toMatchObject({ id, description: 'crm', url: receiver.url });
		expect(items[0].json).not.toHaveProperty('signing_secret');
		const missing = await run(sim, { resource: 'webhook', operation: 'get', webhookId: byId(randomUUID()) });
		expect(missing.error?.message).toMatch(/^Webhook not found/);
		expect(missing.error?.description).toContain('WEBHOOK_NOT_FOUND');
	});
});

describe('Webhook → Update and Delete', () => {
	it('patches only the chosen fields, under an Idempotency-Key; Clear Description sends null', async () => {
		const { id, signing_secret: secret } = await fixtureWebhook({ description: 'old' });
		const { items, requests } = await run(sim, {
			resource: 'webhook',
			operation: 'update',
			webhookId: byId(id),
			updateFields: { clearDescription: true, enabled: false, events: ['account.banned'], url: 'https://new.example.com/h' },
		});
		expect(requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['PATCH', `/webhooks/${id}`, { url: 'https://new.example.com/h', events: ['account.banned'], description: null, enabled: false }],
		]);
		expect(requests[0].headers['idempotency-key']).toMatch(/^n8n-[0-9a-f]{64}$/);
		expect(items[0].json).toMatchObject({ id, description: null, enabled: false, url: 'https://new.example.com/h' });
		expect(hook(id)!.signing_secret).toBe(secret);
	});

	it.each([
		[{}, 'Add at least one field to update under "Update Fields"'],
		[{ clearDescription: false }, 'Add at least one field to update under "Update Fields"'],
		[{ clearDescription: true, description: 'x' }, '"Description" and "Clear Description" cannot be used together'],
		[{ description: '' }, '"Description" is empty. To remove the description, use "Clear Description" instead'],
		[{ url: 'http://new.example.com/h' }, '"URL" must start with https://'],
		[{ events: '={{ "" }}' }, '"Event Names or IDs" is empty'],
	])('refuses Update Fields %j without sending anything', async (updateFields, message) => {
		const { error, requests } = await run(sim, { resource: 'webhook', operation: 'update', webhookId: byId('w-1'), updateFields });
		expect(error?.message).toContain(message);
		expect(requests).toHaveLength(0);
	});

	it('Delete removes the webhook and says so', async () => {
		const { id } = await fixtureWebhook();
		const { items, requests } = await run(sim, { resource: 'webhook', operation: 'delete', webhookId: byId(id) });
		expect(requests.map((r) => [r.method, r.path, r.status])).toEqual([['DELETE', `/webhooks/${id}`, 204]]);
		expect(requests[0].headers['idempotency-key']).toMatch(/^n8n-/);
		expect(items.map((item) => item.json)).toEqual([{ id, deleted: true }]);
		expect(hook(id)).toBeUndefined();
	});
});

describe('Webhook → Test, Get Deliveries and Retry Delivery', () => {
	it('Test sends a signed webhook.test to the URL and reports the attempt', async () => {
		const { id, signing_secret: secret } = await fixtureWebhook();
		const before = receiver.received.length;
		const { items, requests } = await run(sim, { resource: 'webhook', operation: 'test', webhookId: byId(id) });
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST /webhooks/${id}/test`]);
		expect(items[0].json).toMatchObject({ webhook_id: id, event_type: 'webhook.test', sent: true, success: true, response_status: 200 });
		const delivered = receiver.received[before];
		expect(JSON.parse(delivered.rawBody)).toMatchObject({ id: items[0].json.event_id, type: 'webhook.test' });
		expect(signatureValid(delivered, secret)).toBe(true);
	});

	it('lists failed deliveries, and Retry Delivery re-sends the same event with a fresh signature', async () => {
		const { id, signing_secret: secret } = await fixtureWebhook({ events: ['bundle.created'] });
		receiver.statuses.splice(0, receiver.statuses.length, 500);
		const before = receiver.received.length;
		await callApi(sim, 'POST', '/bundles', { bundle_type: 'account_only', platform: 'tiktok', country: 'USA' });
		await receiver.waitFor(before + 1);
		await run(sim, { resource: 'webhook', operation: 'test', webhookId: byId(id) });
		receiver.statuses.splice(0, receiver.statuses.length, 200);

		const failed = await run(sim, {
			resource: 'webhook',
			operation: 'getDeliveries',
			webhookId: byId(id),
			returnAll: true,
			filters: { success: 'false', events: ['bundle.created'] },
		});
		expect(failed.requests.map((r) => [r.path, r.query])).toEqual([
			[`/webhooks/${id}/deliveries`, { page: '1', per_page: '100', success: 'false', event_type: 'bundle.created' }],
		]);
		expect(failed.items).toHaveLength(1);
		const delivery = failed.items[0].json;
		expect(delivery).toMatchObject({ event_type: 'bundle.created', success: false, response_status: 500, attempt: 1 });

		const all = await run(sim, { resource: 'webhook', operation: 'getDeliveries', webhookId: byId(id), limit: 10 });
		expect(all.items.map((item) => item.json.event_type).sort()).toEqual(['bundle.created', 'webhook.test']);

		const retried = await run(sim, {
			resource: 'webhook',
			operation: 'retryDelivery',
			webhookId: byId(id),
			deliveryId: String(delivery.id),
		});
		expect(retried.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST /webhooks/${id}/deliveries/${String(delivery.id)}/retry`]);
		expect(retried.requests[0].headers['idempotency-key']).toMatch(/^n8n-/);
		expect(retried.items[0].json).toMatchObject({ sent: true, success: true, attempt: 2, event_id: delivery.event_id });
		const resent = receiver.received.at(-1)!;
		expect(JSON.parse(resent.rawBody).id).toBe(delivery.event_id);
		expect(signatureValid(resent, secret)).toBe(true);
	});

	it('explains an unknown delivery and a disabled webhook', async () => {
		const { id } = await fixtureWebhook();
		const unknown = await run(sim, { resource: 'webhook', operation: 'retryDelivery', webhookId: byId(id), deliveryId: randomUUID() });
		expect(unknown.error?.message).toMatch(/^This webhook has no delivery with this ID/);
		await run(sim, { resource: 'webhook', operation: 'test', webhookId: byId(id) });
		const [delivery] = sim.state.deliveries.filter((d) => d.webhook_id === id);
		hook(id)!.enabled = false;
		const disabled = await run(sim, { resource: 'webhook', operation: 'retryDelivery', webhookId: byId(id), deliveryId: delivery.id });
		expect(disabled.error?.message).toMatch(/^The webhook is disabled/);
		expect(disabled.error?.description).toContain('WEBHOOK_ENDPOINT_DISABLED');
	});
});

describe('webhook pickers', () => {
	it('the Webhook list shows description, URL, event count and state, and searches them', async () => {
		const { id } = await fixtureWebhook({ description: 'Picker target', events: ['bundle.created', 'account.banned'], enabled: false });
		const { results } = await searchWebhooks.call(loadOptionsContext(sim), 'picker');
		expect(results).toEqual([{ name: `Picker target · ${receiver.url} · 2 events · disabled`, value: id }]);
	});

	it('event dropdowns come from the catalogue; not-yet-emitted types say so; only subscriptions offer All Events', async () => {
		const subscription = await getWebhookEvents.call(loadOptionsContext(sim));
		const filter = await getWebhookEventTypes.call(loadOptionsContext(sim));
		expect(subscription[0]).toMatchObject({ name: 'All Events', value: '*' });
		expect(filter.map((option) => option.value)).toEqual(subscription.slice(1).map((option) => option.value));
		expect(filter).toHaveLength(34);
		expect(filter.find((option) => option.value === 'video.ai_labeled')).toMatchObject({
			name: 'Video: AI Labeled (Not Emitted Yet)',
			description: expect.stringMatching(/^Not sent by TokPortal yet/),
		});
	});
});
