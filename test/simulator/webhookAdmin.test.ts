// Webhook management over real HTTP: the event catalogue's `emitted` flags, list/delivery filters,
// and the manual retry of a stored delivery (same event, current URL, fresh signature).
import { type Simulator, startSimulator } from './index';
import { client, pause, type Receiver, signatureValid, startReceiver } from './testHelpers';

let sim: Simulator;
let call: ReturnType<typeof client>;
const receivers: Receiver[] = [];

beforeAll(async () => {
	// No automatic redeliveries: failed deliveries wait for a manual retry.
	sim = await startSimulator({ rateLimit: false, webhookRetryDelaysMs: [], webhookTimeoutMs: 500 });
	call = client(sim);
});
afterAll(async () => {
	await sim.close();
	await Promise.all(receivers.map((r) => r.close()));
});

async function receiver(statuses: number[]): Promise<Receiver> {
	const r = await startReceiver(statuses);
	receivers.push(r);
	return r;
}

async function failedDelivery(rx: Receiver) {
	const hook = (await call('POST', '/webhooks', { body: { url: rx.url, events: ['bundle.created'] } })).body.data;
	await call('POST', '/bundles', { body: { bundle_type: 'account_only', country: 'FR' } });
	await rx.waitFor(1);
	await pause(20);
	const [delivery] = (await call('GET', `/webhooks/${hook.id}/deliveries`)).body.data;
	return { hook, delivery };
}

test('GET /webhooks/events (no key): 34 events, the four newest documented ones not emitted yet', async () => {
	const res = await call('GET', '/webhooks/events', { key: null });
	expect(res.status).toBe(200);
	const events: Array<{ type: string; emitted: boolean }> = res.body.data.events;
	expect(events).toHaveLength(34);
	expect(events.filter((e) => !e.emitted).map((e) => e.type).sort()).toEqual([
		'account.distribution_warning',
		'video.ai_labeled',
		'video.not_recommended',
		'video.sound_restricted',
	]);
	expect(events.find((e) => e.type === 'credits.restored')).toMatchObject({ emitted: true, description: expect.any(String) });
	// Not emitted yet, but a subscription to it is accepted.
	const hook = await call('POST', '/webhooks', { body: { url: 'https://example.com/h', events: ['video.ai_labeled'] } });
	expect(hook.status).toBe(201);
});

test('list and delivery filters are validated', async () => {
	await call('POST', '/webhooks', { body: { url: 'https://example.com/a', events: ['account.banned'], enabled: false } });
	const byEvent = await call('GET', '/webhooks?event=account.banned&enabled=false');
	expect(byEvent.body.data.map((w: { url: string }) => w.url)).toEqual(['https://example.com/a']);
	for (const path of ['/webhooks?event=account.exploded', '/webhooks?enabled=yes']) {
		const bad = await call('GET', path);
		expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_ERROR']);
	}
	const id = byEvent.body.data[0].id;
	expect((await call('GET', `/webhooks/${id}/deliveries?event_type=nope`)).status).toBe(400);
	expect((await call('GET', `/webhooks/${id}/deliveries?success=maybe`)).status).toBe(400);
});

test('retry re-sends the stored event to the current URL with a fresh signature, as a new attempt', async () => {
	const first = await receiver([500]);
	const { hook, delivery } = await failedDelivery(first);
	expect(delivery).toMatchObject({ attempt: 1, success: false, response_status: 500, next_retry_at: null });
	const moved = await receiver([200]);
	await call('PATCH', `/webhooks/${hook.id}`, { body: { url: moved.url } });
	await pause(1100); // a later unix second, so the signature must differ
	const res = await call('POST', `/webhooks/${hook.id}/deliveries/${delivery.id}/retry`);
	expect(res.status).toBe(200);
	expect(res.body.data).toEqual({
		webhook_id: hook.id,
		retried_delivery_id: delivery.id,
		event_id: delivery.event_id,
		event_type: 'bundle.created',
		sent: true,
		delivery_id: expect.any(String),
		attempt: 2,
		success: true,
		response_status: 200,
		error: null,
		duration_ms: expect.any(Number),
	});
	expect(moved.received).toHaveLength(1);
	const [original, retried] = [first.received[0], moved.received[0]];
	expect(retried.rawBody).toBe(original.rawBody);
	expect(retried.headers['tokportal-event-id']).toBe(delivery.event_id);
	expect(retried.headers['tokportal-signature']).not.toBe(original.headers['tokportal-signature']);
	expect(signatureValid(retried, hook.signing_secret)).toBe(true);
	const list = await call('GET', `/webhooks/${hook.id}/deliveries`);
	expect(list.body.data.map((d: { attempt: number; success: boolean }) => [d.attempt, d.success])).toEqual([
		[2, true],
		[1, false],
	]);
});

test('retry: idempotent replay sends once; dry run sends nothing; unknown, foreign and disabled refused', async () => {
	const rx = await receiver([500, 200]);
	const { hook, delivery } = await failedDelivery(rx);
	const dry = await call('POST', `/webhooks/${hook.id}/deliveries/${delivery.id}/retry`, { headers: { 'X-TokPortal-Dry-Run': 'true' } });
	expect(dry.body).toMatchObject({ data: { sent: false, event_id: delivery.event_id }, dry_run: true });
	const headers = { 'Idempotency-Key': 'retry-once' };
	const sent = await call('POST', `/webhooks/${hook.id}/deliveries/${delivery.id}/retry`, { headers });
	const replay = await call('POST', `/webhooks/${hook.id}/deliveries/${delivery.id}/retry`, { headers });
	expect(replay.headers.get('idempotent-replayed')).toBe('true');
	expect(replay.body).toEqual(sent.body);
	expect(rx.received).toHaveLength(2);
	const unknown = await call('POST', `/webhooks/${hook.id}/deliveries/00000000-0000-4000-8000-000000000000/retry`);
	expect([unknown.status, unknown.body.error.code]).toEqual([404, 'WEBHOOK_DELIVERY_NOT_FOUND']);
	const other = (await call('POST', '/webhooks', { body: { url: 'https://example.com/o', events: ['bundle.created'] } })).body.data;
	const foreign = await call('POST', `/webhooks/${other.id}/deliveries/${delivery.id}/retry`);
	expect([foreign.status, foreign.body.error.code]).toEqual([404, 'WEBHOOK_DELIVERY_NOT_FOUND']);
	await call('PATCH', `/webhooks/${hook.id}`, { body: { enabled: false } });
	const disabled = await call('POST', `/webhooks/${hook.id}/deliveries/${delivery.id}/retry`);
	expect([disabled.status, disabled.body.error.code]).toEqual([409, 'WEBHOOK_ENDPOINT_DISABLED']);
	expect(rx.received).toHaveLength(2);
});
