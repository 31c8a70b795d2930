// Delivered Account → Rewarm (5 credits per term: Dry Run, Idempotency Key, price kept).
import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { byId, run } from '../accountFixtures';
import { managedAccount } from '../careFixtures';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());

const TERMS = ['vegan recipes', 'meal prep', 'high protein'];
const rewarm = (accountId: string, extra: Record<string, unknown> = {}) => ({
	resource: 'deliveredAccount',
	operation: 'rewarm',
	accountId: byId(accountId),
	searchTerms: TERMS.join(', '),
	...extra,
});

describe('Delivered Account → Rewarm', () => {
	it('starts a session with the terms, charges 5 credits per term and keeps the price; a second one is refused', async () => {
		const account = await managedAccount(sim);
		const before = sim.state.credits;
		const { items, requests, error } = await run(sim, rewarm(account.id));
		expect(error).toBeUndefined();
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST /accounts/${account.id}/rewarm`]);
		expect(requests[0].body).toEqual({ search_terms: TERMS });
		expect(items[0].json).toMatchObject({
			source: 'rewarm',
			saved_account_id: account.id,
			status: 'in_progress',
			terms_total: 3,
			credits_charged: 15,
			credits_remaining: before - 15,
			cost_breakdown: { advanced_warming: 15, total: 15 },
		});
		expect(sim.state.credits).toBe(before - 15);

		const again = await run(sim, rewarm(account.id));
		expect(again.error?.message).toBe(
			`A warming session is already running on this account (${String(items[0].json.id)}, in_progress). Nothing was charged. Wait until it completes (Warming → Get Sessions), then run again.`,
		);
		expect(sim.state.credits).toBe(before - 15);
	});

	it('takes the terms as a list from an expression; Dry Run prices without starting; a keyed re-run replays', async () => {
		const account = await managedAccount(sim);
		const before = sim.state.credits;
		const six = ['a1', 'b2', 'c3', 'd4', 'e5', 'f6'];
		const dry = await run(sim, rewarm(account.id, { searchTerms: '={{ $json.terms }}', options: { dryRun: true } }), { items: [{ terms: six }] });
		expect(dry.requests[0].body).toEqual({ search_terms: six });
		expect(dry.requests[0].headers['x-tokportal-dry-run']).toBe('true');
		expect(dry.items[0].json).toMatchObject({ dry_run: true, credits_would_charge: 30, credits_charged: 0 });
		expect(sim.state.warmingSessions.filter((s) => s.saved_account_id === account.id)).toHaveLength(0);

		const keyed = rewarm(account.id, { options: { idempotencyKey: 'rewarm-1' } });
		const first = await run(sim, keyed);
		const second = await run(sim, keyed);
		expect(first.requests[0].headers['idempotency-key']).toBe('deliveredAccount.rewarm:rewarm-1');
		expect(second.items[0].json).toMatchObject({ id: first.items[0].json.id, idempotent_replay: true });
		expect(sim.state.credits).toBe(before - 15);
	});

	it('checks the terms before sending: 3–30, a multiple of 3, 2–50 characters, each once', async () => {
		const account = await managedAccount(sim);
		const cases: Array<[string, string]> = [
			['a1, b2', '"Search Terms" needs at least 3 entries'],
			['a1, b2, c3, d4', '"Search Terms" must hold a multiple of 3 terms (3, 6, 9 … 30); it has 4'],
			['a1, b2, x', '"Search Terms" has an invalid entry: it must be 2–50 characters long (it has 1)'],
			['Meal Prep, meal prep, c3', '"Search Terms" lists "Meal Prep" twice (case does not matter): give 3 different terms'],
			[Array.from({ length: 33 }, (_, i) => `t${i + 10}`).join(','), '"Search Terms" takes at most 30 entries (got 33)'],
			['={{ "" }}', '"Search Terms" is required'],
		];
		for (const [searchTerms, message] of cases) {
			const { error, requests } = await run(sim, rewarm(account.id, { searchTerms }));
			expect({ searchTerms, requests: requests.length, message: error?.message }).toEqual({ searchTerms, requests: 0, message });
		}
	});

	it('says why TokPortal refuses: YouTube, no account manager', async () => {
		const [youtube] = sim.seedAccounts(1, { platform: 'youtube' });
		const { error } = await run(sim, rewarm(youtube.id));
		expect(error?.message).toBe('Warming is available on TikTok and Instagram accounts only. Nothing was charged.');

		const [orphan] = sim.seedAccounts(1, { platform: 'instagram' });
		orphan.post_cutoff = false;
		const noOrder = await run(sim, rewarm(orphan.id));
		expect(noOrder.error?.message).toMatch(/^No TokPortal account manager can take this rewarm/);
	});
});
