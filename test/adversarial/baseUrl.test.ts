// Issue #9 defect 3, second half: a Base URL with user-info or the API key in it is refused — by every
// call of every operation, by the trigger's activation and by the credential test — with a message
// about the Base URL, without repeating the key, and before anything is sent.
import { createHash } from 'node:crypto';

import { runTokPortalNode } from '../harness';
import { TriggerInstance } from '../harness/trigger';
import type { Simulator } from '../simulator';
import { startSimulator } from '../simulator';
import { testCredential } from './support/credentialTest';
import type { Fixtures } from './support/operations';
import { allOperations, createFixtures, operationId, validBinary, validParameters } from './support/operations';
import { findLeaks } from './support/secrets';

const KEY = `sk_${createHash('sha256').update('adversarial base URL').digest('hex')}`;

let sim: Simulator;
let fixtures: Fixtures;
beforeAll(async () => {
	sim = await startSimulator({ apiKeys: [KEY], rateLimit: false, initialCredits: 1_000_000 });
	fixtures = await createFixtures(sim);
});
afterAll(async () => await sim.close());

/** Base URLs that reach the simulator but carry the key: only the node's own check can stop them. */
function hostile(): Array<[string, string]> {
	const { host } = new URL(sim.url);
	return [
		['user-info with the key as password', `http://n8n:${KEY}@${host}/api/ext`],
		['user-info with the key as user', `http://${KEY}@${host}/api/ext`],
		['the key pasted into the path', `http://${host}/api/ext/${KEY}`],
		['the key in the query', `http://${host}/api/ext?api_key=${KEY}`],
	];
}

/** What is wrong with how a refusal of this Base URL went: something was sent, no clear message, the key repeated. */
function refusalProblems(label: string, message: string | undefined, sent: number): string[] {
	const problems: string[] = [];
	if (sent > 0) problems.push(`${label}: ${sent} request(s) reached TokPortal`);
	if (message === undefined) problems.push(`${label}: not refused`);
	else if (!/base[ -]url/i.test(message)) problems.push(`${label}: the message does not point at the Base URL: ${message.slice(0, 200)}`);
	for (const leak of findLeaks({ message: message ?? '' }, [{ what: 'the API key', value: KEY }])) problems.push(`${label}: ${leak.what} in the message`);
	return problems;
}

it('the control: the plain Base URL works for the credential test and an operation', async () => {
	expect(await testCredential({ apiKey: KEY, baseUrl: sim.baseUrl })).toMatchObject({ status: 'OK' });
	const run = await runTokPortalNode({ baseUrl: sim.baseUrl, apiKey: KEY }, { parameters: validParameters({ resource: 'bundle', operation: 'get' }, fixtures) });
	expect(run.error).toBeUndefined();
});

describe.each(['user-info with the key as password', 'user-info with the key as user', 'the key pasted into the path', 'the key in the query'])(
	'a Base URL with %s',
	(kind) => {
		const baseUrl = () => new Map(hostile()).get(kind) as string;

		it('is refused by every operation, before anything is sent', async () => {
			const problems: string[] = [];
			for (const operation of allOperations()) {
				sim.clearRequests();
				const run = await runTokPortalNode(
					{ baseUrl: baseUrl(), apiKey: KEY },
					{ parameters: validParameters(operation, fixtures), binary: validBinary(operation), continueOnFail: true },
				);
				const item = run.items[0]?.json;
				const message = run.error ? `${run.error.message} ${run.error.description ?? ''}` : typeof item?.error === 'string' ? `${item.error} ${String(item.description ?? '')}` : undefined;
				problems.push(...refusalProblems(operationId(operation), message, sim.requests.length));
			}
			expect(problems).toEqual([]);
		});

		it('is refused by the trigger’s activation, before anything is sent', async () => {
			sim.clearRequests();
			const trigger = new TriggerInstance(
				{ baseUrl: baseUrl(), apiKey: KEY },
				{ webhookId: `base-url-${kind.replace(/\W+/g, '-')}`, events: ['account.finalized'], publicUrl: 'http://127.0.0.1:5678/' },
			);
			const failure = await trigger.activate().then(
				() => undefined,
				(error: Error & { description?: string }) => `${error.message} ${error.description ?? ''}`,
			);
			expect(refusalProblems('activation', failure, sim.requests.length)).toEqual([]);
		});

		// The credential test goes to the reserved host base-url-must-not-contain-credentials.invalid.
		it('is refused by the credential test, before anything is sent', async () => {
			sim.clearRequests();
			const result = await testCredential({ apiKey: KEY, baseUrl: baseUrl() });
			expect(refusalProblems('credential test', result.status === 'OK' ? undefined : result.message, sim.requests.length)).toEqual([]);
		});
	},
);
