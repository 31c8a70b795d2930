// The simulator's signed deliveries (operator actions, the test button, automatic retries) through
// the node's webhook(), with the secret the node's own lifecycle stored.
import type { IDataObject } from 'n8n-workflow';

import { TokPortalTrigger } from '../../nodes/TokPortalTrigger/TokPortalTrigger.node';
import type { Simulator } from '../simulator';
import { startSimulator } from '../simulator';
import { client } from '../simulator/client';
import { hookContext } from './hookContext';
import type { Receiver } from './receiver';
import { startReceiver } from './receiver';
import { endpointKey } from '../../nodes/TokPortalTrigger/webhookUrl';

const { checkExists, create } = new TokPortalTrigger().webhookMethods.default;

let sim: Simulator;
let receiver: Receiver;
let counter = 0;

beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false, webhookRetryDelaysMs: [100] });
	receiver = await startReceiver();
});

afterAll(async () => {
	await receiver.close();
	await sim.close();
});

beforeEach(() => {
	receiver.handled.length = 0;
	// Each test's triggers only: an event goes to every subscribed webhook of the account.
	sim.state.webhooks = [];
});

/** Activates a trigger like n8n does and routes its URL to the node's webhook(). */
async function listening(events: string[], staticData: IDataObject = {}, kind = 'webhook') {
	const id = `node-${++counter}`;
	const productionUrl = `${receiver.origin}/webhook/${id}/webhook`;
	const url = kind === 'webhook' ? productionUrl : `${receiver.origin}/${kind}/${id}/webhook`;
	const { context } = hookContext({ baseUrl: sim.baseUrl, apiKey: sim.apiKey, webhookUrl: url, staticData, events });
	if (!(await checkExists.call(context))) await create.call(context);
	receiver.listen(url, { staticData, events, productionUrl });
	const webhook = sim.state.webhooks.find((candidate) => candidate.url === url);
	if (!webhook) throw new Error('no webhook was created');
	return { url, staticData, webhook };
}

async function sendTest(webhookId: string): Promise<IDataObject> {
	const response = await client(sim)('POST', `/webhooks/${webhookId}/test`);
	return (response.body as { data: IDataObject }).data;
}

function items(index: number) {
	return receiver.handled[index].result.workflowData?.[0] ?? [];
}

describe('signed deliveries from the simulator', () => {
	it("TokPortal's test button: webhook.test runs the workflow, whatever is selected", async () => {
		const { webhook } = await listening(['account.finalized']);
		const result = await sendTest(webhook.id);
		expect(result).toMatchObject({ success: true, response_status: 200 });
		await receiver.waitFor(1);
		expect(items(0)).toHaveLength(1);
		expect(items(0)[0].json).toMatchObject({ id: result.event_id, type: 'webhook.test', data: { webhook_id: webhook.id } });
	});

	it('an operator action delivers its event as one item with the envelope', async () => {
		await listening(['account.banned']);
		const [account] = sim.seedAccounts(1);
		sim.operator.banAccount(account.id);
		await receiver.waitFor(1);
		expect(receiver.handled[0].status).toBe(200);
		const [item] = items(0);
		expect(item.json).toMatchObject({
			type: 'account.banned',
			api_version: expect.any(String),
			created_at: expect.any(String),
			data: { saved_account_id: account.id },
		});
		expect(item.json.id).toBe(receiver.handled[0].eventId);
	});

	it('a redelivery after a lost response runs the workflow once', async () => {
		await listening(['account.banned']);
		receiver.failNext(503);
		const [account] = sim.seedAccounts(1);
		sim.operator.banAccount(account.id);
		await receiver.waitFor(2);
		const [first, retry] = receiver.handled;
		expect(retry.eventId).toBe(first.eventId);
		expect(first.result.workflowData?.[0]).toHaveLength(1);
		expect(retry.status).toBe(200);
		expect(retry.result.workflowData).toBeUndefined();
		expect(retry.result.webhookResponse).toEqual({ received: true, duplicate: true });
		// The simulator records an attempt once it has read the receiver's answer, just after the receiver saw it.
		const attemptsOf = () => sim.state.deliveries.filter((delivery) => delivery.event_id === first.eventId);
		for (let waited = 0; attemptsOf().length < 2 && waited < 2000; waited += 10) {
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
		expect(attemptsOf().map((delivery) => [delivery.attempt, delivery.response_status])).toEqual([
			[1, 503],
			[2, 200],
		]);
	});

	it('test and production subscriptions verify with their own secrets', async () => {
		const staticData: IDataObject = {};
		const production = await listening(['account.finalized'], staticData);
		const testUrl = production.url.replace('/webhook/', '/webhook-test/');
		const { context } = hookContext({
			baseUrl: sim.baseUrl,
			apiKey: sim.apiKey,
			webhookUrl: testUrl,
			staticData,
			events: ['account.finalized'],
		});
		if (!(await checkExists.call(context))) await create.call(context);
		receiver.listen(testUrl, { staticData, events: ['account.finalized'], productionUrl: production.url });
		const test = sim.state.webhooks.find((candidate) => candidate.url === testUrl);
		expect(test?.signing_secret).not.toBe(production.webhook.signing_secret);

		expect(await sendTest(production.webhook.id)).toMatchObject({ response_status: 200 });
		expect(await sendTest(test?.id ?? '')).toMatchObject({ response_status: 200 });
		await receiver.waitFor(2);
		expect(receiver.handled.map((handled) => [handled.url, items(receiver.handled.indexOf(handled)).length])).toEqual([
			[production.url, 1],
			[testUrl, 1],
		]);
	});

	it('a delivery signed with a secret the node does not hold is refused with 401', async () => {
		const { webhook, staticData, url } = await listening(['account.finalized']);
		const entry = (staticData.subscriptions as IDataObject)[endpointKey(url)] as IDataObject;
		entry.secret = 'whsec_not_the_one_tokportal_uses';
		expect(await sendTest(webhook.id)).toMatchObject({ success: false, response_status: 401 });
		await receiver.waitFor(1);
		expect(receiver.handled[0].result).toEqual({ noWebhookResponse: true });
	});
});
