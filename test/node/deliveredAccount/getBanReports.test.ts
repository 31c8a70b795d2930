// Delivered Account → Get Ban Reports: the list with its filters, and "Only New Since Last Run" —
// the ban watch without webhooks — across consecutive executions through n8n-core, with the
// workflow's static data carried from one run to the next exactly as n8n saves it.
import type { IDataObject } from 'n8n-workflow';

import type { BanReport, Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { run } from '../accountFixtures';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());

const getBanReports = (extra: Record<string, unknown> = {}) => ({
	resource: 'deliveredAccount',
	operation: 'getBanReports',
	returnAll: true,
	...extra,
});

/** A confirmed ban (no appeal) on a fresh account, its report dated `updatedAt` when given. */
function ban(updatedAt?: string): BanReport {
	const [account] = sim.seedAccounts(1, { platform: 'tiktok' });
	const report = sim.operator.reportBan(account.id);
	if (updatedAt) report.updated_at = report.reported_at = updatedAt;
	return report;
}

/** An ISO time `seconds` after a fixed base in the past (before anything the simulator dates "now"). */
const at = (seconds: number) => new Date(Date.parse('2026-01-10T08:00:00.000Z') + seconds * 1000).toISOString();

const ids = (items: Array<{ json: IDataObject }>) => items.map((item) => item.json.id);

describe('Delivered Account → Get Ban Reports', () => {
	let reports: BanReport[];
	let appeal: BanReport;

	beforeAll(() => {
		sim.state.banReports.length = 0;
		reports = [ban(at(10)), ban(at(20)), ban(at(30))];
		const [appealing] = sim.seedAccounts(1, { platform: 'instagram' });
		appeal = sim.operator.reportBan(appealing.id, { appeal: true });
		appeal.updated_at = appeal.reported_at = at(40);
	});

	it('lists every report, newest update first, from one GET without filters', async () => {
		const { items, requests } = await run(sim, getBanReports());
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /account-bans']);
		expect(requests[0].query).toEqual({ page: '1', per_page: '100' });
		expect(requests[0].headers['idempotency-key']).toBeUndefined();
		expect(ids(items)).toEqual([appeal.id, reports[2].id, reports[1].id, reports[0].id]);
		expect(items[1].json).toMatchObject({
			account_id: reports[2].account_id,
			status: 'no_appeal_banned',
			resolution: { resolution: 'pending' },
		});
		expect(items.map((item) => item.pairedItem)).toEqual(items.map(() => ({ item: 0 })));
	});

	it('sends each filter in TokPortal’s names, lists as repeated parameters', async () => {
		const { items, requests } = await run(
			sim,
			getBanReports({
				filters: {
					status: ['appeal_pending', 'no_appeal_banned'],
					resolution: ['pending'],
					accountIds: `${reports[0].account_id}, ${reports[1].account_id}`,
					since: '2026-01-10T08:00:15Z',
				},
			}),
		);
		expect(requests[0].query).toEqual({
			page: '1',
			per_page: '100',
			status: ['appeal_pending', 'no_appeal_banned'],
			resolution: 'pending',
			account_id: [reports[0].account_id, reports[1].account_id],
			since: '2026-01-10T08:00:15Z',
		});
		expect(ids(items)).toEqual([reports[1].id]);
	});

	it('adds the evidence screenshot link only when asked', async () => {
		const plain = await run(sim, getBanReports({ limit: 1, returnAll: false }));
		expect(plain.items[0].json.screenshot_url).toBeUndefined();
		const { items, requests } = await run(sim, getBanReports({ returnAll: false, limit: 1, includeScreenshots: true }));
		expect(requests[0].query).toEqual({ page: '1', per_page: '1', include_screenshots: 'true' });
		expect(items).toHaveLength(1);
		expect(String(items[0].json.screenshot_url)).toMatch(/^https:\/\/evidence\.tokportal\.test\/account-bans\//);
	});

	it('accepts a date or a zoned date-time as Since, and refuses anything else before sending', async () => {
		const dated = await run(sim, getBanReports({ filters: { since: '2026-01-10' } }));
		expect(dated.requests[0].query.since).toBe('2026-01-10');
		expect(dated.items).toHaveLength(4);

		for (const since of ['2026-01-10T08:00:00', '10/01/2026', '2026-02-30', 'yesterday']) {
			const { error, requests } = await run(sim, getBanReports({ filters: { since } }));
			expect(requests).toHaveLength(0);
			expect(error?.message).toMatch(/^"Since" must be a date \(YYYY-MM-DD\) or an ISO 8601 date-time with a time zone/);
		}
	});

	it('refuses unknown statuses and account IDs with spaces, naming each field, with zero requests', async () => {
		const { error, requests } = await run(
			sim,
			getBanReports({ filters: { status: ['banned'], accountIds: 'abc def', resolution: ['refund', 'maybe'] } }),
		);
		expect(requests).toHaveLength(0);
		expect(error?.message).toMatch(/^3 fields need fixing/);
		expect(error?.message).toContain('"Delivered Account IDs" has an invalid entry');
		expect(error?.message).toContain('"Resolution" has an invalid entry: it must be one of no_remake, pending, refund, remake');
		expect(error?.message).toContain('"Status" has an invalid entry: it must be one of appeal_accepted');
	});
});

describe('Delivered Account → Get Ban Reports → Only New Since Last Run (ban watch)', () => {
	/** One scheduled execution: the static data n8n saved after the previous one goes in. */
	let saved: IDataObject | undefined;
	async function scheduledRun(extra: Record<string, unknown> = {}) {
		const result = await run(sim, getBanReports({ onlyNew: true, ...extra }), { staticData: saved });
		expect(result.error).toBeUndefined();
		if (result.result.savedStaticData) saved = result.result.savedStaticData;
		return result;
	}

	beforeEach(() => {
		sim.state.banReports.length = 0;
		saved = undefined;
	});

	it('reports each ban once across executions, oldest first, with new bans in between', async () => {
		const first = [ban(at(100)), ban(at(110))];

		const run1 = await scheduledRun();
		expect(run1.requests[0].query).toEqual({ page: '1', per_page: '100' });
		expect(ids(run1.items)).toEqual(first.map((r) => r.id));
		expect(saved).toEqual({
			'node:TokPortal': {
				banReportWatermarks: { '[["account_id",[]],["resolution",[]],["status",[]]]': { since: at(110), seen: [`${first[1].id}@${at(110)}`] } },
			},
		});

		// Nothing new: nothing returned, and the saved position is left as it was.
		const run2 = await scheduledRun();
		expect(run2.requests[0].query).toMatchObject({ since: at(110) });
		expect(run2.items).toHaveLength(0);
		expect(run2.result.savedStaticData).toBeUndefined();

		const second = [ban(at(120)), ban(at(130)), ban(at(125))];
		const run3 = await scheduledRun();
		expect(ids(run3.items)).toEqual([second[0].id, second[2].id, second[1].id]);

		const run4 = await scheduledRun();
		expect(run4.items).toHaveLength(0);
	});

	it('the inclusive boundary: a report updated at the very moment of the position comes out once, the old one never again', async () => {
		const old = ban(at(200));
		expect(ids((await scheduledRun()).items)).toEqual([old.id]);

		const sameMoment = ban(at(200));
		const next = await scheduledRun();
		expect(next.requests[0].query).toMatchObject({ since: at(200) });
		expect(ids(next.items)).toEqual([sameMoment.id]);
		expect(((saved?.['node:TokPortal'] as IDataObject).banReportWatermarks as IDataObject)).toMatchObject({
			'[["account_id",[]],["resolution",[]],["status",[]]]': {
				since: at(200),
				seen: [`${old.id}@${at(200)}`, `${sameMoment.id}@${at(200)}`],
			},
		});
		expect((await scheduledRun()).items).toHaveLength(0);
	});

	it('a later change of a report (appeal refused, resolution decided) is reported again, once each', async () => {
		const [account] = sim.seedAccounts(1, { platform: 'tiktok' });
		const appeal = sim.operator.reportBan(account.id, { appeal: true });
		const run1 = await scheduledRun();
		expect(run1.items.map((item) => item.json.status)).toEqual(['appeal_pending']);

		await new Promise((resolve) => setTimeout(resolve, 5));
		sim.operator.resolveBanAppeal(appeal.id, false);
		const run2 = await scheduledRun();
		expect(run2.items.map((item) => [item.json.id, item.json.status])).toEqual([[appeal.id, 'appeal_refused']]);

		await new Promise((resolve) => setTimeout(resolve, 5));
		sim.operator.decideBanResolution(appeal.id, 'no_remake');
		const run3 = await scheduledRun();
		expect(run3.items.map((item) => (item.json.resolution as IDataObject).resolution)).toEqual(['no_remake']);
		expect((await scheduledRun()).items).toHaveLength(0);
	});

	it('with a Limit, returns the oldest new reports and keeps the rest for the next runs: none is lost', async () => {
		const bans = [ban(at(300)), ban(at(310)), ban(at(310)), ban(at(320)), ban(at(330))];
		const sortedAt310 = [bans[1], bans[2]].sort((a, b) => a.id.localeCompare(b.id));
		const expected = [bans[0], ...sortedAt310, bans[3], bans[4]].map((r) => r.id);

		const seen: unknown[] = [];
		for (let i = 0; i < 3; i++) {
			const { items, requests } = await scheduledRun({ returnAll: false, limit: 2 });
			// Every report since the position is read, whatever the Limit: the API lists newest first.
			expect(requests[0].query.per_page).toBe('100');
			seen.push(...ids(items));
		}
		expect(seen).toEqual(expected);
		expect((await scheduledRun({ returnAll: false, limit: 2 })).items).toHaveLength(0);
	});

	it('reads every page since the position', async () => {
		const bans = Array.from({ length: 130 }, (_, i) => ban(at(400 + i)));
		const { items, requests } = await scheduledRun();
		expect(requests.map((r) => r.query.page)).toEqual(['1', '2']);
		expect(ids(items)).toEqual(bans.map((r) => r.id));
	});

	it('keeps one position per set of filters, and starts a first run at Filters → Since', async () => {
		const tiktok = ban(at(500));
		const late = ban(at(520));
		const since = { since: '2026-01-10T08:08:30Z' };

		const all = await scheduledRun({ filters: since });
		expect(all.requests[0].query).toMatchObject(since);
		expect(ids(all.items)).toEqual([late.id]);

		// Another set of filters is another watch, with its own position.
		const onlyTiktok = await scheduledRun({ filters: { accountIds: tiktok.account_id } });
		expect(ids(onlyTiktok.items)).toEqual([tiktok.id]);
		const again = await scheduledRun({ filters: { ...since } });
		expect(again.items).toHaveLength(0);
		expect(Object.keys((saved?.['node:TokPortal'] as IDataObject).banReportWatermarks as IDataObject)).toHaveLength(2);
	});

	it('without saved static data (a manual test run) every run starts over', async () => {
		const only = ban(at(600));
		for (let i = 0; i < 2; i++) {
			const { items } = await run(sim, getBanReports({ onlyNew: true }));
			expect(ids(items)).toEqual([only.id]);
		}
	});

	it('a failed request moves nothing: the next run returns the reports', async () => {
		const report = ban(at(700));
		sim.faults.inject({ method: 'GET', path: '/account-bans' }, { type: 'status', status: 403, code: 'FORBIDDEN' });
		const failed = await run(sim, getBanReports({ onlyNew: true }), { staticData: saved });
		expect(failed.error).toBeDefined();
		expect(failed.result.savedStaticData).toBeUndefined();
		expect(ids((await scheduledRun()).items)).toEqual([report.id]);
	});
});
