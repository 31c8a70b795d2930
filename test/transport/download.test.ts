// Files through the transport (the CSV export, the HTML report): the bytes arrive exactly as TokPortal
// sent them, with their type and name; refusals are still read as TokPortal's JSON error envelope.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { fileNameOf, readDownload } from '../../nodes/shared/transport/download';
import { chain, runWorkflow } from '../harness';
import type { Simulator } from '../simulator';
import { STARTER_API_KEY, startSimulator } from '../simulator';
import { postDeliveredVideos } from '../simulator/testHelpers';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator({ seed: { accounts: 8, bundles: 10 }, rateLimit: false });
	await postDeliveredVideos(sim);
	// Bytes beyond ASCII and characters CSV must quote.
	sim.state.accounts[0].visible_name = 'Café "Zoë", 東京 🎬';
});
afterAll(async () => await sim.close());
beforeEach(() => {
	sim.clearRequests();
	sim.faults.clear();
});

async function probe(parameters: INodeParameters, apiKey = sim.apiKey) {
	const result = await runWorkflow(
		{
			nodes: [
				{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', parameters: {} },
				{ name: 'Probe', type: 'harness.transportProbe', parameters, credentials: { tokPortalApi: { id: '1', name: 'TokPortal account' } } },
			],
			connections: chain('Start', 'Probe'),
		},
		{ credentials: { tokPortalApi: { apiKey, baseUrl: sim.baseUrl } } },
	);
	const error = result.nodeError('Probe') as (Error & { description?: string }) | undefined;
	return { error, json: error ? undefined : result.output('Probe')[0]?.json };
}

async function rawBytes(method: string, path: string, body?: unknown): Promise<{ bytes: Buffer; headers: Headers }> {
	const response = await fetch(`${sim.baseUrl}${path}`, {
		method,
		headers: { 'X-API-Key': sim.apiKey, 'Content-Type': 'application/json', 'Idempotency-Key': `raw-${Date.now()}-${Math.random()}` },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { bytes: Buffer.from(await response.arrayBuffer()), headers: response.headers };
}

describe('download through the n8n engine', () => {
	it('returns the CSV bytes untouched, with the media type and the file name TokPortal gave', async () => {
		const { bytes, headers } = await rawBytes('GET', '/analytics/export/videos');
		expect(bytes.toString('utf8')).toContain('"Café ""Zoë"", 東京 🎬"');
		sim.clearRequests();

		const { error, json } = await probe({ method: 'GET', path: '/analytics/export/videos', download: 'text/csv' });
		expect(error).toBeUndefined();
		const file = json!._file as { base64: string; mimeType: string; fileName: string };
		expect(Buffer.from(file.base64, 'base64').equals(bytes)).toBe(true);
		expect(file.mimeType).toBe('text/csv');
		expect(file.fileName).toBe(/filename="([^"]+)"/.exec(String(headers.get('content-disposition')))![1]);
		expect(sim.requests).toHaveLength(1);
		expect(sim.requests[0].headers.accept).toBe('text/csv, application/json;q=0.5');
	});

	it('reads a refusal as TokPortal’s JSON error (code, message, details, request id)', async () => {
		const { error } = await probe({ method: 'GET', path: '/analytics/export/videos', download: 'text/csv' }, STARTER_API_KEY);
		expect(error?.description).toContain('HTTP 403 · ANALYTICS_PLAN_UPGRADE_REQUIRED');
		expect(error?.description).toContain('TokPortal says: Your Starter plan does not include CSV export');
		expect(error?.description).toContain('"required_plan":"creator"');
		expect(error?.description).toContain(`Request ID: ${sim.requests[0].requestId}`);
	});

	it('retries a download on 503 like any GET, and still gets the bytes', async () => {
		sim.faults.inject({ method: 'GET', path: '/analytics/export/videos' }, { type: 'status', status: 503, retryAfterSeconds: 0 });
		const { error, json } = await probe({ method: 'GET', path: '/analytics/export/videos', download: 'text/csv' });
		expect(error).toBeUndefined();
		expect(sim.requests.map((r) => r.status)).toEqual([503, 200]);
		expect(Buffer.from((json!._file as { base64: string }).base64, 'base64').toString('utf8')).toMatch(/^video_id,account_id,/);
	});

	it('POSTs a JSON body and receives HTML bytes, under an Idempotency-Key (replayed identically)', async () => {
		const body = JSON.stringify({ title: 'Q3 <report> & "friends"', template: 'minimal' });
		const first = await probe({ method: 'POST', path: '/analytics/export/reports/html', body, download: 'text/html', idempotencyKey: 'html-1' });
		const again = await probe({ method: 'POST', path: '/analytics/export/reports/html', body, download: 'text/html', idempotencyKey: 'html-1' });
		const html = (json: IDataObject | undefined) => Buffer.from((json!._file as { base64: string }).base64, 'base64').toString('utf8');
		expect(html(first.json)).toContain('<title>Q3 &lt;report&gt; &amp; &quot;friends&quot;</title>');
		expect((first.json!._file as { mimeType: string }).mimeType).toBe('text/html');
		expect(html(again.json)).toBe(html(first.json));
		expect(again.json!._replayed).toBe(true);
		expect(sim.requests.map((r) => [r.headers['idempotency-key'], r.headers['content-type'], r.body])).toEqual([
			['html-1', 'application/json', { title: 'Q3 <report> & "friends"', template: 'minimal' }],
			['html-1', 'application/json', { title: 'Q3 <report> & "friends"', template: 'minimal' }],
		]);
	});
});

describe('what a download answer holds', () => {
	it.each([
		['attachment; filename="report.csv"', 'report.csv'],
		['attachment; filename=report.csv', 'report.csv'],
		["attachment; filename*=UTF-8''caf%C3%A9%20report.csv", 'café report.csv'],
		['attachment; filename="../../etc/passwd"', 'passwd'],
		['attachment; filename="C:\\\\temp\\\\x.csv"', 'x.csv'],
		['attachment; filename=".."', undefined],
		['attachment', undefined],
	])('Content-Disposition %s → %s', (disposition, name) => {
		expect(fileNameOf({ 'content-disposition': disposition })).toBe(name);
	});

	it('keeps a JSON answer as the body and gives no file (e.g. a dry run’s envelope)', () => {
		const answer = readDownload(
			{ 'content-type': 'application/json; charset=utf-8' },
			Buffer.from('{"data":null,"dry_run":true}'),
			'text/html',
		);
		expect(answer).toEqual({ body: { data: null, dry_run: true } });
	});

	it('uses the expected type when TokPortal names none', () => {
		expect(readDownload({}, Buffer.from('a,b\r\n'), 'text/csv').file).toMatchObject({ mimeType: 'text/csv', fileName: undefined });
	});
});
