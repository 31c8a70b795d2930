// webhook(): signature verification, replay window, dedupe, event filter and output shape.
import type { IDataObject } from 'n8n-workflow';

import { TokPortalTrigger } from '../../nodes/TokPortalTrigger/TokPortalTrigger.node';
import { signPayload } from '../simulator/webhookDelivery';
import type { Delivery } from './webhookContext';
import { PRODUCTION_URL, TEST_URL, webhookContext } from './webhookContext';
import { endpointKey } from '../../nodes/TokPortalTrigger/webhookUrl';

const SECRET = 'whsec_0123456789abcdef0123456789abcdef';
const trigger = new TokPortalTrigger();
let eventCounter = 0;

function envelope(type: string, id = `evt_${(++eventCounter).toString(16).padStart(32, '0')}`): IDataObject {
	return {
		id,
		type,
		api_version: '2026-05-25',
		created_at: '2026-06-01T12:00:00.000Z',
		data: { bundle_id: 'b-1', status: 'finalized', previous_status: 'in_review' },
	};
}

function now(): number {
	return Math.floor(Date.now() / 1000);
}

function subscribed(url = PRODUCTION_URL, secret = SECRET): IDataObject {
	return { subscriptions: { [endpointKey(url)]: { id: 'wh-1', secret, events: ['account.finalized'], url } } };
}

interface DeliverOptions {
	body?: IDataObject;
	secret?: string;
	timestamp?: number;
	header?: string | null;
	tamper?: (raw: string) => string;
	staticData?: IDataObject;
	events?: string[];
	options?: IDataObject;
	servedUrl?: string;
	rawBodyUnread?: boolean;
}

/** Signs like TokPortal (the simulator's signer, not the node's) and runs the node's webhook(). */
async function deliver(opts: DeliverOptions = {}) {
	const body = opts.body ?? envelope('account.finalized');
	const raw = JSON.stringify(body);
	const t = opts.timestamp ?? now();
	const signature = `t=${t},v1=${signPayload(opts.secret ?? SECRET, t, raw)}`;
	const headers: Record<string, string> = {
		'Content-Type': 'application/json',
		'TokPortal-Event-Id': String(body.id),
		'TokPortal-Event-Type': String(body.type),
	};
	if (opts.header !== null) headers['TokPortal-Signature'] = opts.header ?? signature;
	const delivery: Delivery = {
		rawBody: Buffer.from(opts.tamper ? opts.tamper(raw) : raw, 'utf8'),
		headers,
		staticData: opts.staticData ?? subscribed(),
		parameters: { events: opts.events ?? ['account.finalized'], options: opts.options ?? {} },
		servedUrl: opts.servedUrl,
		rawBodyUnread: opts.rawBodyUnread,
	};
	const fake = webhookContext(delivery);
	const result = await trigger.webhook.call(fake.context);
	return { result, ...fake, body, staticData: delivery.staticData };
}

function expectRejected(outcome: Awaited<ReturnType<typeof deliver>>) {
	expect(outcome.response.status).toBe(401);
	expect(outcome.response.ended).toBe(true);
	expect(outcome.result).toEqual({ noWebhookResponse: true });
	expect(outcome.result.workflowData).toBeUndefined();
}

describe('webhook() signature verification', () => {
	it('emits one item, the envelope, for a valid delivery', async () => {
		const outcome = await deliver();
		expect(outcome.response.status).toBeUndefined();
		expect(outcome.result.workflowData).toEqual([[{ json: outcome.body }]]);
	});

	it('reads the raw body when n8n has not read it yet', async () => {
		const outcome = await deliver({ rawBodyUnread: true });
		expect(outcome.result.workflowData).toHaveLength(1);
	});

	it('rejects a body changed after signing', async () => {
		expectRejected(await deliver({ tamper: (raw) => raw.replace('finalized', 'cancelled') }));
	});

	it('rejects a body that differs only in whitespace (no re-serialisation)', async () => {
		expectRejected(await deliver({ tamper: (raw) => raw.replace(',', ', ') }));
	});

	it('rejects a signature made with another secret', async () => {
		const outcome = await deliver({ secret: 'whsec_someone_else' });
		expectRejected(outcome);
		expect(outcome.warnings.join()).toMatch(/does not match/);
	});

	it('rejects a stale timestamp and accepts one just inside the window', async () => {
		expectRejected(await deliver({ timestamp: now() - 310 }));
		expect((await deliver({ timestamp: now() - 290 })).result.workflowData).toHaveLength(1);
	});

	it('rejects a timestamp from the future', async () => {
		expectRejected(await deliver({ timestamp: now() + 310 }));
		expect((await deliver({ timestamp: now() + 290 })).result.workflowData).toHaveLength(1);
	});

	it('applies the Signature Tolerance option', async () => {
		expect((await deliver({ timestamp: now() - 500, options: { signatureTolerance: 600 } })).result.workflowData)
			.toHaveLength(1);
		expectRejected(await deliver({ timestamp: now() - 100, options: { signatureTolerance: 60 } }));
	});

	it.each([
		['garbage', 'not a signature'],
		['no v1', `t=${Math.floor(Date.now() / 1000)}`],
		['no t', `v1=${'a'.repeat(64)}`],
		['non-numeric t', `t=soon,v1=${'a'.repeat(64)}`],
		['non-hex v1', `t=${Math.floor(Date.now() / 1000)},v1=${'z'.repeat(64)}`],
		['short v1', `t=${Math.floor(Date.now() / 1000)},v1=abcd`],
		['empty', ''],
	])('rejects a malformed header (%s)', async (_name, header) => {
		expectRejected(await deliver({ header }));
	});

	it('accepts spaces around the parts and ignores unknown keys', async () => {
		const body = envelope('account.finalized');
		const raw = JSON.stringify(body);
		const t = now();
		const header = ` t=${t} , v0=ignored, v1=${signPayload(SECRET, t, raw)} `;
		expect((await deliver({ body, header })).result.workflowData).toHaveLength(1);
	});

	it('rejects a delivery without the TokPortal-Signature header', async () => {
		const outcome = await deliver({ header: null });
		expectRejected(outcome);
		expect(outcome.warnings.join()).toMatch(/missing/);
	});

	it('fails closed when no secret is stored', async () => {
		expectRejected(await deliver({ staticData: {} }));
	});

	it("verifies with the secret of the URL the delivery arrived on, never the other URL's", async () => {
		const staticData = {
			subscriptions: {
				[endpointKey(PRODUCTION_URL)]: { id: 'wh-prod', secret: 'whsec_production', events: ['account.finalized'], url: PRODUCTION_URL },
				[endpointKey(TEST_URL)]: { id: 'wh-test', secret: 'whsec_test', events: ['account.finalized'], url: TEST_URL },
			},
		};
		expect((await deliver({ staticData, servedUrl: TEST_URL, secret: 'whsec_test' })).result.workflowData)
			.toHaveLength(1);
		expectRejected(await deliver({ staticData, servedUrl: TEST_URL, secret: 'whsec_production' }));
		expect((await deliver({ staticData, secret: 'whsec_production' })).result.workflowData).toHaveLength(1);
		expectRejected(await deliver({ staticData: subscribed(PRODUCTION_URL, 'whsec_production'), servedUrl: TEST_URL, secret: 'whsec_production' }));
	});
});

describe('webhook() events', () => {
	it('acknowledges an unselected event with 200 and starts no execution', async () => {
		const outcome = await deliver({ body: envelope('video.published'), events: ['account.finalized'] });
		expect(outcome.response.status).toBeUndefined();
		expect(outcome.result.workflowData).toBeUndefined();
		expect(outcome.result.noWebhookResponse).toBeUndefined();
		expect(outcome.result.webhookResponse).toEqual({ received: true, ignored: true });
	});

	it('always delivers webhook.test, whatever is selected', async () => {
		const outcome = await deliver({ body: envelope('webhook.test'), events: ['account.finalized'] });
		expect(outcome.result.workflowData?.[0][0].json.type).toBe('webhook.test');
	});

	it('delivers every type when All Events is selected', async () => {
		const outcome = await deliver({ body: envelope('credits.restored'), events: ['*'] });
		expect(outcome.result.workflowData?.[0][0].json.type).toBe('credits.restored');
	});

	it('outputs only the envelope fields unless headers are asked for', async () => {
		const body = { ...envelope('account.finalized'), extra: 'not part of the envelope' };
		const plain = await deliver({ body });
		expect(Object.keys(plain.result.workflowData?.[0][0].json ?? {}).sort()).toEqual(
			['api_version', 'created_at', 'data', 'id', 'type'],
		);
		const withHeaders = await deliver({ options: { includeHeaders: true } });
		const headers = withHeaders.result.workflowData?.[0][0].json.headers as IDataObject;
		expect(headers['tokportal-event-type']).toBe('account.finalized');
		expect(headers['tokportal-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
	});
});

describe('webhook() dedupe', () => {
	it('acknowledges a redelivered event id with 200 and no execution', async () => {
		const staticData = subscribed();
		const body = envelope('account.finalized');
		expect((await deliver({ body, staticData })).result.workflowData).toHaveLength(1);
		// A retry is re-signed with a fresh timestamp but keeps the event id.
		const again = await deliver({ body, staticData, timestamp: now() + 1 });
		expect(again.response.status).toBeUndefined();
		expect(again.result.workflowData).toBeUndefined();
		expect(again.result.webhookResponse).toEqual({ received: true, duplicate: true });
	});

	it('remembers processed ids in static data, so a restarted process still drops redeliveries', async () => {
		const body = envelope('account.finalized');
		const staticData = subscribed();
		await deliver({ body, staticData });
		const persisted = JSON.parse(JSON.stringify(staticData)) as IDataObject;
		await jest.isolateModulesAsync(async () => {
			const { TokPortalTrigger: Fresh } = await import('../../nodes/TokPortalTrigger/TokPortalTrigger.node');
			const raw = JSON.stringify(body);
			const t = now();
			const fake = webhookContext({
				rawBody: Buffer.from(raw),
				headers: { 'TokPortal-Signature': `t=${t},v1=${signPayload(SECRET, t, raw)}` },
				staticData: persisted,
				parameters: { events: ['account.finalized'], options: {} },
			});
			const result = await new Fresh().webhook.call(fake.context);
			expect(result.workflowData).toBeUndefined();
			expect(result.webhookResponse).toEqual({ received: true, duplicate: true });
		});
	});

	it('remembers processed ids in memory, so unsaved static data still drops redeliveries', async () => {
		const body = envelope('account.finalized');
		await deliver({ body, staticData: subscribed() });
		const again = await deliver({ body, staticData: subscribed() });
		expect(again.result.workflowData).toBeUndefined();
	});

	it('does not record rejected or ignored deliveries as processed', async () => {
		const staticData = subscribed();
		const body = envelope('account.finalized');
		expectRejected(await deliver({ body, staticData, secret: 'whsec_wrong' }));
		expect((await deliver({ body, staticData })).result.workflowData).toHaveLength(1);
	});

	it('keeps at most 500 ids per URL in static data', async () => {
		const staticData = subscribed();
		for (let i = 0; i < 505; i++) await deliver({ staticData });
		const entry = (staticData.subscriptions as IDataObject)[endpointKey(PRODUCTION_URL)] as IDataObject;
		expect(entry.recentEventIds).toHaveLength(500);
		expect(entry.secret).toBe(SECRET);
	});
});
