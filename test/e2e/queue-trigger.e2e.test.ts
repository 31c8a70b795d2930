// The TokPortal Trigger in n8n queue mode: the workflow is published on main (which subscribes at
// TokPortal and stores the signing secret), TokPortal's deliveries come in through the reverse proxy
// to both webhook processors, each verifies the signature with the secret main stored, and the
// executions run on the worker. A main restart keeps the one subscription; unpublishing removes it.
//
// Twice: with WEBHOOK_URL identical on every process (n8n's documented setup), and with WEBHOOK_URL
// set on main only, where each webhook processor computes another URL for itself (the common setup
// behind a load balancer). The trigger must find its subscription without depending on the host.
import { randomUUID } from 'node:crypto';
import { signPayload, startSimulator, type Simulator, type WebhookEndpoint } from '../simulator';
import type { PublicationStatus } from '../../scripts/n8n/types';
import type { WebhookUrlElsewhere } from '../../scripts/n8n/queue-stack';
import { ensureTokPortalCredential } from '../../scripts/n8n/workspace';
import { missingBuild, testUnless } from './helpers/conditions';
import { QUEUE_START_TIMEOUT_MS, startQueueStack, type E2eQueue } from './helpers/queue';
import { simulatorApi } from './helpers/simulatorApi';

const skipReason = missingBuild('dist/nodes/TokPortalTrigger/TokPortalTrigger.node.js');
const whenReady = testUnless(skipReason);

const TRIGGER = 'TokPortal Trigger';
const EVENTS = ['account.in_review', 'account.finalized'];
const PROCESSORS = ['webhook-1', 'webhook-2'];

let queue: E2eQueue | undefined;
let simulator: Simulator | undefined;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
	if (skipReason) return;
	await Promise.all([
		startQueueStack('queue-trigger', { webhookUrlElsewhere: 'public' }).then((started) => (queue = started)),
		startSimulator({ webhookRetryDelaysMs: [200, 500] }).then((started) => (simulator = started)),
	]);
	await ensureTokPortalCredential(queue!.stack.main.client, 'TokPortal account', { apiKey: simulator!.apiKey, baseUrl: simulator!.baseUrl });
}, QUEUE_START_TIMEOUT_MS);

afterAll(async () => {
	await Promise.all([queue?.stop(), simulator?.close()]);
});

async function api<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
	return await simulatorApi<T>(simulator!, method, path, body);
}

function onlyWebhook(): WebhookEndpoint {
	expect(simulator!.state.webhooks).toHaveLength(1);
	return simulator!.state.webhooks[0]!;
}

/** A signed delivery of a fresh test event, as TokPortal would send it. */
function signed(secret: string, type = 'webhook.test'): { body: string; headers: Record<string, string> } {
	const id = `evt_${randomUUID().replace(/-/g, '')}`;
	const body = JSON.stringify({ id, type, api_version: '2026-05-25', created_at: new Date().toISOString(), data: { message: 'e2e' } });
	const t = Math.floor(Date.now() / 1000);
	return {
		body,
		headers: {
			'content-type': 'application/json',
			'tokportal-event-id': id,
			'tokportal-event-type': type,
			'tokportal-signature': `t=${t},v1=${signPayload(secret, t, body)}`,
		},
	};
}

/** Posts straight to one webhook processor (bypassing the proxy), on the path main subscribed. */
async function postTo(processor: string, path: string, delivery: { body: string; headers: Record<string, string> }): Promise<number> {
	const { port } = queue!.stack.webhookProcessors.find((p) => p.name === processor)!;
	const response = await fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', headers: delivery.headers, body: delivery.body });
	await response.text();
	return response.status;
}

/** TokPortal's "send test event": one awaited, signed delivery to the subscribed URL. */
async function testDelivery(hookId: string): Promise<number | null> {
	return (await api<{ response_status: number | null }>('POST', `/webhooks/${hookId}/test`)).response_status;
}

async function waitUntilPublished(workflowId: string): Promise<PublicationStatus> {
	const deadline = Date.now() + 60_000;
	for (;;) {
		const status = await queue!.stack.main.client.publicationStatus(workflowId);
		if (status.status === 'published') return status;
		if (Date.now() > deadline) throw new Error(`workflow not published after restart: ${JSON.stringify(status)}`);
		await sleep(250);
	}
}

describe.each<[string, WebhookUrlElsewhere]>([
	['WEBHOOK_URL identical on every process', 'public'],
	['WEBHOOK_URL on main only', 'unset'],
])('queue mode, %s', (setup, mode) => {
	const webhookId = randomUUID();
	let workflowId: string;
	let hook: WebhookEndpoint;
	/** Where main serves the trigger, and what it subscribes at TokPortal. */
	const path = `/webhook/${webhookId}/webhook`;

	beforeAll(async () => {
		if (skipReason) return;
		const { stack } = queue!;
		if (stack.webhookUrlElsewhere !== mode) await stack.setWebhookUrlElsewhere(mode);
		const credential = (await stack.main.client.listCredentials()).find((c) => c.name === 'TokPortal account')!;
		({ id: workflowId } = await stack.main.client.createWorkflow({
			name: `queue trigger (${setup})`,
			nodes: [
				{
					name: TRIGGER,
					type: 'n8n-nodes-tokportal.tokPortalTrigger',
					typeVersion: 1,
					position: [0, 0],
					webhookId,
					parameters: { events: EVENTS, options: {} },
					credentials: { tokPortalApi: { id: credential.id, name: credential.name } },
				},
			],
			connections: {},
			settings: {},
		}));
	}, 300_000);

	whenReady(`queue mode (${setup}): published on main, TokPortal's deliveries reach both webhook processors, verify on both and run on the worker`, async () => {
		const { stack } = queue!;
		const { client } = stack.main;
		const expectedElsewhere = mode === 'public' ? stack.url : undefined;
		for (const proc of [...stack.workers, ...stack.webhookProcessors]) expect({ proc: proc.name, WEBHOOK_URL: proc.env.WEBHOOK_URL }).toEqual({ proc: proc.name, WEBHOOK_URL: expectedElsewhere });

		simulator!.clearRequests();
		await client.activateWorkflow(workflowId);
		hook = { ...onlyWebhook() };
		expect(hook).toMatchObject({ url: `${stack.url.replace(/\/$/, '')}${path}`, enabled: true });
		expect(simulator!.requests.filter((r) => r.method === 'POST' && r.path === '/webhooks')).toHaveLength(1);

		// Four test events through the proxy: round-robin sends two to each webhook processor.
		const routesBefore = stack.proxy.routes.length;
		const statuses: Array<number | null> = [];
		for (let i = 0; i < 4; i++) statuses.push(await testDelivery(hook.id));
		const routes = stack.proxy.routes.slice(routesBefore).filter((r) => r.path === path);
		expect(routes.map((r) => r.upstream).sort()).toEqual(['webhook-1', 'webhook-1', 'webhook-2', 'webhook-2']);
		expect(routes.map((r) => r.status)).toEqual([200, 200, 200, 200]);
		expect(statuses).toEqual([200, 200, 200, 200]);

		// Each processor also verifies on its own: a delivery signed with the stored secret runs, a
		// forged one is refused.
		for (const processor of PROCESSORS) {
			expect({ processor, status: await postTo(processor, path, signed(hook.signing_secret)) }).toEqual({ processor, status: 200 });
			expect({ processor, status: await postTo(processor, path, signed('whsec_forged')) }).toEqual({ processor, status: 401 });
		}

		const executions = await client.waitForExecutions(workflowId, 6);
		await sleep(500);
		expect(await client.listExecutions(workflowId)).toHaveLength(6);
		for (const summary of executions) {
			expect(summary.status).toBe('success');
			expect(queue!.ranBy(summary.id)).toEqual(['worker-1']);
			const { data } = await client.getExecution(summary.id);
			expect(data.resultData.runData[TRIGGER]![0]!.data!.main[0]![0]!.json.type).toBe('webhook.test');
		}
		// Every webhook processor served the trigger: its log shows the enqueued executions.
		for (const proc of stack.webhookProcessors) expect(proc.readLog()).toMatch(/Enqueued execution \d+ \(job/);
	}, 300_000);

	whenReady(`queue mode (${setup}): a real event is delivered once and runs on the worker`, async () => {
		const { client } = queue!.stack.main;
		const before = (await client.listExecutions(workflowId)).length;
		const { id } = await api<{ id: string }>('POST', '/bundles', { bundle_type: 'account_only', platform: 'tiktok', country: 'USA' });
		await api('PUT', `/bundles/${id}/account`, {
			username: `queue_${mode}`,
			visible_name: 'Queue Trigger',
			biography: 'Reviewed in queue mode.',
			profile_picture_url: 'https://cdn.example.com/queue.jpg',
		});
		await api('POST', `/bundles/${id}/publish`);
		simulator!.operator.acceptBundle(id);
		simulator!.operator.moveAccountToReview(id); // emits account.in_review
		const executions = await client.waitForExecutions(workflowId, before + 1, { timeoutMs: 30_000 });
		const [newest] = executions.sort((a, b) => Number(b.id) - Number(a.id));
		expect(queue!.ranBy(newest!.id)).toEqual(['worker-1']);
		const item = (await client.getExecution(newest!.id)).data.resultData.runData[TRIGGER]![0]!.data!.main[0]![0]!.json;
		expect(item).toMatchObject({ type: 'account.in_review', data: { bundle_id: id } });
		const deliveries = simulator!.state.deliveries.filter((d) => d.event_type === 'account.in_review' && (d.event_id === item.id));
		expect(deliveries.map((d) => [d.attempt, d.response_status])).toEqual([[1, 200]]);
	}, 120_000);

	whenReady(`queue mode (${setup}): main restarts — still one subscription with the same secret, still verified on both processors`, async () => {
		const { stack } = queue!;
		simulator!.clearRequests();
		await stack.main.restart();
		await waitUntilPublished(workflowId);
		expect(onlyWebhook()).toEqual(hook);
		expect(simulator!.requests.filter((r) => r.method !== 'GET')).toEqual([]);
		const routesBefore = stack.proxy.routes.length;
		expect([await testDelivery(hook.id), await testDelivery(hook.id)]).toEqual([200, 200]);
		const served = stack.proxy.routes.slice(routesBefore).filter((r) => r.path === path).map((r) => r.upstream);
		expect(new Set(served)).toEqual(new Set(PROCESSORS));
	}, 300_000);

	whenReady(`queue mode (${setup}): unpublishing on main deletes the subscription; the processors stop serving the path`, async () => {
		await queue!.stack.main.client.deactivateWorkflow(workflowId);
		expect(simulator!.state.webhooks).toEqual([]);
		for (const processor of PROCESSORS) {
			expect({ processor, status: await postTo(processor, path, signed(hook.signing_secret)) }).toEqual({ processor, status: 404 });
		}
	}, 120_000);
});
