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

const uploadVideo = (extra = {}) => ({ resource: 'upload', operation: 'uploadVideo', bundleId: byId(bundleId), binaryPropertyName: 'data', ...extra });

describe('Upload → Upload Video', () => {
	it('uploads a small file directly: one multipart request with the bytes, the bundle and a key', async () => {
		const clip = randomBytes(150_000);
		const { items, requests, error } = await run(sim, uploadVideo(), {
			binary: [{ data: { data: clip, fileName: 'launch clip.mp4', mimeType: 'video/mp4' } }],
		});
		expect(error).toBeUndefined();
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /upload/video/direct']);
		expect(requests[0].headers['idempotency-key']).toMatch(/^n8n-[0-9a-f]{64}$/);
		expect(requests[0].body).toEqual({
			fields: { bundle_id: bundleId },
			files: [expect.objectContaining({ field: 'file', filename: 'launch clip.mp4', content_type: 'video/mp4', size_bytes: clip.length })],
		});
		expect(items).toHaveLength(1);
		const out = items[0].json;
		expect(out).toMatchObject({ filename: 'launch clip.mp4', size_bytes: clip.length, content_type: 'video/mp4', upload_method: 'direct' });
		expect(sim.uploads.bytes(String(out.public_url))!.equals(clip)).toBe(true);
	});
});

describe('Upload → Upload Video (large file)', () => {
	it('above 4 MB: asks for a presigned URL (no Idempotency-Key) and PUTs the bytes there without the API key', async () => {
		const clip = randomBytes(5_000_000);
		const before = sim.uploads.requests().length;
		const { items, requests, error } = await run(sim, uploadVideo(), {
			binary: [{ data: { data: clip, fileName: 'long.mov', mimeType: 'video/quicktime' } }],
		});
		expect(error).toBeUndefined();
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /upload/video']);
		expect(requests[0].body).toEqual({ filename: 'long.mov', content_type: 'video/quicktime', bundle_id: bundleId });
		expect(requests[0].headers['idempotency-key']).toBeUndefined();
		const puts = sim.uploads.requests().slice(before);
		expect(puts.map((r) => r.method)).toEqual(['PUT']);
		expect(puts[0].headers).toMatchObject({ 'content-type': 'video/quicktime', 'content-length': String(clip.length) });
		expect(puts[0].headers['x-api-key']).toBeUndefined();
		expect(JSON.stringify(puts[0].headers)).not.toContain(sim.apiKey);
		const out = items[0].json;
		expect(out).toMatchObject({ filename: 'long.mov', size_bytes: clip.length, content_type: 'video/quicktime', upload_method: 'presigned' });
		expect(out).not.toHaveProperty('upload_url');
		expect(sim.uploads.bytes(String(out.public_url))!.equals(clip)).toBe(true);
	});
});

describe('Upload → Upload Video: checks before sending', () => {
	it('names the Input Binary Field when the item has no such file, and lists the fields it has', async () => {
		const { error, requests } = await run(sim, uploadVideo({ binaryPropertyName: 'video' }), {
			binary: [{ data: { data: randomBytes(10), fileName: 'a.mp4', mimeType: 'video/mp4' } }],
		});
		expect(error?.message).toBe('"Input Binary Field" is "video", but this item has no binary file by that name');
		expect(error?.description).toContain('Its binary fields: data.');
		expect(requests).toHaveLength(0);
	});

	it('refuses an item without any file, an empty file and a file that is not a video', async () => {
		const noFile = await run(sim, uploadVideo());
		expect(noFile.error?.description).toMatch(/must output a file/);
		const empty = await run(sim, uploadVideo(), { binary: [{ data: { data: Buffer.alloc(0), fileName: 'a.mp4', mimeType: 'video/mp4' } }] });
		expect(empty.error?.message).toMatch(/empty \(0 bytes\)/);
		const image = await run(sim, uploadVideo(), { binary: [{ data: { data: randomBytes(10), fileName: 'a.png', mimeType: 'image/png' } }] });
		expect(image.error?.message).toBe('"a.png" is image/png, not a video: use Upload Image for pictures, or give the file a video type (MP4, MOV, WebM)');
		expect([...noFile.requests, ...empty.requests, ...image.requests]).toHaveLength(0);
	});

	it('types a file n8n only knows as application/octet-stream by its extension', async () => {
		const { items, requests } = await run(sim, uploadVideo(), {
			binary: [{ data: { data: randomBytes(100), fileName: 'raw.webm', mimeType: 'application/octet-stream' } }],
		});
		expect((requests[0].body as { files: Array<{ content_type: string }> }).files[0].content_type).toBe('video/webm');
		expect(items[0].json.content_type).toBe('video/webm');
	});

	it('words TokPortal’s refusals: an unknown bundle, with Continue On Fail as a paired error item', async () => {
		const { items } = await run(sim, { ...uploadVideo(), bundleId: byId('no-such-bundle') }, {
			binary: [{ data: { data: randomBytes(10), fileName: 'a.mp4', mimeType: 'video/mp4' } }],
			continueOnFail: true,
		});
		expect(items).toHaveLength(1);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[0].json).toMatchObject({ code: 'BUNDLE_NOT_FOUND', httpStatus: 404, error: expect.stringMatching(/Bundle not found/) });
	});
});
