// Warming → Get Sessions (of a delivered account) and Get Session.
import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { byId, callApi, run } from '../accountFixtures';
import { managedAccount } from '../careFixtures';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());

describe('Warming → Get Sessions and Get Session', () => {
	it('lists the sessions of an account, one item each, and reads one with its term reports', async () => {
		const account = await managedAccount(sim);
		const none = await run(sim, { resource: 'warming', operation: 'getSessions', accountId: byId(account.id) });
		expect(none.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /accounts/${account.id}/warming-sessions`]);
		expect(none.items).toHaveLength(0);

		const started = await callApi(sim, 'POST', `/accounts/${account.id}/rewarm`, { search_terms: ['a1', 'b2', 'c3'] });
		const sessionId = String(started.json.data?.id);
		sim.operator.verifyWarmingTerm(sessionId, 'a1');

		const listed = await run(sim, { resource: 'warming', operation: 'getSessions', accountId: byId(account.id) });
		expect(listed.items.map((item) => item.json.id)).toEqual([sessionId]);
		expect(listed.items[0].json).toMatchObject({ source: 'rewarm', terms_verified: 1 });

		const one = await run(sim, { resource: 'warming', operation: 'getSession', sessionId });
		expect(one.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /warming-sessions/${sessionId}`]);
		expect(one.items[0].json).toMatchObject({ id: sessionId, status: 'in_progress' });
		expect((one.items[0].json.terms as Array<{ term: string; status: string }>).map((t) => [t.term, t.status])).toEqual([
			['a1', 'verified'],
			['b2', 'pending'],
			['c3', 'pending'],
		]);
	});

	it('refuses an ID that is not one path segment, and explains an unknown session', async () => {
		const dots = await run(sim, { resource: 'warming', operation: 'getSession', sessionId: '..' });
		expect(dots.requests).toHaveLength(0);
		expect(dots.error?.message).toBe('"Session ID" is not a valid ID (got "..")');

		const unknown = await run(sim, { resource: 'warming', operation: 'getSession', sessionId: 'a/b' });
		expect(unknown.requests.map((r) => r.path)).toEqual(['/warming-sessions/a%2Fb']);
		expect(unknown.error?.message).toMatch(/^TokPortal found no such warming session/);
	});
});
