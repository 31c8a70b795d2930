// Delivered Account → Get / Reactivate / Cancel Coverage. Reactivation reads TokPortal's quote first
// and pays it only within Max Credits to Pay, sending the quote back so a changed price is never paid;
// cancelling needs an explicit acknowledgement and says what ends.
import type { DeliveredAccount, Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { byId, run } from '../accountFixtures';
import { debitsFor, managedAccount } from '../careFixtures';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());

const op = (operation: string, accountId: string, extra: Record<string, unknown> = {}) => ({
	resource: 'deliveredAccount',
	operation,
	accountId: byId(accountId),
	...extra,
});

const cancel = (accountId: string, extra: Record<string, unknown> = {}) =>
	op('cancelCoverage', accountId, { acknowledgeCoverageEnds: true, ...extra });

const coverageRecord = (account: DeliveredAccount) => sim.state.coverages.find((c) => c.account_id === account.id);

describe('Delivered Account → Get Coverage', () => {
	it('returns the Coverage of a delivered account from one GET', async () => {
		const account = await managedAccount(sim);
		const { items, requests } = await run(sim, op('getCoverage', account.id));
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /accounts/${account.id}/managed-subscription`]);
		expect(items[0].json).toMatchObject({
			account_id: account.id,
			status: 'included',
			task_access: true,
			rate_credits: 25,
			reactivation_quote: null,
		});
	});

	it('explains a grandfathered account (no Coverage record)', async () => {
		const [old] = sim.seedAccounts(1, { platform: 'tiktok' });
		old.post_cutoff = false;
		const { error } = await run(sim, op('getCoverage', old.id));
		expect(error?.message).toMatch(/^TokPortal has no Coverage for this delivered account. Accounts delivered before TokPortal Coverage existed are grandfathered/);
		expect(error?.description).toContain('MANAGED_SUBSCRIPTION_NOT_FOUND');
	});
});

describe('Delivered Account → Cancel Coverage', () => {
	it('sends nothing until "I Understand Coverage Ends" is on, and says what ends', async () => {
		const account = await managedAccount(sim);
		const off = await run(sim, cancel(account.id, { acknowledgeCoverageEnds: false }));
		expect(off.requests).toHaveLength(0);
		expect(off.error?.message).toBe(
			'Turn on "I Understand Coverage Ends" to continue: cancelling ends task access (no more videos, edits, rewarms, comments or ad codes on this account), ban protection, credit restoration after a ban, account replacement and TokPortal support at once, and nothing is refunded',
		);
		expect(off.error?.description).toMatch(/^Nothing was sent to TokPortal/);
		// An agent answering "yes" has not switched it on.
		const yes = await run(sim, cancel(account.id, { acknowledgeCoverageEnds: '={{ "yes" }}' }));
		expect(yes.requests).toHaveLength(0);
		expect(yes.error?.message).toBe('"I Understand Coverage Ends" must be true or false (got "yes")');
		expect(coverageRecord(account)?.status ?? 'included').toBe('included');
	});

	it('cancels at once with no refund, returns what ended, and blocks paid work; a second cancel changes nothing', async () => {
		const account = await managedAccount(sim);
		const before = sim.state.credits;
		const { items, requests, error } = await run(sim, cancel(account.id));
		expect(error).toBeUndefined();
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST /accounts/${account.id}/managed-subscription/cancel`]);
		expect(requests[0].body).toBeUndefined();
		expect(requests[0].headers['idempotency-key']).toMatch(/^n8n-/);
		expect(items[0].json).toMatchObject({
			account_id: account.id,
			status: 'cancelled',
			task_access: false,
			effects: {
				refund_credits: 0,
				ended: ['task_access', 'ban_protection', 'credit_restoration', 'replacement', 'support'],
			},
		});
		expect(sim.state.credits).toBe(before);

		const blocked = await run(sim, op('rewarm', account.id, { searchTerms: 'vegan recipes, meal prep, high protein' }));
		expect(blocked.error?.message).toBe(
			'TokPortal Coverage of this delivered account is cancelled, so this task is blocked. Nothing was charged. Reactivate it (Delivered Account → Reactivate Coverage), then run again.',
		);

		const again = await run(sim, cancel(account.id));
		expect(again.error?.message).toBe('TokPortal Coverage of this account is already cancelled: nothing changed.');
	});
});

describe('Delivered Account → Reactivate Coverage', () => {
	it('reactivates a Coverage cancelled inside a paid period for its quote of 0, sending the quote back', async () => {
		const account = await managedAccount(sim);
		await run(sim, cancel(account.id));
		const lock = coverageRecord(account)!.lock_version;
		const { items, requests, error } = await run(sim, op('reactivateCoverage', account.id));
		expect(error).toBeUndefined();
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET /accounts/${account.id}/managed-subscription`,
			`POST /accounts/${account.id}/managed-subscription/reactivate`,
		]);
		expect(requests[1].body).toEqual({
			expected_credits: 0,
			expected_current_period_end: coverageRecord(account)!.current_period_end,
			expected_lock_version: lock,
		});
		expect(items[0].json).toMatchObject({ status: 'active', task_access: true, credits_charged: 0 });
	});

	it('stops at a price above Max Credits to Pay, showing it, and pays it once allowed', async () => {
		const account = await managedAccount(sim);
		sim.operator.lapseCoverage(account.id, 2);
		const before = sim.state.credits;

		const refused = await run(sim, op('reactivateCoverage', account.id, { maxCreditsToPay: 49 }));
		expect(refused.requests.map((r) => r.method)).toEqual(['GET']);
		expect(refused.error?.message).toMatch(
			/^Reactivating Coverage costs 50 credits \(the unpaid periods, until .+\), more than Max Credits to Pay \(49\)\. To accept, set Max Credits to Pay to at least 50 and run again\.$/,
		);
		expect(refused.error?.description).toMatch(/^Nothing was charged/);
		expect(sim.state.credits).toBe(before);

		const dry = await run(sim, op('reactivateCoverage', account.id, { maxCreditsToPay: 50, options: { dryRun: true } }));
		expect(dry.requests[1].headers['x-tokportal-dry-run']).toBe('true');
		expect(dry.items[0].json).toMatchObject({ dry_run: true, credits_charged: 0, credits_would_charge: 50 });
		expect(coverageRecord(account)?.status).toBe('lapsed');

		const paid = await run(sim, op('reactivateCoverage', account.id, { maxCreditsToPay: 50 }));
		expect(paid.items[0].json).toMatchObject({ status: 'active', credits_charged: 50, credits_remaining: before - 50 });
		expect(debitsFor(sim, account.id).filter((d) => d.amount === -50)).toHaveLength(1);
		expect(sim.state.credits).toBe(before - 50);

		// Active again: nothing to reactivate, nothing paid, no POST.
		const active = await run(sim, op('reactivateCoverage', account.id, { maxCreditsToPay: 50 }));
		expect(active.requests.map((r) => r.method)).toEqual(['GET']);
		expect(active.error?.message).toBe('TokPortal Coverage of this account is active: there is nothing to reactivate');
		expect(sim.state.credits).toBe(before - 50);
	});

	it('never pays a quote that changed between reading and paying, and never retries', async () => {
		const account = await managedAccount(sim);
		sim.operator.lapseCoverage(account.id, 1);
		const before = sim.state.credits;
		const path = `/accounts/${account.id}/managed-subscription/reactivate`;
		sim.faults.inject({ method: 'POST', path }, { type: 'latency', ms: 300 });

		const running = run(sim, op('reactivateCoverage', account.id, { maxCreditsToPay: 500 }));
		// While the payment is on its way, TokPortal's quote moves on (another unpaid period).
		const deadline = Date.now() + 5000;
		while (!sim.requests.some((r) => r.path === path) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
		const record = coverageRecord(account)!;
		record.unpaid_periods = 3;
		record.lock_version += 1;

		const { error, requests } = await running;
		expect(requests.map((r) => r.method)).toEqual(['GET', 'POST']);
		expect(error?.message).toBe(
			'The reactivation price changed between reading it and paying (now 75 credits), so nothing was charged. Run again: the node reads the new price and pays it only if Max Credits to Pay covers it.',
		);
		expect(error?.description).toContain('MANAGED_SUBSCRIPTION_QUOTE_CHANGED');
		expect(sim.state.credits).toBe(before);
		expect(coverageRecord(account)?.status).toBe('lapsed');
	});

	it('refuses a Max Credits to Pay that is not a whole number of 0 or more, or that its expression leaves empty, before reading', async () => {
		const account = await managedAccount(sim);
		for (const [maxCreditsToPay, message] of [
			['={{ "" }}', '"Max Credits to Pay" is empty. Give it a value (check its expression) or remove the field'],
			[-1, '"Max Credits to Pay" must be a whole number of 0 or more (got -1)'],
			['={{ "25.5" }}', '"Max Credits to Pay" must be a whole number of 0 or more (got "25.5")'],
		] as const) {
			const { error, requests } = await run(sim, op('reactivateCoverage', account.id, { maxCreditsToPay }));
			expect({ maxCreditsToPay, requests: requests.length, message: error?.message }).toEqual({ maxCreditsToPay, requests: 0, message });
		}
	});

	it('says when Coverage ended for good', async () => {
		const account = await managedAccount(sim);
		sim.operator.endCoverage(account.id);
		const { error, requests } = await run(sim, op('reactivateCoverage', account.id, { maxCreditsToPay: 500 }));
		expect(requests.map((r) => r.method)).toEqual(['GET']);
		expect(error?.message).toBe('TokPortal Coverage of this account has ended for good and cannot be reactivated');
	});
});
