// Exactly-once downstream effects in n8n queue mode. TokPortal delivers at least once: an event whose
// acknowledgement is lost is delivered again, and behind a load balancer the second delivery may
// reach another webhook processor, whose in-memory dedupe never saw the first. The shipped Slack
// notifications example therefore has "Claim event once" (disabled until you run queue mode): an
// INSERT … ON CONFLICT DO NOTHING of the trigger's signed event id into PostgreSQL, which lets each
// event through once however many processes race for it. 100 events, 30 of them delivered twice:
// one Slack message each.
//
// n8n's Remove Duplicates node ("remove items processed in previous executions") is not enough:
// it reads its whole history, adds to it and writes it back without a lock, so executions running
// at the same time overwrite each other's ids. TOKPORTAL_E2E_REMOVE_DUPLICATES=1 runs the same test
// with it in place of the claim, to watch that happen.
import type { WebhookDelivery } from '../simulator';
import { startSimulator, type Simulator } from '../simulator';
import { freePort } from '../../scripts/n8n/ports';
import type { WorkflowJson, WorkflowNode } from '../../scripts/n8n/types';
import { ensureTokPortalCredential, readExamples, useCredential } from '../../scripts/n8n/workspace';
import { missingBuild, testUnless } from './helpers/conditions';
import { startLossyLink, type LossyLink } from './helpers/lossyLink';
import { QUEUE_START_TIMEOUT_MS, startQueueStack, type E2eQueue } from './helpers/queue';
import { startSink, withSlackStandIn, type Sink } from './helpers/slackStandIn';

const skipReason = missingBuild('dist/nodes/TokPortalTrigger/TokPortalTrigger.node.js');
const whenReady = testUnless(skipReason);
const whenRemoveDuplicatesAsked = testUnless(
	skipReason ?? (process.env.TOKPORTAL_E2E_REMOVE_DUPLICATES ? undefined : 'set TOKPORTAL_E2E_REMOVE_DUPLICATES=1 to run it'),
);

const EVENTS = 100;
const WAVE = 10;
const TRIGGER = 'TokPortal events';
const CLAIM = 'Claim event once';
/** What the example's sticky note tells a queue-mode user to run once. */
const CLAIM_TABLE =
	'CREATE TABLE tokportal_events (id text PRIMARY KEY, envelope jsonb NOT NULL, received_at timestamptz NOT NULL DEFAULT now())';

let queue: E2eQueue | undefined;
let simulator: Simulator | undefined;
let link: LossyLink | undefined;
let sink: Sink | undefined;
let example: WorkflowJson;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
	if (skipReason) return;
	// TokPortal → lossy hop → proxy → webhook processors: the hop is n8n's public address.
	const proxyPort = await freePort();
	link = await startLossyLink(`http://127.0.0.1:${proxyPort}/`, { lossPerTen: 3 });
	await Promise.all([
		startQueueStack('queue-exactly-once', { proxyPort, publicUrl: link.url }).then((started) => (queue = started)),
		// Redelivery after 1 s: the first execution is under way or done by then.
		startSimulator({ webhookRetryDelaysMs: [1000, 3000, 10000], rateLimit: false }).then((started) => (simulator = started)),
		startSink().then((started) => (sink = started)),
	]);
	const { client } = queue!.stack.main;
	const { credential } = await ensureTokPortalCredential(client, 'TokPortal account', { apiKey: simulator!.apiKey, baseUrl: simulator!.baseUrl });
	const [file] = readExamples().filter((e) => e.file === 'slack-notifications.json');
	example = useCredential(withSlackStandIn(file!.workflow, sink!.url), credential);
}, QUEUE_START_TIMEOUT_MS);

afterAll(async () => {
	await Promise.all([queue?.stop(), simulator?.close(), link?.close(), sink?.close()]);
});

async function waitUntil(what: string, done: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await done())) {
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
		await sleep(500);
	}
}

/** The example as a queue-mode user sets it up: the claim enabled, on their own database. */
async function withClaimEnabled(workflow: WorkflowJson): Promise<WorkflowJson> {
	const { stack } = queue!;
	const { host, port, user, password } = stack.postgres.connection;
	await stack.postgres.query('CREATE DATABASE automation', 'postgres');
	await stack.postgres.query(CLAIM_TABLE, 'automation');
	const postgres = await stack.main.client.createCredential('Postgres account', 'postgres', {
		host,
		port,
		database: 'automation',
		user,
		password,
		ssl: 'disable',
	});
	return {
		...workflow,
		nodes: workflow.nodes.map((node) =>
			node.name === CLAIM ? { ...node, disabled: false, credentials: { postgres: { id: postgres.id, name: postgres.name } } } : node,
		),
	};
}

/** The pattern the issue first proposed: Remove Duplicates on the event id, in the claim's place. */
function withRemoveDuplicates(workflow: WorkflowJson): WorkflowJson {
	const dedupe: WorkflowNode = {
		name: CLAIM,
		type: 'n8n-nodes-base.removeDuplicates',
		typeVersion: 2,
		position: [240, 0],
		parameters: { operation: 'removeItemsSeenInPreviousExecutions', dedupeValue: '={{ $json.id }}', options: {} },
	};
	return { ...workflow, name: `${workflow.name} (Remove Duplicates)`, nodes: workflow.nodes.map((node) => (node.name === CLAIM ? dedupe : node)) };
}

async function exactlyOnce(workflow: WorkflowJson): Promise<void> {
	const sim = simulator!;
	const { stack } = queue!;
	const { client } = stack.main;
	const { id: workflowId } = await client.createWorkflow(workflow);
	await client.activateWorkflow(workflowId);
	const eventsBefore = sim.state.events.length;
	const deliveriesBefore = sim.state.deliveries.length;
	const messagesBefore = sink!.received.length;
	const routesBefore = stack.proxy.routes.length;
	const lostBefore = link!.lost.length;

	// One account.banned per account, in waves of ten: the next wave starts once TokPortal had an
	// answer (or gave up waiting) for the first delivery of every event of the previous one, so the
	// shared CPU of a test machine does not pile deliveries up past TokPortal's 10 s timeout. Ten at
	// a time still runs the worker's executions concurrently.
	const accounts = sim.seedAccounts(EVENTS);
	const ours = () => sim.state.events.slice(eventsBefore).filter((e) => e.type === 'account.banned');
	const deliveries = () => sim.state.deliveries.slice(deliveriesBefore);
	for (let wave = 0; wave < EVENTS; wave += WAVE) {
		for (const account of accounts.slice(wave, wave + WAVE)) sim.operator.banAccount(account.id);
		const emitted = ours().length;
		await waitUntil(`TokPortal had answers for events 1–${emitted}`, () => new Set(deliveries().map((d) => d.event_id)).size === emitted, 60_000);
	}
	const events = ours();
	expect(events).toHaveLength(EVENTS);
	const succeeded = () => new Set(deliveries().filter((d) => d.success).map((d) => d.event_id)).size;
	await waitUntil('every event was acknowledged', () => succeeded() === EVENTS, 120_000);
	const running = async () => (await client.listExecutions(workflowId, 500)).filter((e) => !['success', 'error', 'crashed', 'canceled'].includes(e.status));
	await waitUntil('no execution is running', async () => (await running()).length === 0, 120_000);

	// TokPortal's side: 30 events lost their first acknowledgement and were delivered again (as is any
	// event whose first answer took longer than TokPortal's 10 s timeout).
	const lost = link!.lost.slice(lostBefore);
	expect(lost).toHaveLength(30);
	const attempts = new Map<string, WebhookDelivery[]>();
	for (const d of deliveries()) attempts.set(d.event_id, [...(attempts.get(d.event_id) ?? []), d]);
	const redelivered = [...attempts].filter(([, list]) => list.length > 1).map(([id]) => id);
	expect(redelivered).toEqual(expect.arrayContaining(lost));

	// The proxy's side: both processors served deliveries, and some second attempts reached the
	// processor that had not seen the event.
	const servedBy = new Map<string, Set<string>>();
	for (const route of stack.proxy.routes.slice(routesBefore)) {
		const id = route.headers['tokportal-event-id'];
		if (typeof id === 'string') servedBy.set(id, new Set([...(servedBy.get(id) ?? []), route.upstream]));
	}
	expect(new Set([...servedBy.values()].flatMap((set) => [...set]))).toEqual(new Set(['webhook-1', 'webhook-2']));
	const crossed = redelivered.filter((id) => servedBy.get(id)?.size === 2);
	expect(crossed.length).toBeGreaterThan(0);

	// n8n's side: every execution ran on the worker and succeeded; the claim let each event through once.
	const executions = await client.listExecutions(workflowId, 500);
	expect(executions.map((e) => e.status)).toEqual(executions.map(() => 'success'));
	const passed: string[] = [];
	const stopped: string[] = [];
	for (const summary of executions) {
		expect(queue!.ranBy(summary.id)).toEqual(['worker-1']);
		const { data } = await client.getExecution(summary.id);
		const [event] = data.resultData.runData[TRIGGER]![0]!.data!.main[0]!;
		const out = data.resultData.runData[CLAIM]![0]!.data!.main[0] ?? [];
		(out.length === 1 ? passed : stopped).push(String(event!.json.id));
	}
	process.stderr.write(
		`[e2e] ${workflow.name}: ${redelivered.length} events delivered again (${lost.length} lost acknowledgements), ${crossed.length} to the other processor; ${executions.length} executions, ${stopped.length} stopped at "${CLAIM}"; ${sink!.received.length - messagesBefore} messages\n`,
	);

	// Slack's side: exactly one message per event, with the event's own text.
	const messages = sink!.received.slice(messagesBefore);
	const perEvent = new Map<string, number>();
	for (const m of messages) perEvent.set(m.event_id, (perEvent.get(m.event_id) ?? 0) + 1);
	expect([...perEvent].filter(([, count]) => count > 1)).toEqual([]);
	expect(new Set(perEvent.keys())).toEqual(new Set(events.map((e) => e.id)));
	expect(messages.every((m) => m.text.includes('was banned (platform_ban)'))).toBe(true);
	expect(passed.sort()).toEqual(events.map((e) => e.id).sort());
	// Only redelivered events run twice; a second delivery to the same processor is answered by the
	// trigger without an execution.
	expect(redelivered).toEqual(expect.arrayContaining(stopped));
	expect(stopped.length).toBeGreaterThan(0);

	await client.deactivateWorkflow(workflowId);
}

whenReady('queue mode: 100 events, 30 delivered twice across both webhook processors — the claim sends one Slack message each', async () => {
	await exactlyOnce(await withClaimEnabled(example));
	// The claims live in PostgreSQL, where every worker sees them.
	expect(await queue!.stack.postgres.query('SELECT count(*) FROM tokportal_events', 'automation')).toBe(String(EVENTS));
}, 600_000);

whenRemoveDuplicatesAsked('queue mode: the same with Remove Duplicates in place of the claim (expected to fail in n8n 2.40.7)', async () => {
	await exactlyOnce(withRemoveDuplicates(example));
}, 600_000);
