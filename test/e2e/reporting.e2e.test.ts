// Reporting inside a real n8n 2.40.7 against the simulator: the CSV export and the HTML report reach
// the next node as files, byte for byte what TokPortal sent (read back by n8n's own Extract from File
// node), and the credit history comes out one item per transaction through the shared paginator.
import type { WorkflowNode } from '../../scripts/n8n/types';
import type { Simulator } from '../simulator';
import { startSimulator } from '../simulator';
import { postDeliveredVideos } from '../simulator/testHelpers';
import { missingBuild, testUnless } from './helpers/conditions';
import { startN8n, type Credential, type E2eN8n } from './helpers/n8n';
import { chain, manualTrigger, tokPortalNode } from './helpers/workflows';

const skipReason = missingBuild('dist/nodes/TokPortal/TokPortal.node.js');
const whenReady = testUnless(skipReason);

/** Characters a CSV must quote, and bytes beyond ASCII. */
const TRICKY_NAME = 'Street, "NYC"\r\nCafé 東京 🎬';

let n8n: E2eN8n | undefined;
let simulator: Simulator | undefined;
let credential: Credential;
let accountId: string;

beforeAll(async () => {
	if (skipReason) return;
	await Promise.all([
		startN8n('reporting').then((started) => (n8n = started)),
		startSimulator({ seed: { accounts: 12, bundles: 20, transactions: 230 }, rateLimit: false }).then((started) => (simulator = started)),
	]);
	credential = await n8n!.createTokPortalCredential({ apiKey: simulator!.apiKey, baseUrl: simulator!.baseUrl });
	// Every video slot of the working bundles with a delivered account is posted: they have analytics.
	await postDeliveredVideos(simulator!);
	accountId = simulator!.state.bundles.find((b) => b.videos.some((v) => v.platform_url))!.saved_account_id!;
	simulator!.state.accounts.find((a) => a.id === accountId)!.visible_name = TRICKY_NAME;
});

afterAll(async () => {
	await Promise.all([n8n?.stop(), simulator?.close()]);
});

const tokPortal = (name: string, parameters: Record<string, unknown>) => tokPortalNode(credential, name, parameters);

/** n8n's Extract from File node: the binary field "data" as base64 text in `json.base64`, bytes untouched. */
function fileAsBase64(name: string): WorkflowNode {
	return {
		name,
		type: 'n8n-nodes-base.extractFromFile',
		typeVersion: 1.1,
		position: [0, 0],
		parameters: { operation: 'binaryToPropery', binaryPropertyName: 'data', destinationKey: 'base64', options: { keepSource: 'both' } },
	};
}

async function directBytes(method: string, path: string, body?: unknown): Promise<Buffer> {
	const response = await fetch(`${simulator!.baseUrl}${path}`, {
		method,
		headers: { 'X-API-Key': simulator!.apiKey, 'Content-Type': 'application/json', 'Idempotency-Key': `e2e-${Date.now()}` },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	expect(response.status).toBe(200);
	return Buffer.from(await response.arrayBuffer());
}

whenReady('the CSV export reaches the next node byte for byte, as text/csv with its file name; n8n reads its rows', async () => {
	const expected = await directBytes('GET', `/analytics/export/videos?account=${accountId}`);
	expect(expected.toString('utf8')).toContain('"Street, ""NYC""\r\nCafé 東京 🎬"');
	const rows = simulator!.state.bundles
		.filter((b) => b.saved_account_id === accountId || b.existing_account_id === accountId)
		.flatMap((b) => b.videos.filter((v) => v.platform_url)).length;

	const result = await n8n!.runWorkflow(
		chain('csv export', [
			manualTrigger(),
			tokPortal('Export videos', {
				resource: 'analytics',
				operation: 'exportVideos',
				filters: { accounts: accountId },
				options: { fileName: 'client-videos.csv' },
			}),
			fileAsBase64('Read bytes'),
			{
				name: 'Read rows',
				type: 'n8n-nodes-base.extractFromFile',
				typeVersion: 1.1,
				position: [0, 0],
				parameters: { operation: 'csv', binaryPropertyName: 'data', options: {} },
			},
		]),
	);
	expect(result.status).toBe('success');
	const [exported] = result.nodes['Export videos']!.items;
	expect(exported!.json).toMatchObject({ file_name: 'client-videos.csv', mime_type: 'text/csv', file_size: expected.length, rows });
	expect(exported!.binary!.data).toMatchObject({ mimeType: 'text/csv', fileName: 'client-videos.csv', fileExtension: 'csv' });

	const [read] = result.nodes['Read bytes']!.json;
	expect(Buffer.from(String(read!.base64), 'base64').equals(expected)).toBe(true);

	const parsed = result.nodes['Read rows']!.json;
	expect(parsed).toHaveLength(rows);
	expect(parsed.every((row) => row.account_id === accountId && row.account_name === TRICKY_NAME)).toBe(true);
	expect(n8n!.packageProblems()).toEqual([]);
});

whenReady('the HTML report reaches the next node byte for byte, as text/html', async () => {
	const body = { title: 'Acme <weekly> & more', template: 'minimal', accountIds: [accountId] };
	const expected = await directBytes('POST', '/analytics/export/reports/html', body);
	const result = await n8n!.runWorkflow(
		chain('html report', [
			manualTrigger(),
			tokPortal('Report', {
				resource: 'analytics',
				operation: 'exportReportHtml',
				title: 'Acme <weekly> & more',
				template: 'minimal',
				filters: { accounts: accountId },
			}),
			fileAsBase64('Read bytes'),
		]),
	);
	expect(result.status).toBe('success');
	expect(result.nodes.Report!.items[0]!.binary!.data).toMatchObject({ mimeType: 'text/html', fileExtension: 'html' });
	const [read] = result.nodes['Read bytes']!.json;
	expect(Buffer.from(String(read!.base64), 'base64').equals(expected)).toBe(true);
	expect(expected.toString('utf8')).toContain('<title>Acme &lt;weekly&gt; &amp; more</title>');
});

whenReady('credit history: Return All of 230 transactions is 3 requests of 100; From/To Date select whole days', async () => {
	simulator!.clearRequests();
	const all = await n8n!.runWorkflow(
		chain('credit history', [manualTrigger(), tokPortal('History', { resource: 'credit', operation: 'getHistory', returnAll: true })]),
	);
	expect(all.status).toBe('success');
	const history = simulator!.requests.filter((r) => r.path === '/credits/history');
	// Pages 2 and 3 are fetched at the same time once page 1 told how many there are.
	expect(history.map((r) => [r.query.page, r.query.per_page]).sort()).toEqual([
		['1', '100'],
		['2', '100'],
		['3', '100'],
	]);
	const items = all.nodes.History!.json;
	expect(items).toHaveLength(230);
	expect(new Set(items.map((t) => t.id)).size).toBe(230);
	expect(items[0]).toMatchObject({ type: expect.any(String), amount: expect.any(Number), balance_after: expect.any(Number) });

	simulator!.clearRequests();
	// Seeded transaction i is dated 2026-01-05T09:00Z + 6 h × i: four a day.
	const week = await n8n!.runWorkflow(
		chain('credit week', [
			manualTrigger(),
			tokPortal('Week', {
				resource: 'credit',
				operation: 'getHistory',
				returnAll: true,
				filters: { dateFrom: '2026-01-12', dateTo: '2026-01-18' },
			}),
		]),
	);
	expect(simulator!.requests.map((r) => r.query)).toEqual([{ page: '1', per_page: '100', date_from: '2026-01-12', date_to: '2026-01-18' }]);
	const days = week.nodes.Week!.json.map((t) => String(t.created_at).slice(0, 10));
	expect(days).toHaveLength(28);
	expect(new Set(days)).toEqual(new Set(['2026-01-12', '2026-01-13', '2026-01-14', '2026-01-15', '2026-01-16', '2026-01-17', '2026-01-18']));
});
