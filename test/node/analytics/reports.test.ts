// Analytics → Create Report (a shareable URL and a secret token: no Idempotency-Key, never retried) and
// Export Report HTML (the same report as an HTML file in a binary field) through n8n-core.
import type { Simulator } from '../../simulator';
import { STARTER_API_KEY } from '../../simulator';
import { run } from '../accountFixtures';
import { analyticsSimulator, CREATOR_API_KEY, postedVideos } from './fixtures';

let sim: Simulator;
beforeAll(async () => {
	sim = await analyticsSimulator();
});
afterAll(async () => await sim.close());
beforeEach(() => sim.faults.clear());

const full = () => {
	const [a, b] = [...new Set(postedVideos(sim).map((v) => v.accountId))];
	return {
		parameters: {
			title: 'Acme <June> report',
			template: 'executive',
			filters: {
				accounts: [a, b],
				platforms: ['tiktok'],
				countries: ['us'],
				query: 'street',
				dateFrom: '2026-01-01',
				dateTo: '2026-11-30',
			},
			branding: { brandName: 'Acme & Co', brandAccent: '#FE2C55' },
		},
		body: {
			title: 'Acme <June> report',
			template: 'executive',
			brandName: 'Acme & Co',
			brandAccent: '#FE2C55',
			accountIds: [a, b],
			platforms: ['tiktok'],
			countries: ['us'],
			query: 'street',
			from: '2026-01-01',
			to: '2026-11-30',
		},
	};
};

describe('Analytics → Create Report', () => {
	it('sends the camelCase body, no Idempotency-Key, and outputs the URL and the one-time token', async () => {
		const { parameters, body } = full();
		const { items, requests, error } = await run(sim, { resource: 'analytics', operation: 'createReport', ...parameters });
		expect(error).toBeUndefined();
		expect(requests.map((r) => [r.method, r.path, r.body])).toEqual([['POST', '/analytics/export/reports', body]]);
		expect(requests[0].headers['idempotency-key']).toBeUndefined();
		const report = sim.state.analyticsReports.at(-1)!;
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ id: report.id, url: report.url, token: report.token, template: 'executive', brand_name: 'Acme & Co' });
		expect(String(items[0].json.token)).toMatch(/^rpt_[0-9a-f]{48}$/);
	});

	it('sends an empty body for the defaults (TokPortal’s agency template)', async () => {
		const { items, requests } = await run(sim, { resource: 'analytics', operation: 'createReport' });
		expect(requests[0].body).toEqual({ template: 'agency' });
		expect(items[0].json).toMatchObject({ title: 'Analytics report', template: 'agency' });
	});

	it('never retries it: a 503 fails the item after one request, and nothing is created', async () => {
		const before = sim.state.analyticsReports.length;
		sim.faults.inject({ method: 'POST', path: '/analytics/export/reports' }, { type: 'status', status: 503 });
		const { error, requests } = await run(sim, { resource: 'analytics', operation: 'createReport' });
		expect(requests).toHaveLength(1);
		expect(error?.description).toContain('HTTP 503');
		expect(sim.state.analyticsReports).toHaveLength(before);
	});

	it.each([
		[{ branding: { brandAccent: 'red' } }, '"Accent Colour" must be a colour written #RRGGBB'],
		[{ branding: { brandName: '' } }, '"Brand Name" is empty'],
		[{ title: 'x'.repeat(201) }, '"Title" must be at most 200 characters long'],
		[{ filters: { dateFrom: '2026-02-01', dateTo: '2026-01-01' } }, '"From Date" (2026-02-01) must not be after "To Date" (2026-01-01)'],
	])('refuses %j without sending anything', async (parameters, message) => {
		const { error, requests } = await run(sim, { resource: 'analytics', operation: 'createReport', ...parameters });
		expect(error?.message).toContain(message);
		expect(requests).toHaveLength(0);
	});

	it('says reports come with the Creator plan when the key has Starter', async () => {
		const { error } = await run(sim, { resource: 'analytics', operation: 'createReport' }, { apiKey: STARTER_API_KEY });
		expect(error?.message).toMatch(/^Your TokPortal plan \(Starter\) does not include analytics reports\. It is included from the Creator plan/);
	});
});

describe('Analytics → Export Report HTML', () => {
	it('puts TokPortal’s HTML in the binary field "data" (text/html), under a derived Idempotency-Key; no report is created', async () => {
		const { parameters, body } = full();
		const reports = sim.state.analyticsReports.length;
		const { items, requests, error } = await run(sim, { resource: 'analytics', operation: 'exportReportHtml', ...parameters });
		expect(error).toBeUndefined();
		expect(requests.map((r) => [r.method, r.path, r.body, r.headers.accept])).toEqual([
			['POST', '/analytics/export/reports/html', body, 'text/html, application/json;q=0.5'],
		]);
		expect(requests[0].headers['idempotency-key']).toMatch(/^n8n-[0-9a-f]{64}$/);
		const html = Buffer.from(items[0].binary!.data.data, 'base64').toString('utf8');
		expect(html).toMatch(/^<!DOCTYPE html>/);
		expect(html).toContain('<title>Acme &lt;June&gt; report</title>');
		expect(html).toContain('<p class="brand">Acme &amp; Co</p>');
		const today = new Date().toISOString().slice(0, 10);
		expect(items[0].binary!.data).toMatchObject({ mimeType: 'text/html', fileName: `tokportal-report-${today}.html` });
		expect(items[0].json).toEqual({
			file_name: `tokportal-report-${today}.html`,
			mime_type: 'text/html',
			file_size: Buffer.byteLength(html),
		});
		expect(sim.state.analyticsReports).toHaveLength(reports);
	});

	it('retries a 503 under the same key and gets the file; the chosen field and name are used', async () => {
		sim.faults.inject({ method: 'POST', path: '/analytics/export/reports/html' }, { type: 'status', status: 503, retryAfterSeconds: 0 });
		const { items, requests } = await run(
			sim,
			{ resource: 'analytics', operation: 'exportReportHtml', options: { binaryPropertyName: 'report', fileName: 'acme.html' } },
			{ apiKey: CREATOR_API_KEY },
		);
		expect(requests.map((r) => r.status)).toEqual([503, 200]);
		expect(requests[1].headers['idempotency-key']).toBe(requests[0].headers['idempotency-key']);
		expect(items[0].binary!.report).toMatchObject({ fileName: 'acme.html', mimeType: 'text/html' });
		expect(items[0].json.file_name).toBe('acme.html');
	});
});
