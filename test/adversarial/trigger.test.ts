// Issue #9 defects 7 and 10: the TokPortal Trigger across n8n's life — public-URL changes (a new
// tunnel, WEBHOOK_URL), restarts, static data lost in a crash, "listen for test event", subscriptions
// deleted at TokPortal — driven through n8n-core's HookContext against the simulator. After any
// sequence: exactly one subscription per URL the trigger serves, none for URLs it no longer serves.
// Deliveries go through n8n-core's WebhookContext and are deduplicated on signed data only.
import { randomUUID } from 'node:crypto';

import type { TriggerInstance as Trigger, WebhookServer } from '../harness/trigger';
import { startWebhookServer, TriggerInstance } from '../harness/trigger';
import type { Simulator } from '../simulator';
import { signPayload, startSimulator } from '../simulator';
import { client } from '../simulator/client';
import { caseSuite } from './support/cases';
import { figureBook } from './support/figures';

const figures = figureBook('trigger', 'trigger');
const cases = caseSuite('trigger');

let sim: Simulator;
let server: WebhookServer;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false, webhookRetryDelaysMs: [] });
	server = await startWebhookServer();
});
afterAll(async () => {
	await server.close();
	await sim.close();
});

/** One public URL of n8n per "tunnel": same host, a path of its own, so deliveries can be routed. */
const publicUrl = (tunnel: number) => `${server.origin}/tunnel-${tunnel}/`;

function trigger(webhookId = `wh-${randomUUID()}`, events = ['account.banned']): Trigger {
	const instance = new TriggerInstance({ baseUrl: sim.baseUrl, apiKey: sim.apiKey }, { webhookId, events, publicUrl: publicUrl(0) });
	server.serve(instance);
	return instance;
}

/** Every subscription at TokPortal that delivers to one of this trigger's URLs (its webhook id is in the path). */
function subscriptionsOf(webhookId: string) {
	return sim.state.webhooks.filter((hook) => hook.url.includes(`/${webhookId}/`) && hook.url.startsWith(server.origin));
}

describe('public-URL changes', () => {
	it('five URL changes while active leave one subscription, and deactivation leaves none', async () => {
		const id = `wh-${randomUUID()}`;
		const instance = trigger(id);
		await instance.activate();
		for (let tunnel = 1; tunnel <= 5; tunnel++) await instance.changePublicUrl(publicUrl(tunnel));
		const afterChanges = subscriptionsOf(id);
		figures.add('lifecycleSteps', 6);
		figures.add('orphanedSubscriptions', afterChanges.filter((hook) => hook.url !== instance.url()).length);

		// An event now reaches every orphan: each delivery lands on a URL n8n no longer serves.
		const unservedBefore = server.unserved.length;
		const [account] = sim.seedAccounts(1);
		sim.operator.banAccount(account.id);
		await waitFor(() => instance.started.length >= 1);
		const unservedDeliveries = server.unserved.length - unservedBefore;

		await instance.deactivate();
		figures.add('lifecycleSteps');
		expect({ subscriptions: afterChanges.map((hook) => hook.url), unservedDeliveries }).toEqual({
			subscriptions: [instance.url()],
			unservedDeliveries: 0,
		});
		expect(subscriptionsOf(id)).toEqual([]);
	});

	it('a URL change while inactive, then activation and deactivation: nothing left behind', async () => {
		const id = `wh-${randomUUID()}`;
		const instance = trigger(id);
		await instance.changePublicUrl(publicUrl(7));
		await instance.activate();
		expect(subscriptionsOf(id).map((hook) => hook.url)).toEqual([instance.url()]);
		await instance.deactivate();
		figures.add('lifecycleSteps', 3);
		expect(subscriptionsOf(id)).toEqual([]);
	});
});

async function waitFor(condition: () => boolean, timeoutMs = 3_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error('timed out waiting for a delivery');
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

/** Deterministic pseudo-random numbers (mulberry32), so a failing sequence can be replayed by its seed. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

type Step =
	| 'activate'
	| 'deactivate'
	| 'restart on a new public URL'
	| 'restart on an earlier public URL'
	| 'restart'
	| 'crash: static data lost, restart'
	| 'listen for a test event, then stop'
	| 'subscription deleted at TokPortal';

const STEPS: Step[] = [
	'activate',
	'deactivate',
	'restart on a new public URL',
	'restart on an earlier public URL',
	'restart',
	'crash: static data lost, restart',
	'listen for a test event, then stop',
	'subscription deleted at TokPortal',
];

const SEQUENCES = 30;
const STEPS_PER_SEQUENCE = 10;

describe(`${SEQUENCES} random lifecycles of ${STEPS_PER_SEQUENCE} steps`, () => {
	for (let seed = 1; seed <= SEQUENCES; seed++) {
		const next = random(seed);
		const steps = Array.from({ length: STEPS_PER_SEQUENCE }, () => STEPS[Math.floor(next() * STEPS.length)]);
		cases.it(`sequence ${String(seed).padStart(2, '0')}`, 'defect 9.7', async () => {
			const id = `wh-seq${seed}-${randomUUID()}`;
			const instance = trigger(id);
			const urlsUsed = [instance.publicUrl];
			/** Subscriptions that existed when static data was lost: no implementation can know them any more. */
			const forgotten = new Set<string>();
			/** Served URLs whose subscription was deleted at TokPortal, until the trigger's next lifecycle call there. */
			const deletedRemotely = new Set<string>();
			const problems: string[] = [];
			let missing = 0;

			const check = (after: string) => {
				const remote = subscriptionsOf(id);
				for (const url of instance.servedUrls()) {
					const count = remote.filter((hook) => hook.url === url).length;
					if (count === 1 || (count === 0 && deletedRemotely.has(url))) continue;
					if (count === 0) missing++;
					problems.push(`after "${after}": ${count} subscriptions for the served URL ${url}`);
				}
				const orphans = remote.filter((hook) => !instance.servedUrls().includes(hook.url) && !forgotten.has(hook.id));
				if (orphans.length > 0) problems.push(`after "${after}": ${orphans.length} subscription(s) for URLs no longer served: ${orphans.map((hook) => hook.url).join(', ')}`);
			};

			for (const step of steps) {
				switch (step) {
					case 'activate':
						if (!instance.active) await instance.activate();
						deletedRemotely.delete(instance.url());
						break;
					case 'deactivate':
						if (instance.active) await instance.deactivate();
						break;
					case 'restart on a new public URL': {
						const url = publicUrl(urlsUsed.length + 100 * seed);
						urlsUsed.push(url);
						await instance.changePublicUrl(url);
						deletedRemotely.delete(instance.url());
						break;
					}
					case 'restart on an earlier public URL':
						await instance.changePublicUrl(urlsUsed[Math.floor(next() * urlsUsed.length)]);
						deletedRemotely.delete(instance.url());
						break;
					case 'restart':
						await instance.changePublicUrl(instance.publicUrl);
						deletedRemotely.delete(instance.url());
						break;
					case 'crash: static data lost, restart':
						for (const hook of subscriptionsOf(id)) forgotten.add(hook.id);
						instance.savedStaticData = {};
						await instance.changePublicUrl(instance.publicUrl);
						deletedRemotely.delete(instance.url());
						break;
					case 'listen for a test event, then stop':
						await instance.listenForTestEvent();
						check('listening for a test event');
						await instance.stopListening();
						break;
					case 'subscription deleted at TokPortal': {
						const remote = subscriptionsOf(id);
						if (remote.length === 0) break;
						const victim = remote[Math.floor(next() * remote.length)];
						await client(sim)('DELETE', `/webhooks/${victim.id}`);
						if (instance.servedUrls().includes(victim.url)) deletedRemotely.add(victim.url);
						break;
					}
				}
				figures.add('lifecycleSteps');
				check(step);
			}
			if (instance.active) await instance.deactivate();
			figures.add('lifecycleSteps');
			check('final deactivation');
			const leftBehind = subscriptionsOf(id).filter((hook) => !forgotten.has(hook.id));
			figures.add('orphanedSubscriptions', leftBehind.length);
			figures.add('missingSubscriptions', missing);
			return problems.length === 0 ? [] : [`steps: ${steps.join(' → ')}`, ...problems];
		});
	}
});

describe('deduplication on signed data only', () => {
	let instance: Trigger;
	let secret: string;

	beforeAll(async () => {
		instance = trigger(`wh-dedupe-${randomUUID()}`, ['*']);
		await instance.activate();
		const hook = sim.state.webhooks.find((candidate) => candidate.url === instance.url());
		if (!hook) throw new Error('the trigger did not subscribe');
		secret = hook.signing_secret;
	});

	/** A delivery signed with the trigger's secret, as TokPortal sends it (fresh timestamp per attempt). */
	async function deliver(body: Record<string, unknown>, eventIdHeader: string, options: { forged?: boolean } = {}): Promise<number> {
		const raw = JSON.stringify(body);
		const t = Math.floor(Date.now() / 1000);
		const signature = signPayload(options.forged ? 'whsec_not-the-secret' : secret, t, raw);
		const response = await fetch(instance.url(), {
			method: 'POST',
			headers: {
				'Content-Type': 'application/json',
				'TokPortal-Event-Id': eventIdHeader,
				'TokPortal-Event-Type': String(body.type),
				'TokPortal-Signature': `t=${t},v1=${signature}`,
			},
			body: raw,
		});
		return response.status;
	}

	const envelope = (extra: Record<string, unknown>): Record<string, unknown> => ({
		type: 'account.banned',
		api_version: '2026-05-25',
		created_at: new Date().toISOString(),
		data: { saved_account_id: randomUUID() },
		...extra,
	});

	it('the same event redelivered (same signed body with its id, new signature): one execution', async () => {
		const before = instance.started.length;
		const body = envelope({ id: `evt_${randomUUID().replace(/-/g, '')}` });
		expect(await deliver(body, String(body.id))).toBe(200);
		expect(await deliver(body, String(body.id))).toBe(200);
		expect(instance.started.length - before).toBe(1);
	});

	it('a forged delivery: 401, no execution', async () => {
		const before = instance.started.length;
		expect(await deliver(envelope({ id: `evt_${randomUUID()}` }), 'evt_forged', { forged: true })).toBe(401);
		expect(instance.started.length).toBe(before);
	});

	it('the same signed body without an id, replayed with a new TokPortal-Event-Id header: one execution', async () => {
		const before = instance.started.length;
		const body = envelope({});
		await deliver(body, `evt_${randomUUID()}`);
		await deliver(body, `evt_${randomUUID()}`);
		const executions = instance.started.length - before;
		if (executions !== 1) figures.add('dedupeOnUnsignedData');
		expect(executions).toBe(1);
	});

	it('two different signed bodies without an id but the same TokPortal-Event-Id header: two executions', async () => {
		const before = instance.started.length;
		const header = `evt_${randomUUID()}`;
		await deliver(envelope({ data: { saved_account_id: 'first' } }), header);
		await deliver(envelope({ data: { saved_account_id: 'second' } }), header);
		const executions = instance.started.length - before;
		if (executions !== 2) figures.add('dedupeOnUnsignedData');
		expect(executions).toBe(2);
	});
});
