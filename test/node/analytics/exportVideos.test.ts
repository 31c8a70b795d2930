// Analytics → Export Videos through n8n-core against the simulator: the CSV as a file in a binary
// field (bytes exactly as TokPortal sent them, text/csv, TokPortal's file name), or one item per row
// (RFC 4180 quoting), the filters as TokPortal reads them, and plan refusals naming the plan to get.
import { STARTER_API_KEY } from '../../simulator';
import type { Simulator } from '../../simulator';
import { run } from '../accountFixtures';
import { analyticsSimulator, busiestAccount, direct, postedVideos } from './fixtures';

let sim: Simulator;
let accountId: string;
const TRICKY_NAME = 'Street, "NYC"\r\nCafé 東京 🎬';

beforeAll(async () => {
	sim = await analyticsSimulator();
	accountId = busiestAccount(sim);
	sim.state.accounts.find((a) => a.id === accountId)!.visible_name = TRICKY_NAME;
});
afterAll(async () => await sim.close());
beforeEach(() => sim.faults.clear());

const exportVideos = (extra: Record<string, unknown> = {}) => ({ resource: 'analytics', operation: 'exportVideos', ...extra });

function fileBytes(item: { binary?: Record<string, { data: string }> }, property = 'data'): Buffer {
	return Buffer.from(item.binary![property].data, 'base64');
}

describe('Analytics → Export Videos as a file', () => {
	it('puts TokPortal’s CSV, byte for byte, in the binary field "data" as text/csv with TokPortal’s file name', async () => {
		const { items, requests, error } = await run(sim, exportVideos());
		expect(error).toBeUndefined();
		expect(requests.map((r) => [r.method, r.path, r.query, r.headers.accept])).toEqual([
			['GET', '/analytics/export/videos', {}, 'text/csv, application/json;q=0.5'],
		]);
		const expected = await direct(sim, '/analytics/export/videos');
		expect(expected.bytes.toString('utf8')).toContain('"Street, ""NYC""\r\nCafé 東京 🎬"');
		expect(items).toHaveLength(1);
		expect(fileBytes(items[0] as never).equals(expected.bytes)).toBe(true);
		const binary = items[0].binary!.data;
		const today = new Date().toISOString().slice(0, 10);
		expect(binary).toMatchObject({
			mimeType: 'text/csv',
			fileName: `tokportal-video-analytics-${today}.csv`,
			fileExtension: 'csv',
		});
		expect(items[0].json).toEqual({
			file_name: `tokportal-video-analytics-${today}.csv`,
			mime_type: 'text/csv',
			file_size: expected.bytes.length,
			rows: postedVideos(sim).length,
			columns: expected.bytes.toString('utf8').split('\r\n')[0].split(','),
		});
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('uses the chosen binary field and file name, one file per input item, each paired', async () => {
		const { items, requests } = await run(
			sim,
			exportVideos({
				filters: { accounts: '={{ $json.account }}' },
				options: { binaryPropertyName: 'csv', fileName: '={{ $json.client }}-videos.csv' },
			}),
			{ items: [{ client: 'acme', account: accountId }, { client: 'globex', account: postedVideos(sim).find((v) => v.accountId !== accountId)!.accountId }] },
		);
		expect(requests.map((r) => r.query.account)).toEqual([accountId, expect.any(String)]);
		expect(items.map((item) => [item.json.file_name, item.binary?.csv?.fileName, item.pairedItem])).toEqual([
			['acme-videos.csv', 'acme-videos.csv', { item: 0 }],
			['globex-videos.csv', 'globex-videos.csv', { item: 1 }],
		]);
		expect(items[0].binary?.data).toBeUndefined();
		const expected = await direct(sim, `/analytics/export/videos?account=${accountId}`);
		expect(fileBytes(items[0] as never, 'csv').equals(expected.bytes)).toBe(true);
	});

	it('sends the filters as TokPortal names them (account and platform repeated, q, from, to)', async () => {
		const [a, b] = [...new Set(postedVideos(sim).map((v) => v.accountId))];
		const { requests } = await run(
			sim,
			exportVideos({
				filters: {
					accounts: [a, b],
					platforms: ['tiktok', 'instagram'],
					countries: ['FR'],
					query: 'street',
					workspace: 'ws_1',
					dateFrom: '2026-01-01',
					dateTo: '2026-11-30',
				},
			}),
		);
		expect(requests[0].query).toEqual({
			account: [a, b],
			platform: ['tiktok', 'instagram'],
			country: 'FR',
			q: 'street',
			workspace: 'ws_1',
			from: '2026-01-01',
			to: '2026-11-30',
		});
	});

	it('gives a file with the header line alone (rows: 0) when nothing matches', async () => {
		const { items } = await run(sim, exportVideos({ filters: { query: 'no-such-video-anywhere' } }));
		expect(fileBytes(items[0] as never).toString('utf8')).toMatch(/^video_id,[^\r\n]+\r\n$/);
		expect(items[0].json).toMatchObject({ rows: 0 });
	});
});

describe('Analytics → Export Videos, Output Rows as Items', () => {
	it('outputs one item per row, columns as fields and values as text, quoted fields read back exactly', async () => {
		const { items } = await run(sim, exportVideos({ filters: { accounts: accountId }, options: { outputRowsAsItems: true } }));
		const mine = postedVideos(sim).filter((v) => v.accountId === accountId);
		expect(items).toHaveLength(mine.length);
		for (const item of items) {
			expect(item.binary).toBeUndefined();
			expect(item.json.account_name).toBe(TRICKY_NAME);
			const video = (await direct(sim, `/videos/${String(item.json.video_id)}/analytics`)).json.data;
			expect(item.json).toMatchObject({
				account_id: accountId,
				username: video.username,
				platform_url: video.platform_url,
				position: String(video.position),
				views: String(video.views),
				engagement_rate: String(video.engagement_rate),
			});
		}
		expect(items.map((item) => item.json.video_id).sort()).toEqual(mine.map((v) => v.videoId).sort());
	});

	it('outputs no item when nothing matches', async () => {
		const { items, error } = await run(sim, exportVideos({ filters: { query: 'no-such-video-anywhere' }, options: { outputRowsAsItems: true } }));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(0);
	});
});

describe('Analytics → Export Videos when the plan has no exports', () => {
	const creatorMessage =
		'Your TokPortal plan (Starter) does not include the CSV export of video analytics. It is included from the Creator plan (also in Marketer, Farmer): upgrade in TokPortal, or run Analytics → Get Contract to see what this API key can read.';

	it('names the plan that includes exports, from TokPortal’s refusal', async () => {
		const { error, requests } = await run(sim, exportVideos(), { apiKey: STARTER_API_KEY });
		expect(error?.message).toBe(creatorMessage);
		expect(error?.description).toContain('ANALYTICS_PLAN_UPGRADE_REQUIRED');
		expect(requests.map((r) => r.path)).toEqual(['/analytics/export/videos']);
	});

	it('finds the plan in the contract when the refusal does not name it', async () => {
		sim.faults.inject({ method: 'GET', path: '/analytics/export/videos' }, { type: 'status', status: 403, code: 'FORBIDDEN' });
		const { error, requests } = await run(sim, exportVideos(), { apiKey: STARTER_API_KEY });
		expect(requests.map((r) => `${r.status} ${r.path}`)).toEqual(['403 /analytics/export/videos', '200 /analytics/contract']);
		expect(error?.message).toBe(creatorMessage);
	});

	it('keeps the general wording when the contract says the plan does include exports', async () => {
		sim.faults.inject({ method: 'GET', path: '/analytics/export/videos' }, { type: 'status', status: 403, code: 'FORBIDDEN' });
		const { error, requests } = await run(sim, exportVideos());
		expect(requests.map((r) => r.path)).toEqual(['/analytics/export/videos', '/analytics/contract']);
		expect(error?.message).toBe('TokPortal refused access to this resource with this API key.');
	});

	it.each(['../x.csv', 'a\r\nb.csv', 'C:x.csv', 'report\u202Evsc.exe'])('refuses the file name %j before sending anything', async (fileName) => {
		const { error, requests } = await run(sim, exportVideos({ options: { fileName } }));
		expect(error?.message).toContain('"File Name" must be a plain file name');
		expect(requests).toHaveLength(0);
	});

	it('refuses a File Name with Output Rows as Items, which outputs rows instead of the file', async () => {
		const { error, requests } = await run(sim, exportVideos({ options: { outputRowsAsItems: true, fileName: 'acme.csv' } }));
		expect(error?.message).toMatch(/"File Name" and "Put Output File in Field" name the CSV file, which "Output Rows as Items" replaces/);
		expect(requests).toHaveLength(0);
	});
});
