// Credit → Get Balance, Get Costs and Get History through n8n-core against the simulator: the history
// paginates with the shared paginator (230 transactions = 3 requests of 100), date filters are sent as
// date_from/date_to, and one item comes out per transaction.
import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { run } from '../accountFixtures';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ seed: { transactions: 230 }, rateLimit: false });
});
afterAll(async () => await sim.close());

async function direct(path: string): Promise<any> {
	const response = await fetch(`${sim.baseUrl}${path}`, { headers: { 'X-API-Key': sim.apiKey } });
	return ((await response.json()) as { data: unknown }).data;
}

describe('Credit → Get Balance and Get Costs', () => {
	it('Get Balance returns TokPortal’s balance object from one GET', async () => {
		const { items, requests } = await run(sim, { resource: 'credit', operation: 'getBalance' });
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /credits/balance']);
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual(await direct('/credits/balance'));
		expect(items[0].json.total_credits).toBe(sim.state.credits);
	});

	it('Get Costs returns the current prices', async () => {
		const { items, requests } = await run(sim, { resource: 'credit', operation: 'getCosts' });
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /credit-costs']);
		expect(items[0].json).toEqual(await direct('/credit-costs'));
		expect(items[0].json).toMatchObject({ costs: { account_creation: 32, video_upload: 2 } });
	});
});

describe('Credit → Get History', () => {
	it('Return All of 230 transactions: 3 requests of 100, one item per transaction, newest first', async () => {
		const { items, requests } = await run(sim, { resource: 'credit', operation: 'getHistory', returnAll: true });
		// Pages 2 and 3 are fetched at the same time once page 1 told how many there are.
		expect(requests.map((r) => [r.path, r.query.page, r.query.per_page]).sort()).toEqual([
			['/credits/history', '1', '100'],
			['/credits/history', '2', '100'],
			['/credits/history', '3', '100'],
		]);
		expect(items).toHaveLength(230);
		expect(new Set(items.map((item) => item.json.id)).size).toBe(230);
		const dates = items.map((item) => String(item.json.created_at));
		expect(dates).toEqual([...dates].sort().reverse());
		expect(items[0].json).toEqual((await direct('/credits/history?per_page=1'))[0]);
		expect(items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('Limit asks for no more than it needs', async () => {
		const { items, requests } = await run(sim, { resource: 'credit', operation: 'getHistory', limit: 120 });
		expect(requests.map((r) => [r.query.page, r.query.per_page])).toEqual([
			['1', '100'],
			['2', '100'],
		]);
		expect(items).toHaveLength(120);
	});

	it('sends From/To Date as date_from/date_to and returns the transactions of those days only', async () => {
		// Seeded transaction i is dated 2026-01-05T09:00Z + 6 h × i: four a day.
		const { items, requests } = await run(sim, {
			resource: 'credit',
			operation: 'getHistory',
			returnAll: true,
			filters: { dateFrom: '2026-01-10', dateTo: '2026-01-12' },
		});
		expect(requests.map((r) => r.query)).toEqual([{ page: '1', per_page: '100', date_from: '2026-01-10', date_to: '2026-01-12' }]);
		expect(items).toHaveLength(12);
		expect(items.every((item) => /^2026-01-1[0-2]T/.test(String(item.json.created_at)))).toBe(true);
		expect(items[0].json).toMatchObject({ type: expect.stringMatching(/^(debit|credit)$/), balance_after: expect.any(Number) });
	});

	it('reads dates from expressions ($today and friends)', async () => {
		const { requests } = await run(sim, {
			resource: 'credit',
			operation: 'getHistory',
			limit: 1,
			filters: { dateFrom: '={{ $today.minus({ days: 7 }) }}', dateTo: '={{ $today }}' },
		});
		const day = (offset: number) => new Date(Date.now() - offset * 86_400_000).toISOString().slice(0, 10);
		expect(requests[0].query).toMatchObject({ date_from: day(7), date_to: day(0) });
	});

	it.each([
		[{ dateFrom: '2026-02-01', dateTo: '2026-01-01' }, '"From Date" (2026-02-01) must not be after "To Date" (2026-01-01)'],
		[{ dateTo: '2026-02-30' }, '"To Date" must be a date written YYYY-MM-DD'],
		[{ dateFrom: '' }, '"From Date" is empty'],
	])('refuses %j without sending anything', async (filters, message) => {
		const { error, requests } = await run(sim, { resource: 'credit', operation: 'getHistory', returnAll: true, filters });
		expect(error?.message).toContain(message);
		expect(error?.description).toContain('Nothing was sent to TokPortal');
		expect(requests).toHaveLength(0);
	});
});
