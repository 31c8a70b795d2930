import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { byId, run } from '../accountFixtures';
import { debitsFor, describeSupportForfeit, reveal, seededAccount } from './supportForfeit';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());

describeSupportForfeit('Reveal Credentials', reveal, 'reveal-credentials', () => sim);

describe('Delivered Account → Reveal Credentials', () => {
	it('reveals an older account with one POST without body or Idempotency-Key, ending support', async () => {
		const target = seededAccount(sim, false);
		const { items, requests } = await run(sim, reveal(target.id));
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({ method: 'POST', path: `/accounts/${target.id}/reveal-credentials` });
		expect(requests[0].body).toBeUndefined();
		expect(requests[0].headers['idempotency-key']).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ account_id: target.id, password: target.password });
		expect(target.support_forfeited_at).not.toBeNull();
		expect(debitsFor(sim, target.id)).toHaveLength(0);
	});

	it('checks the acknowledgement per item and keeps pairing under Continue On Fail', async () => {
		const target = seededAccount(sim, false);
		const { items, requests } = await run(
			sim,
			reveal('', { accountId: byId('={{ $json.account }}'), acknowledgeSupportEnds: '={{ $json.ok }}' }),
			{ continueOnFail: true, items: [{ account: target.id, ok: false }, { account: target.id, ok: true }] },
		);
		expect(requests).toHaveLength(1);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(items[0].json.error).toMatch(/^Turn on "I Understand Support Ends" to continue: it confirms you accept that TokPortal support for this account ends for good/);
		expect(items[1].json).toMatchObject({ account_id: target.id });
	});
});
