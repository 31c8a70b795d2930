// Credits over real HTTP: balance, the paginated ledger with date filters (230 seeded transactions =
// 3 pages of 100), balance chaining between seeded and live entries, and the price list.
import { type Simulator, startSimulator } from './index';
import { client, control } from './testHelpers';

let sim: Simulator;
let call: ReturnType<typeof client>;

beforeAll(async () => {
	sim = await startSimulator({ seed: { transactions: 230 }, rateLimit: false, initialCredits: 5000 });
	call = client(sim);
});
afterAll(() => sim.close());

test('Return All of 230 transactions = 3 requests of 100, newest first, no duplicates', async () => {
	const pages = [];
	for (let page = 1; ; page++) {
		const res = await call('GET', `/credits/history?per_page=100&page=${page}`);
		pages.push(res.body);
		if (page >= res.body.pagination.total_pages) break;
	}
	expect(pages.map((p) => p.data.length)).toEqual([100, 100, 30]);
	expect(pages[0].pagination).toEqual({ page: 1, per_page: 100, total: 230, total_pages: 3 });
	const all = pages.flatMap((p) => p.data);
	expect(new Set(all.map((t: { id: string }) => t.id)).size).toBe(230);
	const dates = all.map((t: { created_at: string }) => t.created_at);
	expect(dates).toEqual([...dates].sort().reverse());
	// Transaction 229 (every 10th is a top-up), 6 h × 229 after 2026-01-05T09:00Z.
	expect(all[0]).toEqual({
		id: expect.any(String),
		type: 'credit',
		amount: 500,
		description: 'Credit top-up',
		breakdown: null,
		balance_after: 5000,
		reference_id: null,
		created_at: '2026-03-03T15:00:00.000Z',
	});
	expect(all[1]).toMatchObject({ type: 'debit', amount: -7, description: 'Ad code request: acme-spring-2026-us', breakdown: { ad_code: 7, total: 7 } });
	// Each entry's balance is the next older one's plus its own amount.
	for (let i = 0; i < all.length - 1; i++) expect(all[i].balance_after).toBe(all[i + 1].balance_after + all[i].amount);
	expect(all.filter((t: { type: string }) => t.type === 'credit')).toHaveLength(23);
});

test('the seeded history is the same in every simulator', async () => {
	const again = await startSimulator({ seed: { transactions: 230 }, initialCredits: 5000 });
	try {
		const mine = await call('GET', '/credits/history?per_page=100');
		expect((await client(again)('GET', '/credits/history?per_page=100')).body).toEqual(mine.body);
	} finally {
		await again.close();
	}
});

test('date_from / date_to: dates include whole days, timestamps are exact, invalid → 400', async () => {
	// Transactions are 6 h apart from 2026-01-05T09:00Z: 4 per day.
	const day = await call('GET', '/credits/history?date_from=2026-01-10&date_to=2026-01-10');
	expect(day.body.data.map((t: { created_at: string }) => t.created_at)).toEqual([
		'2026-01-10T21:00:00.000Z',
		'2026-01-10T15:00:00.000Z',
		'2026-01-10T09:00:00.000Z',
		'2026-01-10T03:00:00.000Z',
	]);
	const exact = await call('GET', '/credits/history?date_from=2026-01-10T09:00:00.000Z&date_to=2026-01-10T15:00:00Z');
	expect(exact.body.pagination.total).toBe(2);
	const from = await call('GET', '/credits/history?date_from=2026-03-03');
	expect(from.body.pagination.total).toBe(3);
	for (const q of ['date_from=last-week', 'date_to=2026-02-30', 'date_from=2026-02-02&date_to=2026-02-01']) {
		const bad = await call('GET', `/credits/history?${q}`);
		expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_ERROR']);
	}
});

test('a live debit comes first and seeded balances still chain into it; /_sim/ seeds more, older', async () => {
	const before = sim.state.credits;
	await call('POST', '/bundles', { body: { bundle_type: 'account_only', country: 'FR' } });
	const [live, newestSeed] = (await call('GET', '/credits/history?per_page=2')).body.data;
	expect(live).toMatchObject({ type: 'debit', amount: -32, balance_after: before - 32, breakdown: { account_creation: 32, total: 32 } });
	expect(live.reference_id).toBe(sim.state.bundles.at(-1)!.id);
	expect(newestSeed.balance_after).toBe(before);
	const seeded = await control(sim)('POST', '/seed/credit-history', { count: 20 });
	expect(seeded.body.data).toEqual({ added: 20, total: 251 });
	const all = (await call('GET', '/credits/history?per_page=100&page=3')).body;
	expect(all.pagination.total).toBe(251);
	expect(all.data.at(-1).created_at).toBe('2026-01-05T09:00:00.000Z');
	const newest = (await call('GET', '/credits/history?per_page=100')).body.data;
	expect(newest[1].balance_after).toBe(before);
	expect((await control(sim)('POST', '/seed/credit-history', { count: 0 })).status).toBe(400);
	expect((await control(sim)('POST', '/seed/credit-history', { count: 1, start: 'monday' })).status).toBe(400);
});

test('a batch dated from a given start (e.g. last week) is found by a date filter', async () => {
	const week = await startSimulator({ rateLimit: false });
	try {
		const start = new Date(Date.now() - 7 * 86_400_000).toISOString();
		const res = await control(week)('POST', '/seed/credit-history', { count: 28, start });
		expect(res.body.data).toEqual({ added: 28, total: 28 });
		const since = (await client(week)('GET', `/credits/history?date_from=${start.slice(0, 10)}&per_page=100`)).body;
		expect(since.pagination.total).toBe(28);
		expect(since.data.at(-1).created_at).toBe(start);
		expect(since.data[0].balance_after).toBe(week.state.credits);
	} finally {
		await week.close();
	}
});

test('balance and credit costs', async () => {
	const balance = await call('GET', '/credits/balance');
	expect(balance.body.data).toEqual({
		total_credits: sim.state.credits,
		expiring_within_7_days: 0,
		upcoming_expirations: [],
		last_updated: expect.any(String),
	});
	const costs = await call('GET', '/credit-costs');
	expect(costs.body.data.costs).toEqual({
		account_creation: 32,
		video_upload: 2,
		video_edit: 3,
		niche_warming: 7,
		deep_warming: 40,
		credential_reveal: 150,
		advanced_warming: 5,
		comment_task: 1,
		ad_code: 7,
		edit_request: 8,
		coverage_period: 25,
	});
});
