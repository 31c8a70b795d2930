// The subscription lifecycle against the simulator over real HTTP: n8n's createWebhookIfNotExists
// (checkExists, then create when it answers false) and delete, with static data we persist or lose.
import type { IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { EVENT_TYPES } from '../../nodes/shared/events';
import { TokPortalTrigger } from '../../nodes/TokPortalTrigger/TokPortalTrigger.node';
import type { Simulator } from '../simulator';
import { startSimulator } from '../simulator';
import type { HookOptions } from './hookContext';
import { hookContext } from './hookContext';
import type { Receiver } from './receiver';
import { startReceiver } from './receiver';
import { endpointKey } from '../../nodes/TokPortalTrigger/webhookUrl';

const { checkExists, create, delete: remove } = new TokPortalTrigger().webhookMethods.default;

let sim: Simulator;
let receiver: Receiver;
let prodUrl: string;
let testUrl: string;

beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false, webhookRetryDelaysMs: [100] });
	receiver = await startReceiver();
});

afterAll(async () => {
	await receiver.close();
	await sim.close();
});

let nodeCounter = 0;
beforeEach(() => {
	// A fresh trigger node (its own webhook id, hence URLs) per test.
	const path = `node-${++nodeCounter}/webhook`;
	prodUrl = `${receiver.origin}/webhook/${path}`;
	testUrl = `${receiver.origin}/webhook-test/${path}`;
	sim.faults.clear();
});

function hook(overrides: Partial<HookOptions> & { staticData: IDataObject }) {
	return hookContext({
		baseUrl: sim.baseUrl,
		apiKey: sim.apiKey,
		webhookUrl: prodUrl,
		events: ['account.finalized'],
		...overrides,
	});
}

/** What n8n does on activation (and for "listen for test event"). */
async function activate(overrides: Partial<HookOptions> & { staticData: IDataObject }) {
	const fake = hook(overrides);
	if (!(await checkExists.call(fake.context))) await create.call(fake.context);
	return fake;
}

async function deactivate(overrides: Partial<HookOptions> & { staticData: IDataObject }) {
	const fake = hook(overrides);
	await remove.call(fake.context);
	return fake;
}

function remoteAt(url: string) {
	return sim.state.webhooks.filter((webhook) => webhook.url === url);
}

function stored(staticData: IDataObject, url: string): IDataObject | undefined {
	return (staticData.subscriptions as IDataObject | undefined)?.[endpointKey(url)] as IDataObject | undefined;
}

/** n8n saves static data as JSON and loads a fresh copy after a restart. */
function persisted(staticData: IDataObject): IDataObject {
	return JSON.parse(JSON.stringify(staticData)) as IDataObject;
}

function postsTo(path: string) {
	return sim.requests.filter((request) => request.method === 'POST' && request.path === path);
}

describe('activation', () => {
	it('creates exactly one webhook with this URL, the selected events and a default description', async () => {
		const staticData: IDataObject = {};
		await activate({ staticData, events: ['video.published', 'account.finalized'] });
		const remote = remoteAt(prodUrl);
		expect(remote).toHaveLength(1);
		expect([...remote[0].events].sort()).toEqual(['account.finalized', 'video.published']);
		expect(remote[0].description).toBe('n8n: Order pipeline');
		expect(stored(staticData, prodUrl)).toMatchObject({ id: remote[0].id, secret: remote[0].signing_secret });
	});

	it('sends no Idempotency-Key with POST /webhooks (it returns a secret)', async () => {
		sim.clearRequests();
		await activate({ staticData: {} });
		const posts = postsTo('/webhooks');
		expect(posts).toHaveLength(1);
		expect(posts[0].headers['idempotency-key']).toBeUndefined();
		expect(posts[0].status).toBe(201);
	});

	it('uses the Subscription Description option', async () => {
		await activate({ staticData: {}, options: { description: 'Bans to Slack' } });
		expect(remoteAt(prodUrl)[0].description).toBe('Bans to Slack');
	});

	it('subscribes to all 34 event types explicitly for All Events', async () => {
		await activate({ staticData: {}, events: ['*'] });
		expect([...remoteAt(prodUrl)[0].events].sort()).toEqual(EVENT_TYPES.map((event) => event.type).sort());
	});

	it('reuses the webhook after a restart or re-save when static data survived (no new POST)', async () => {
		const staticData: IDataObject = {};
		await activate({ staticData });
		const id = remoteAt(prodUrl)[0].id;
		sim.clearRequests();
		const reloaded = persisted(staticData);
		await activate({ staticData: reloaded });
		await activate({ staticData: reloaded });
		expect(remoteAt(prodUrl).map((webhook) => webhook.id)).toEqual([id]);
		expect(postsTo('/webhooks')).toHaveLength(0);
	});

	it('reconciles lost static data: deletes the unverifiable webhook and creates one, never two', async () => {
		await activate({ staticData: {} });
		const lost = remoteAt(prodUrl)[0].id;
		const staticData: IDataObject = {};
		await activate({ staticData });
		const remote = remoteAt(prodUrl);
		expect(remote).toHaveLength(1);
		expect(remote[0].id).not.toBe(lost);
		expect(stored(staticData, prodUrl)).toMatchObject({ id: remote[0].id, secret: remote[0].signing_secret });
	});

	it('recreates a webhook deleted behind our back, and forgets the old entry', async () => {
		const staticData: IDataObject = {};
		await activate({ staticData });
		const gone = remoteAt(prodUrl)[0].id;
		sim.state.webhooks = sim.state.webhooks.filter((webhook) => webhook.id !== gone);
		await activate({ staticData });
		const remote = remoteAt(prodUrl);
		expect(remote).toHaveLength(1);
		expect(stored(staticData, prodUrl)?.id).toBe(remote[0].id);
		expect(remote[0].id).not.toBe(gone);
	});

	it('updates changed events in place (same webhook, same secret) and re-enables a disabled one', async () => {
		const staticData: IDataObject = {};
		await activate({ staticData, events: ['account.finalized'] });
		const [before] = remoteAt(prodUrl);
		before.enabled = false;
		await activate({ staticData, events: ['account.banned', 'video.published'] });
		const remote = remoteAt(prodUrl);
		expect(remote).toHaveLength(1);
		expect(remote[0].id).toBe(before.id);
		expect([...remote[0].events].sort()).toEqual(['account.banned', 'video.published']);
		expect(remote[0].enabled).toBe(true);
		expect(stored(staticData, prodUrl)).toMatchObject({ secret: before.signing_secret, events: ['account.banned', 'video.published'] });
	});

	it('deletes duplicates on this URL and keeps the one whose secret it holds', async () => {
		const staticData: IDataObject = {};
		await activate({ staticData });
		const kept = remoteAt(prodUrl)[0].id;
		for (let i = 0; i < 3; i++) await create.call(hook({ staticData: {} }).context);
		expect(remoteAt(prodUrl)).toHaveLength(4);
		await activate({ staticData });
		expect(remoteAt(prodUrl).map((webhook) => webhook.id)).toEqual([kept]);
	});

	it('leaves webhooks of other URLs alone', async () => {
		const other = await activate({ staticData: {}, webhookUrl: `${receiver.origin}/webhook/someone-else/webhook` });
		await activate({ staticData: {} });
		await deactivate({ staticData: {} });
		expect(remoteAt(`${receiver.origin}/webhook/someone-else/webhook`)).toHaveLength(1);
		await remove.call(other.context);
	});

	it('refuses to activate without any selected event', async () => {
		await expect(activate({ staticData: {}, events: [] })).rejects.toThrow(NodeOperationError);
		expect(remoteAt(prodUrl)).toHaveLength(0);
	});

	it('does not keep a webhook TokPortal created without a signing secret', async () => {
		const staticData: IDataObject = {};
		const attempt = activate({
			staticData,
			intercept: async (request, forward) => {
				const response = await forward();
				if (request.method === 'POST') delete ((response.body as IDataObject).data as IDataObject).signing_secret;
				return response;
			},
		});
		await expect(attempt).rejects.toThrow(/without a signing secret/);
		expect(remoteAt(prodUrl)).toHaveLength(0);
		expect(stored(staticData, prodUrl)).toBeUndefined();
	});
});

describe('test and production URLs', () => {
	it('coexist in the same static data without overwriting each other', async () => {
		const staticData: IDataObject = {};
		await activate({ staticData, webhookUrl: prodUrl });
		await activate({ staticData, webhookUrl: testUrl });
		const [prod] = remoteAt(prodUrl);
		const [test] = remoteAt(testUrl);
		expect(stored(staticData, prodUrl)).toMatchObject({ id: prod.id, secret: prod.signing_secret });
		expect(stored(staticData, testUrl)).toMatchObject({ id: test.id, secret: test.signing_secret });

		// The test listener stops: production keeps its webhook and its secret.
		await deactivate({ staticData, webhookUrl: testUrl });
		expect(remoteAt(testUrl)).toHaveLength(0);
		expect(remoteAt(prodUrl).map((webhook) => webhook.id)).toEqual([prod.id]);
		expect(stored(staticData, prodUrl)).toMatchObject({ id: prod.id, secret: prod.signing_secret });
		expect(stored(staticData, testUrl)).toBeUndefined();
	});
});

describe('deactivation', () => {
	it('deletes the webhook and forgets it', async () => {
		const staticData: IDataObject = {};
		await activate({ staticData });
		await deactivate({ staticData });
		expect(remoteAt(prodUrl)).toHaveLength(0);
		expect(stored(staticData, prodUrl)).toBeUndefined();
	});

	it('also deletes webhooks on this URL that static data lost track of', async () => {
		await activate({ staticData: {} });
		await deactivate({ staticData: {} });
		expect(remoteAt(prodUrl)).toHaveLength(0);
	});

	it('counts a webhook already gone (404) as deleted', async () => {
		const staticData: IDataObject = {};
		await activate({ staticData });
		const id = remoteAt(prodUrl)[0].id;
		sim.state.webhooks = sim.state.webhooks.filter((webhook) => webhook.id !== id);
		sim.clearRequests();
		const fake = hook({ staticData });
		await expect(remove.call(fake.context)).resolves.toBe(true);
		expect(sim.requests.find((request) => request.method === 'DELETE')?.status).toBe(404);
		expect(stored(staticData, prodUrl)).toBeUndefined();
	});

	it('surfaces a failing delete as a NodeApiError and keeps the stored secret', async () => {
		const staticData: IDataObject = {};
		await activate({ staticData });
		const [remote] = remoteAt(prodUrl);
		sim.faults.inject({ method: 'DELETE', path: `/webhooks/${remote.id}` }, { type: 'status', status: 500 }, 10);
		const failure = deactivate({ staticData });
		await expect(failure).rejects.toThrow(NodeApiError);
		await failure.catch((error: NodeApiError) => expect(error.context.httpStatus).toBe(500));
		expect(remoteAt(prodUrl)).toHaveLength(1);
		expect(stored(staticData, prodUrl)).toMatchObject({ id: remote.id, secret: remote.signing_secret });

		sim.faults.clear();
		await deactivate({ staticData });
		expect(remoteAt(prodUrl)).toHaveLength(0);
	});
});

describe('many lifecycles', () => {
	it('100 activate/deactivate cycles leave nothing behind', async () => {
		const staticData: IDataObject = {};
		for (let i = 0; i < 100; i++) {
			await activate({ staticData });
			expect(remoteAt(prodUrl)).toHaveLength(1);
			await deactivate({ staticData });
		}
		expect(remoteAt(prodUrl)).toHaveLength(0);
		expect(staticData.subscriptions).toEqual({});
	});

	it('any mix of restarts, re-saves, lost static data and deactivations keeps at most one webhook', async () => {
		let seed = 7;
		const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		let staticData: IDataObject = {};
		let active = false;
		for (let step = 0; step < 100; step++) {
			const roll = random();
			if (roll < 0.3) {
				await activate({ staticData });
				active = true;
			} else if (roll < 0.5) {
				staticData = persisted(staticData); // restart: n8n reloads what it saved
				if (active) await activate({ staticData });
			} else if (roll < 0.65) {
				staticData = {}; // static data never saved
				if (active) await activate({ staticData });
			} else if (roll < 0.8) {
				// Re-save of an active workflow: n8n removes then adds the webhook.
				if (active) await deactivate({ staticData });
				await activate({ staticData, events: random() < 0.5 ? ['account.banned'] : ['account.finalized'] });
				active = true;
			} else {
				await deactivate({ staticData });
				active = false;
			}
			expect(remoteAt(prodUrl)).toHaveLength(active ? 1 : 0);
		}
		await deactivate({ staticData });
		expect(remoteAt(prodUrl)).toHaveLength(0);
	});
});

describe('HTTPS requirement of the real service', () => {
	const realBaseUrl = 'https://app.tokportal.com/api/ext';

	it('fails activation of an http URL against TokPortal, explaining the fix, before any request', async () => {
		const fake = hook({ staticData: {}, baseUrl: realBaseUrl, webhookUrl: 'http://localhost:5678/webhook/x/webhook' });
		const attempt = checkExists.call(fake.context);
		await expect(attempt).rejects.toThrow(NodeOperationError);
		await attempt.catch((error: NodeOperationError) => expect(error.description).toMatch(/WEBHOOK_URL/));
		await expect(create.call(fake.context)).rejects.toThrow(/only delivers webhooks to https/);
		expect(fake.calls).toHaveLength(0);
	});

	it('lets an https URL through to TokPortal', async () => {
		const staticData: IDataObject = {};
		const webhookUrl = 'https://n8n.example.com/webhook/x/webhook';
		// TokPortal's answers are played locally: these tests never leave 127.0.0.1.
		const fake = hook({
			staticData,
			baseUrl: realBaseUrl,
			webhookUrl,
			intercept: async (request) => ({
				statusCode: request.method === 'POST' ? 201 : 200,
				headers: {},
				body:
					request.method === 'POST'
						? { data: { id: 'wh_real', url: webhookUrl, events: ['account.finalized'], signing_secret: 'whsec_real' } }
						: { data: [], pagination: { page: 1, per_page: 100, total: 0, total_pages: 0 } },
			}),
		});
		expect(await checkExists.call(fake.context)).toBe(false);
		await create.call(fake.context);
		expect(fake.calls).toEqual([
			{ method: 'GET', url: `${realBaseUrl}/webhooks` },
			{ method: 'POST', url: `${realBaseUrl}/webhooks` },
		]);
		expect(stored(staticData, webhookUrl)).toMatchObject({ id: 'wh_real', secret: 'whsec_real' });
	});

	it('accepts http URLs with the simulator', async () => {
		await activate({ staticData: {}, webhookUrl: prodUrl });
		expect(remoteAt(prodUrl)).toHaveLength(1);
	});
});
