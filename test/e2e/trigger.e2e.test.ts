// The TokPortal Trigger in a real n8n against the simulator: publishing the workflow subscribes
// n8n's production URL exactly once; the simulator's signed deliveries start executions carrying
// the event envelope; forged, stale, unselected and repeated deliveries start nothing; unpublishing
// removes the subscription; a restart with the workflow published keeps the one subscription and
// its signing secret (deliveries still verify).
//
// Not tested here: duplicates across a restart. n8n 2.40.7 drops static data written in webhook()
// when that call starts an execution, so only the in-process memory of event ids works (see report).
import { randomUUID } from 'node:crypto';
import { signPayload, startSimulator, type Simulator, type WebhookEndpoint, type WebhookEvent } from '../simulator';
import { missingBuild, testUnless } from './helpers/conditions';
import { startN8n, type Credential, type E2eN8n, type PublicationStatus } from './helpers/n8n';
import { simulatorApi } from './helpers/simulatorApi';

const skipReason = missingBuild('dist/nodes/TokPortalTrigger/TokPortalTrigger.node.js');
const whenReady = testUnless(skipReason);

const EVENTS = ['account.in_review', 'account.finalized'];
const TRIGGER = 'TokPortal Trigger';
const WEBHOOK_ID = randomUUID();

let n8n: E2eN8n | undefined;
let simulator: Simulator | undefined;
let credential: Credential;
let workflowId: string;
let workflowName: string;

beforeAll(async () => {
	if (skipReason) return;
	// Assign each as soon as it runs, so afterAll closes it even if the other one fails to start.
	await Promise.all([
		startN8n('trigger').then((started) => (n8n = started)),
		// Short retry delays: a wrongly refused delivery is retried (and shows up) within the test.
		startSimulator({ webhookRetryDelaysMs: [200, 500] }).then((started) => (simulator = started)),
	]);
	credential = await n8n!.createTokPortalCredential({ apiKey: simulator!.apiKey, baseUrl: simulator!.baseUrl });
	workflowName = `trigger e2e ${Date.now()}`;
	({ id: workflowId } = await n8n!.createWorkflow({
		name: workflowName,
		nodes: [
			{
				name: TRIGGER,
				type: 'n8n-nodes-tokportal.tokPortalTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: WEBHOOK_ID,
				parameters: { events: EVENTS, options: {} },
				credentials: { tokPortalApi: { id: credential.id, name: credential.name } },
			},
		],
		connections: {},
		settings: {},
	}));
});

afterAll(async () => {
	await Promise.all([n8n?.stop(), simulator?.close()]);
});

/** Where n8n serves the published trigger (nodes with a webhookId: `<webhookId>/<path>`). */
const productionUrl = () => `${n8n!.webhookUrl}${WEBHOOK_ID}/webhook`;

function onlyWebhook(): WebhookEndpoint {
	expect(simulator!.state.webhooks).toHaveLength(1);
	return simulator!.state.webhooks[0]!;
}

async function api<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
	return await simulatorApi<T>(simulator!, method, path, body);
}

let usernames = 0;
/** What a TokPortal user and account manager do until an account waits for review. */
async function bundleInReview(): Promise<string> {
	const { id } = await api<{ id: string }>('POST', '/bundles', {
		bundle_type: 'account_only',
		platform: 'tiktok',
		country: 'USA',
	});
	await api('PUT', `/bundles/${id}/account`, {
		username: `e2e_trigger_${++usernames}`,
		visible_name: 'E2E Trigger',
		biography: 'Created by the trigger e2e test.',
		profile_picture_url: 'https://cdn.example.com/e2e/trigger.jpg',
	});
	await api('POST', `/bundles/${id}/publish`);
	simulator!.operator.acceptBundle(id);
	simulator!.operator.moveAccountToReview(id); // emits account.in_review
	return id;
}

/** The item each execution's trigger emitted, oldest execution first. */
async function triggerItems(): Promise<Array<Record<string, unknown>>> {
	const executions = (await n8n!.listExecutions(workflowId)).sort((a, b) => Number(a.id) - Number(b.id));
	const items: Array<Record<string, unknown>> = [];
	for (const summary of executions) {
		const execution = await n8n!.getExecution(summary.id);
		expect(execution.status).toBe('success');
		const output = execution.data.resultData.runData[TRIGGER]?.[0]?.data?.main[0] ?? [];
		expect(output).toHaveLength(1);
		items.push(output[0]!.json);
	}
	return items;
}

async function executionCount(): Promise<number> {
	return (await n8n!.listExecutions(workflowId)).length;
}

type Envelope = Pick<WebhookEvent, 'id' | 'type' | 'api_version' | 'created_at' | 'data'>;

/** The envelope exactly as the simulator serialises it, signed now (or at `t`) with `secret`. */
function signedDelivery(event: Envelope, secret: string, t = Math.floor(Date.now() / 1000)) {
	const body = JSON.stringify({
		id: event.id,
		type: event.type,
		api_version: event.api_version,
		created_at: event.created_at,
		data: event.data,
	});
	return { body, signature: `t=${t},v1=${signPayload(secret, t, body)}` };
}

async function post(body: string, signature?: string): Promise<{ status: number; body: string }> {
	const response = await fetch(productionUrl(), {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			...(signature === undefined ? {} : { 'tokportal-signature': signature }),
		},
		body,
	});
	return { status: response.status, body: await response.text() };
}

/** Every delivery the simulator attempted so far reached n8n and was accepted on the first try. */
function expectAllDeliveriesAccepted(): void {
	expect(simulator!.state.deliveries.map((d) => [d.event_type, d.attempt, d.response_status])).toEqual(
		simulator!.state.deliveries.map((d) => [d.event_type, 1, 200]),
	);
}

async function waitUntilPublished(): Promise<PublicationStatus> {
	const deadline = Date.now() + 60_000;
	for (;;) {
		const status = await n8n!.client.publicationStatus(workflowId);
		if (status.status === 'published') return status;
		if (Date.now() > deadline) throw new Error(`workflow not published after restart: ${JSON.stringify(status)}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

whenReady('publishing subscribes n8n’s production URL once, with the selected events', async () => {
	simulator!.clearRequests();
	await n8n!.activateWorkflow(workflowId);

	const hook = onlyWebhook();
	expect(hook).toMatchObject({ url: productionUrl(), enabled: true, description: `n8n: ${workflowName}` });
	expect([...hook.events].sort()).toEqual([...EVENTS].sort());
	// The subscription call returns the signing secret: it must not carry an Idempotency-Key.
	const create = simulator!.requests.filter((r) => r.method === 'POST' && r.path === '/webhooks');
	expect(create).toHaveLength(1);
	expect(create[0]!.headers['idempotency-key']).toBeUndefined();
	expect(create[0]!.headers['x-api-key']).toBe(simulator!.apiKey);
	expect(n8n!.packageProblems()).toEqual([]);
});

whenReady('signed deliveries of operator actions start executions with the event envelope', async () => {
	const bundleId = await bundleInReview();
	await n8n!.waitForExecutions(workflowId, 1);
	await api('POST', `/bundles/${bundleId}/account/finalize`); // emits account.finalized
	await n8n!.waitForExecutions(workflowId, 2);

	const items = await triggerItems();
	expect(items.map((item) => item.type)).toEqual(['account.in_review', 'account.finalized']);
	const events = simulator!.state.events.filter((e) => EVENTS.includes(e.type));
	expect(items).toEqual(
		events.map((e) => ({ id: e.id, type: e.type, api_version: e.api_version, created_at: e.created_at, data: e.data })),
	);
	expect(items.map((item) => (item.data as Record<string, unknown>).bundle_id)).toEqual([bundleId, bundleId]);
	expect(items[1]!.data).toMatchObject({ status: 'finalized', previous_status: 'in_review' });
	// Only the subscribed types were delivered (bundle.created, account.configured, … were not).
	expect(simulator!.state.deliveries.map((d) => d.event_type)).toEqual(EVENTS);
	expectAllDeliveriesAccepted();
});

whenReady('forged, stale, unselected and repeated deliveries are answered without an execution', async () => {
	const { signing_secret: secret } = onlyWebhook();
	const before = await executionCount();
	const processed = simulator!.state.events.find((e) => e.type === 'account.in_review')!;
	const fresh = { ...processed, id: `evt_${randomUUID().replace(/-/g, '')}` };

	const forged = signedDelivery(fresh, 'whsec_not_the_secret');
	expect((await post(forged.body, forged.signature)).status).toBe(401);
	expect((await post(forged.body)).status).toBe(401); // no signature at all
	const stale = signedDelivery(fresh, secret, Math.floor(Date.now() / 1000) - 600);
	expect((await post(stale.body, stale.signature)).status).toBe(401);
	const tampered = signedDelivery(fresh, secret);
	const tamperedBody = tampered.body.replace(processed.data.bundle_id as string, 'another-bundle');
	expect((await post(tamperedBody, tampered.signature)).status).toBe(401);

	const unselected = signedDelivery({ ...fresh, type: 'bundle.published' }, secret);
	const ignored = await post(unselected.body, unselected.signature);
	expect(ignored.status).toBe(200);
	expect(JSON.parse(ignored.body)).toMatchObject({ ignored: true });

	// TokPortal's redelivery: same event id, fresh timestamp and signature.
	const repeat = signedDelivery(processed, secret);
	const duplicate = await post(repeat.body, repeat.signature);
	expect(duplicate.status).toBe(200);
	expect(JSON.parse(duplicate.body)).toMatchObject({ duplicate: true });

	// A delivery that must run, sent last: once it has run, anything above would have run too.
	const test = await api<{ response_status: number }>('POST', `/webhooks/${onlyWebhook().id}/test`);
	expect(test.response_status).toBe(200);
	await n8n!.waitForExecutions(workflowId, before + 1);
	await new Promise((resolve) => setTimeout(resolve, 500));
	expect(await executionCount()).toBe(before + 1);
	expect((await triggerItems()).at(-1)?.type).toBe('webhook.test');
	expect(n8n!.readLog()).toMatch(/TokPortal Trigger rejected a delivery/);
});

whenReady('unpublishing deletes the subscription', async () => {
	await n8n!.deactivateWorkflow(workflowId);
	expect(simulator!.state.webhooks).toEqual([]);
	const delivery = signedDelivery(simulator!.state.events.at(-1)!, 'whsec_any');
	expect((await post(delivery.body, delivery.signature)).status).toBe(404);
});

whenReady('publishing again replaces a stray subscription; a restart keeps the one subscription and its secret', async () => {
	const before = await executionCount();
	// Left on n8n's URL by an earlier install whose static data was lost: its secret is unknown.
	const stray = await api<{ id: string }>('POST', '/webhooks', { url: productionUrl(), events: EVENTS });
	await n8n!.activateWorkflow(workflowId);
	const hook = { ...onlyWebhook() };
	expect(hook.id).not.toBe(stray.id);
	expect(hook.url).toBe(productionUrl());

	// The new subscription's secret works before the restart…
	const seenBeforeRestart = await bundleInReview();
	await n8n!.waitForExecutions(workflowId, before + 1);

	simulator!.clearRequests();
	await n8n!.restart();
	await waitUntilPublished();
	// Same id, secret and events; n8n 2.40.7 does not even call the trigger's webhook methods at startup.
	expect(onlyWebhook()).toEqual(hook);
	expect(simulator!.requests.filter((r) => r.method !== 'GET')).toEqual([]);

	// …and after it: the secret came back from the workflow's static data.
	const afterRestart = await bundleInReview();
	await n8n!.waitForExecutions(workflowId, before + 2);
	const items = (await triggerItems()).slice(-2);
	expect(items.map((item) => [item.type, (item.data as Record<string, unknown>).bundle_id])).toEqual([
		['account.in_review', seenBeforeRestart],
		['account.in_review', afterRestart],
	]);

	expect(onlyWebhook().id).toBe(hook.id);
	expectAllDeliveriesAccepted();
	// Expected lines: the refused deliveries above and the stray subscription's removal.
	const expected = /rejected a delivery/;
	expect(n8n!.packageProblems().filter((line) => !expected.test(line))).toEqual([]);
});
