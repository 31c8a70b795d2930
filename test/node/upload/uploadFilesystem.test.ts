// Uploads with n8n's binary data on disk (filesystem mode, n8n's default): the file has an id and
// large ones are streamed from disk to the presigned URL.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';

import { useFilesystemBinaryData } from '../../harness';
import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { byId, newBundle, run } from '../accountFixtures';

let sim: Simulator;
let bundleId: string;
let binaryDir: string;
beforeAll(async () => {
	binaryDir = await useFilesystemBinaryData();
	sim = await startSimulator({ rateLimit: false });
	bundleId = await newBundle(sim);
});
afterAll(async () => {
	await sim.close();
	rmSync(binaryDir, { recursive: true, force: true });
});

it('streams a 9 MB video from n8n’s binary store to the presigned URL, byte for byte', async () => {
	const clip = randomBytes(9_000_000);
	const { items, error, result } = await run(
		sim,
		{ resource: 'upload', operation: 'uploadVideo', bundleId: byId(bundleId), binaryPropertyName: 'clip' },
		{ binary: [{ clip: { data: clip, fileName: 'ad.mp4', mimeType: 'video/mp4' } }] },
	);
	expect(error).toBeUndefined();
	// The engine kept the file on disk: only an id travels with the item.
	expect(result.output('Items')[0].binary?.clip.id).toMatch(/^filesystem-v2:/);
	expect(items[0].json).toMatchObject({ upload_method: 'presigned', size_bytes: clip.length, content_type: 'video/mp4' });
	expect(sim.uploads.bytes(String(items[0].json.public_url))!.equals(clip)).toBe(true);
});

it('uploads a small image from disk directly, with its purpose', async () => {
	const png = randomBytes(40_000);
	const { items, requests, error } = await run(
		sim,
		{ resource: 'upload', operation: 'uploadImage', bundleId: byId(bundleId), binaryPropertyName: 'data', purpose: 'profile_picture' },
		{ binary: [{ data: { data: png, fileName: 'me.png', mimeType: 'image/png' } }] },
	);
	expect(error).toBeUndefined();
	expect(requests[0].body).toMatchObject({ fields: { bundle_id: bundleId, purpose: 'profile_picture' } });
	expect(items[0].json.storage_path).toMatch(/^profile-pictures\//);
	expect(sim.uploads.bytes(String(items[0].json.storage_path))!.equals(png)).toBe(true);
});
