// Issue #9 defect 3: no secret ever leaves the node. 150+ runs that end in an error (every error
// kind the simulator can produce, echoing gateways included, bad Base URLs) × Continue On Fail on
// and off, each searched — outputs, the error (message, description, context, cause), the run data as
// n8n saves it, and every line n8n logged — for the credential's key, anything shaped like a
// TokPortal key, webhook signing secrets and revealed passwords.
import { createHash } from 'node:crypto';

import type { INodeParameters } from 'n8n-workflow';

import type { NodeRun, RunNodeOptions } from '../harness';
import { runTokPortalNode } from '../harness';
import { captureLogs } from '../harness/logs';
import { TriggerInstance } from '../harness/trigger';
import type { Fault, Simulator } from '../simulator';
import type { FaultMatch } from '../simulator/faults';
import { startSimulator } from '../simulator';
import { byId } from '../node/accountFixtures';
import { caseSuite } from './support/cases';
import { figureBook } from './support/figures';
import { closedPort } from './support/network';
import type { Fixtures } from './support/operations';
import { createFixtures, validParameters } from './support/operations';
import type { KnownSecret } from './support/secrets';
import { allText, findLeaks, savedJson } from './support/secrets';

const hex = (seed: string) => createHash('sha256').update(seed).digest('hex');
/** The credential's key; a second TokPortal user whose key has the tok_live_ shape; a revoked key. */
const KEY = `sk_${hex('adversarial credential')}`;
const OTHER_USER_KEY = `tok_live_${hex('second user').slice(0, 40)}`;
const WRONG_KEY = `sk_${hex('revoked key')}`;
/** The user part of a Base URL with user-info; also tried as the Basic-auth user a key could be encoded with. */
const URL_USER = 'n8n';

/**
 * How long n8n waits for a server that never answers (the 'hang' faults only: a short timeout on
 * every run would, on a busy machine, abort requests before the simulator even read them).
 */
const HANG_TIMEOUT_MS = 500;

const timeoutFor = (fault?: ArmedFault) => (fault?.fault.type === 'hang' ? HANG_TIMEOUT_MS : undefined);

const figures = figureBook('secrets', 'secrets');
const cases = caseSuite('secrets');

let sim: Simulator;
let fixtures: Fixtures;
let unreachable: number;

beforeAll(async () => {
	sim = await startSimulator({ apiKeys: [KEY, OTHER_USER_KEY], rateLimit: false, initialCredits: 1_000_000 });
	fixtures = await createFixtures(sim);
	unreachable = await closedPort();
});
afterAll(async () => await sim.close());
afterEach(() => sim.faults.clear());

/** Everything secret the simulator knows: keys, webhook signing secrets, account passwords, report tokens. */
function knownSecrets(): KnownSecret[] {
	return [
		{ what: "the credential's API key", value: KEY },
		{ what: "another user's API key", value: OTHER_USER_KEY },
		{ what: 'a revoked API key', value: WRONG_KEY },
		...sim.state.webhooks.map((hook) => ({ what: 'a webhook signing secret', value: hook.signing_secret })),
		...sim.state.accounts.map((account) => ({ what: 'a delivered account password', value: account.password })),
		...sim.state.analyticsReports.map((report) => ({ what: 'an analytics report token', value: report.token })),
	];
}

/** One run: whether it ended in an error, and the text of every place n8n shows or saves. */
interface RunOutcome {
	failed: boolean;
	places: Record<string, string>;
}

interface ArmedFault {
	match: FaultMatch;
	fault: Fault;
	/** The node may rightly send nothing (a Base URL it refuses): then nobody reaches the fault. */
	optional?: boolean;
}

function nodeOutcome(run: NodeRun): RunOutcome {
	return {
		failed: run.error !== undefined || run.items.some((item) => item.json.error !== undefined),
		places: { outputs: allText(run.items), error: allText(run.error), 'saved run data': savedJson(run.result.run) },
	};
}

/**
 * Runs `execute` once per label, at the same time, with `fault` armed for more requests than the
 * transport ever retries (so each run ends in the error); n8n's log of both is captured. Returns what
 * is wrong: a run that did not fail or a fault nobody reached (the case would test nothing), and
 * every leak. Each run is counted in the figures.
 */
async function searchedRuns(labels: string[], execute: (label: string) => Promise<RunOutcome>, fault?: ArmedFault): Promise<string[]> {
	sim.faults.clear();
	sim.clearRequests();
	if (fault) sim.faults.inject(fault.match, fault.fault, 20 * labels.length);
	const logs = captureLogs();
	let outcomes: RunOutcome[];
	try {
		outcomes = await Promise.all(labels.map(execute));
	} finally {
		logs.stop();
	}
	const secrets = knownSecrets();
	const search = (places: Record<string, string>) => findLeaks(places, secrets, { basicAuthUsers: [URL_USER] });
	const logLeaks = search({ [labels.length > 1 ? 'the log of these runs' : 'the log']: logs.lines.join('\n') });
	const problems: string[] = [];
	if (fault && !fault.optional && !sim.requests.some((request) => request.fault !== undefined)) {
		problems.push('no request reached the fault, so the case tests nothing');
	}
	outcomes.forEach((outcome, index) => {
		const leaks = [...search(outcome.places), ...logLeaks];
		figures.add('errorRuns');
		figures.add('leaks', leaks.length);
		if (leaks.length > 0) figures.add('leakingRuns');
		if (!outcome.failed) problems.push(`${labels[index]}: the run did not fail, so the case tests nothing`);
		problems.push(...search(outcome.places).map((leak) => `${labels[index]}: ${leak.what} in ${leak.where} — …${leak.excerpt}…`));
	});
	problems.push(...logLeaks.map((leak) => `${leak.what} in ${leak.where} — …${leak.excerpt}…`));
	return problems;
}

/** Continue On Fail off and on: the error becomes the node's error, or an output item. */
async function bothWays(options: Omit<RunNodeOptions, 'continueOnFail' | 'requestTimeoutMs'>, fault?: ArmedFault): Promise<string[]> {
	return await searchedRuns(
		['Continue On Fail off', 'Continue On Fail on'],
		async (label) =>
			nodeOutcome(
				await runTokPortalNode(sim, { ...options, continueOnFail: label.endsWith('on'), requestTimeoutMs: timeoutFor(fault) }),
			),
		fault,
	);
}

/**
 * Answers that end the run in an error. The 5xx carry `Retry-After: 0`: the transport retries them
 * at once instead of backing off, so a run takes milliseconds; what is searched is the same.
 */
const ERROR_KINDS: Array<[string, Fault]> = [
	['echo 400 (TokPortal envelope)', { type: 'echo', status: 400 }],
	['echo 401 (TokPortal envelope)', { type: 'echo', status: 401, code: 'AUTH_INVALID_KEY' }],
	['echo 403 (TokPortal envelope)', { type: 'echo', status: 403 }],
	['echo 404 (TokPortal envelope)', { type: 'echo', status: 404 }],
	['echo 409 (TokPortal envelope)', { type: 'echo', status: 409 }],
	['echo 422 (proxy JSON)', { type: 'echo', status: 422, format: 'proxy' }],
	['echo 429 (TokPortal envelope, Retry-After 0)', { type: 'echo', status: 429, retryAfterSeconds: 0 }],
	['echo 500 (TokPortal envelope)', { type: 'echo', status: 500, retryAfterSeconds: 0 }],
	['echo 502 (HTML page)', { type: 'echo', status: 502, format: 'html', retryAfterSeconds: 0 }],
	['echo 503 (proxy JSON)', { type: 'echo', status: 503, format: 'proxy', retryAfterSeconds: 0 }],
	['echo 504 (plain text)', { type: 'echo', status: 504, format: 'text', retryAfterSeconds: 0 }],
];

/** Failures without an answer: the transport backs off between its retries, so only the order gets them. */
const NETWORK_KINDS: Array<[string, Fault]> = [
	['timeout (never answered)', { type: 'hang' }],
	['connection reset', { type: 'reset' }],
	['answer lost after commit', { type: 'dropAfterCommit' }],
];

/** The calls faults are aimed at: a read, a list, an order, a publish, a profile write. */
const TARGETS: Array<{ id: string; match: FaultMatch; parameters: () => INodeParameters; network?: boolean }> = [
	{
		id: 'bundle.get',
		match: { method: 'GET', path: /^\/bundles\/[^/]+$/ },
		parameters: () => validParameters({ resource: 'bundle', operation: 'get' }, fixtures),
	},
	{ id: 'bundle.getMany', match: { method: 'GET', path: '/bundles' }, parameters: () => validParameters({ resource: 'bundle', operation: 'getMany' }, fixtures) },
	{
		id: 'bundle.create',
		match: { method: 'POST', path: '/bundles' },
		// A real order, not a dry run: the money call as users run it.
		parameters: () => ({ ...validParameters({ resource: 'bundle', operation: 'create' }, fixtures), options: {} }),
		network: true,
	},
	{ id: 'bundle.publish', match: { method: 'POST', path: /\/publish$/ }, parameters: () => validParameters({ resource: 'bundle', operation: 'publish' }, fixtures) },
	{
		id: 'accountConfiguration.configure',
		match: { method: 'PUT', path: /\/account$/ },
		parameters: () => validParameters({ resource: 'accountConfiguration', operation: 'configure' }, fixtures),
	},
];

describe('every error kind × five calls × Continue On Fail off/on', () => {
	for (const target of TARGETS) {
		for (const [kind, fault] of [...ERROR_KINDS, ...(target.network ? NETWORK_KINDS : [])]) {
			cases.it(`${target.id} × ${kind}`, 'defect 9.3', async () =>
				bothWays({ parameters: target.parameters() }, { match: target.match, fault }),
			);
		}
	}
});

describe('real refusals from TokPortal', () => {
	for (const target of TARGETS) {
		cases.it(`${target.id} × 401 for a revoked key`, 'defect 9.3', async () =>
			bothWays({ parameters: target.parameters(), apiKey: WRONG_KEY }),
		);
	}
	for (const [kind, fault] of ERROR_KINDS.slice(0, 3)) {
		cases.it(`bundle.get with a tok_live_ key × ${kind}`, 'defect 9.3', async () =>
			bothWays(
				{ parameters: validParameters({ resource: 'bundle', operation: 'get' }, fixtures), apiKey: OTHER_USER_KEY },
				{ match: TARGETS[0].match, fault },
			),
		);
	}
});

const EVERY_CALL = ['bundle.get', 'bundle.create', 'deliveredAccount.revealCredentials'];

/**
 * Base URLs with the key in them, as users paste them (`host` is the simulator's, `closed` a port
 * where nothing listens). Those that reach the simulator meet a gateway echoing the request — its
 * Authorization header included, where user-info goes. Network failures are tried on a read (which
 * the transport retries, with backoff) and on the reveal (never retried).
 */
const HOSTILE_BASE_URLS: Array<{ kind: string; url: (host: string, closed: number) => string; echo?: Fault; operations: string[] }> = [
	{ kind: 'user-info with the key as password', url: (host) => `http://${URL_USER}:${KEY}@${host}/api/ext`, echo: { type: 'echo', status: 401 }, operations: EVERY_CALL },
	{ kind: 'user-info with the key as user', url: (host) => `http://${KEY}@${host}/api/ext`, echo: { type: 'echo', status: 401 }, operations: EVERY_CALL },
	{ kind: 'the key pasted into the path', url: (host) => `http://${host}/api/ext/${KEY}`, operations: EVERY_CALL },
	{ kind: 'the key in the query', url: (host) => `http://${host}/api/ext?api_key=${KEY}`, echo: { type: 'echo', status: 400 }, operations: EVERY_CALL },
	{ kind: 'the key pasted instead of a URL', url: () => KEY, operations: EVERY_CALL },
	{
		kind: 'user-info, host unreachable',
		url: (_host, closed) => `http://${URL_USER}:${KEY}@127.0.0.1:${closed}/api/ext`,
		operations: ['bundle.get', 'deliveredAccount.revealCredentials'],
	},
	{ kind: 'https user-info to a plain-HTTP server (TLS error)', url: (host) => `https://${URL_USER}:${KEY}@${host}/api/ext`, operations: ['deliveredAccount.revealCredentials'] },
];

describe('Base URLs carrying the key', () => {
	for (const hostile of HOSTILE_BASE_URLS) {
		for (const operation of hostile.operations) {
			cases.it(`${operation} × Base URL: ${hostile.kind}`, 'defect 9.3', async () => {
				const [resource, name] = operation.split('.');
				return await bothWays(
					{ parameters: validParameters({ resource, operation: name }, fixtures), baseUrl: hostile.url(new URL(sim.url).host, unreachable) },
					hostile.echo && { match: {}, fault: hostile.echo, optional: true },
				);
			});
		}
	}
});

describe('secrets TokPortal returned, echoed by a failing gateway', () => {
	const afterCommit: Array<[string, Fault]> = [
		['echo 502 after commit (TokPortal envelope)', { type: 'echo', status: 502, afterCommit: true }],
		['echo 502 after commit (proxy JSON)', { type: 'echo', status: 502, format: 'proxy', afterCommit: true }],
		['echo 502 after commit (HTML page)', { type: 'echo', status: 502, format: 'html', afterCommit: true }],
		['echo 500 after commit (plain text)', { type: 'echo', status: 500, format: 'text', afterCommit: true }],
		['timeout after commit', { type: 'hang', afterCommit: true }],
		['connection reset after commit', { type: 'reset', afterCommit: true }],
	];
	for (const [kind, fault] of afterCommit) {
		cases.it(`deliveredAccount.revealCredentials × ${kind}`, 'defect 9.3', async () => {
			const [account] = sim.seedAccounts(1, { platform: 'instagram' });
			account.post_cutoff = false;
			return await bothWays(
				{ parameters: { resource: 'deliveredAccount', operation: 'revealCredentials', accountId: byId(account.id), acknowledgeSupportEnds: true } },
				{ match: { method: 'POST', path: /\/reveal-credentials$/ }, fault },
			);
		});
		// The node's other calls whose answer holds a secret shown only once.
		cases.it(`webhook.create × ${kind}`, 'defect 9.3', async () =>
			bothWays(
				{ parameters: validParameters({ resource: 'webhook', operation: 'create' }, fixtures) },
				{ match: { method: 'POST', path: '/webhooks' }, fault },
			),
		);
		cases.it(`analytics.createReport × ${kind}`, 'defect 9.3', async () =>
			bothWays(
				{ parameters: validParameters({ resource: 'analytics', operation: 'createReport' }, fixtures) },
				{ match: { method: 'POST', path: '/analytics/export/reports' }, fault },
			),
		);
		cases.it(`TokPortal Trigger activation × ${kind}`, 'defect 9.3', async () => {
			const trigger = new TriggerInstance(
				{ baseUrl: sim.baseUrl, apiKey: KEY },
				{
					webhookId: `secrets-${kind.replace(/\W+/g, '-')}`,
					events: ['account.finalized'],
					publicUrl: 'http://127.0.0.1:5678/',
					requestTimeoutMs: timeoutFor({ match: {}, fault }),
				},
			);
			return await searchedRuns(
				['activation'],
				async () => {
					const failure = await trigger.activate().then(
						() => undefined,
						(error: unknown) => error,
					);
					return {
						failed: failure !== undefined,
						places: { error: allText(failure), 'saved static data': savedJson(trigger.savedStaticData) },
					};
				},
				{ match: { method: 'POST', path: '/webhooks' }, fault },
			);
		});
	}
});
