import { randomBytes } from 'node:crypto';

import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { byId, newBundle, run } from '../accountFixtures';

let sim: Simulator;
let bundleId: string;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
	bundleId = await newBundle(sim);
});
afterAll(async () => await sim.close());

const importImage = (url: string, purpose = 'carousel') => ({
	resource: 'upload',
	operation: 'importImageFromUrl',
	bundleId: byId(bundleId),
	url,
	purpose,
});

describe('Upload → Import Image From URL', () => {
	it('has TokPortal copy the image and returns its storage_path', async () => {
		// An image already served on this machine (the simulator only fetches local addresses).
		const form = new FormData();
		const png = randomBytes(2000);
		form.append('file', new Blob([png], { type: 'image/png' }), 'src.png');
		form.append('bundle_id', bundleId);
		const source = await fetch(`${sim.baseUrl}/upload/image/direct`, { method: 'POST', headers: { 'X-API-Key': sim.apiKey }, body: form });
		const sourceUrl = String(((await source.json()) as { data: { public_url: string } }).data.public_url);

		const { items, requests } = await run(sim, importImage(sourceUrl, 'profile_picture'));
		expect(requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['POST', '/upload/image/from-url', { url: sourceUrl, bundle_id: bundleId, purpose: 'profile_picture' }],
		]);
		expect(requests[0].headers['idempotency-key']).toMatch(/^n8n-/);
		expect(items[0].json).toMatchObject({ storage_path: expect.stringMatching(/^profile-pictures\//), source_url: sourceUrl });
		expect(sim.uploads.bytes(String(items[0].json.storage_path))!.equals(png)).toBe(true);
	});

	it('refuses a link that is not http(s) before sending, and words TokPortal’s refusal of a broken one', async () => {
		const bad = await run(sim, importImage('file:///etc/passwd'));
		expect(bad.error?.message).toMatch(/^"Image URL" must start with https:\/\/ or http:\/\//);
		expect(bad.requests).toHaveLength(0);
		const broken = await run(sim, importImage(`${sim.url}/storage/missing.png`));
		expect(broken.error?.message).toMatch(/TokPortal could not use the Image URL/);
	});
});
