import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { byId, run } from '../accountFixtures';
import { day, slot, videoBundle } from './videoFixtures';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());

const csvFile = (text: string) => [{ data: { data: Buffer.from(text, 'utf8'), fileName: 'calendar.csv', mimeType: 'text/csv' } }];
const importCsv = (bundle: string, extra: Record<string, unknown> = {}) => ({
	resource: 'video',
	operation: 'importCsv',
	bundleId: byId(bundle),
	binaryPropertyName: 'data',
	...extra,
});

describe('Video → Import CSV', () => {
	it('sends the file from the item as multipart with auto_publish, and returns what was imported and each row’s error', async () => {
		const a = await videoBundle(sim, { videos: 3 });
		const csv = [
			'position,video_type,description,target_publish_date,video_url,external_ref',
			`1,video,"First, with a comma",${day(4)},https://cdn.example.com/1.mp4,csv-1`,
			`2,video,Too early,${day(1)},https://cdn.example.com/2.mp4,csv-2`,
			`3,video,Third,${day(5)},https://cdn.example.com/3.mp4,csv-3`,
		].join('\n');
		const { items, requests } = await run(sim, importCsv(a), { binary: csvFile(csv) });
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST /bundles/${a}/videos/import-csv`]);
		expect(requests[0].body).toEqual({
			fields: { auto_publish: 'false' },
			files: [expect.objectContaining({ field: 'file', filename: 'calendar.csv', content_type: 'text/csv', size_bytes: Buffer.byteLength(csv) })],
		});
		expect(requests[0].headers['idempotency-key']).toMatch(/^n8n-/);
		expect(items[0].json).toMatchObject({ bundle_id: a, imported: 2, skipped: 1, errors: [{ row: 3, position: 2, code: 'INVALID_DATE' }] });
		expect(slot(sim, a, 1).description).toBe('First, with a comma');
	});

	it('checks the header before sending: known columns only, and a position column', async () => {
		const a = await videoBundle(sim);
		const unknown = await run(sim, importCsv(a), { binary: csvFile('\uFEFFposition,caption\n1,Hi') });
		expect(unknown.error?.message).toMatch(/^The CSV has column\(s\) TokPortal does not know: caption\. Allowed: position, video_type/);
		const noPosition = await run(sim, importCsv(a), { binary: csvFile('video_type,description\nvideo,Hi') });
		expect(noPosition.error?.message).toBe('The CSV needs a "position" column (the video slot of each row)');
		const empty = await run(sim, importCsv(a), { binary: csvFile('') });
		expect(empty.error?.message).toMatch(/^The CSV file is empty/);
		for (const refused of [unknown, noPosition, empty]) expect(refused.requests).toHaveLength(0);
	});
});
