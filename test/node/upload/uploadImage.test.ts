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

const uploadImage = (purpose: string) => ({ resource: 'upload', operation: 'uploadImage', bundleId: byId(bundleId), binaryPropertyName: 'data', purpose });

describe('Upload → Upload Image', () => {
	it('uploads a carousel photo directly and returns its storage_path for Carousel Images', async () => {
		const jpg = randomBytes(30_000);
		const { items, requests } = await run(sim, uploadImage('carousel'), {
			binary: [{ data: { data: jpg, fileName: 'look-1.jpg', mimeType: 'image/jpeg' } }],
		});
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /upload/image/direct']);
		expect(requests[0].body).toMatchObject({ fields: { bundle_id: bundleId, purpose: 'carousel' } });
		expect(items[0].json).toMatchObject({
			storage_path: expect.stringMatching(new RegExp(`^carousel-images/org_[\\w]+/${bundleId}/`)),
			public_url: expect.any(String),
			content_type: 'image/jpeg',
			upload_method: 'direct',
		});
		expect(sim.uploads.bytes(String(items[0].json.storage_path))!.equals(jpg)).toBe(true);
	});

	it('sends a large profile picture through a presigned URL with its purpose, and returns the storage_path', async () => {
		const png = randomBytes(4_500_000);
		const { items, requests } = await run(sim, uploadImage('profile_picture'), {
			binary: [{ data: { data: png, fileName: 'me.png', mimeType: 'image/png' } }],
		});
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /upload/image']);
		expect(requests[0].body).toEqual({ filename: 'me.png', content_type: 'image/png', bundle_id: bundleId, purpose: 'profile_picture' });
		expect(requests[0].headers['idempotency-key']).toBeUndefined();
		expect(items[0].json).toMatchObject({ storage_path: expect.stringMatching(/^profile-pictures\//), upload_method: 'presigned' });
		expect(items[0].json).not.toHaveProperty('upload_token');
		expect(sim.uploads.bytes(String(items[0].json.storage_path))!.equals(png)).toBe(true);
	});

	it('the storage_path configures the account’s profile picture', async () => {
		const upload = await run(sim, uploadImage('profile_picture'), {
			binary: [{ data: { data: randomBytes(500), fileName: 'p.webp', mimeType: 'image/webp' } }],
		});
		const configured = await run(sim, {
			resource: 'accountConfiguration',
			operation: 'configure',
			bundleId: byId(bundleId),
			username: 'upload.test',
			visibleName: 'Upload Test',
			biography: 'Profile picture uploaded by n8n.',
			profilePictureUrl: String(upload.items[0].json.storage_path),
		});
		expect(configured.error).toBeUndefined();
		expect(sim.state.bundles.find((b) => b.id === bundleId)!.account!.profile_picture_url).toBe(upload.items[0].json.storage_path);
	});

	it('takes JPEG, PNG, WebP and GIF only, and an invalid Purpose is refused before sending', async () => {
		const svg = await run(sim, uploadImage('carousel'), {
			binary: [{ data: { data: Buffer.from('<svg/>'), fileName: 'logo.svg', mimeType: 'image/svg+xml' } }],
		});
		expect(svg.error?.message).toBe('"logo.svg" is image/svg+xml: TokPortal takes JPEG, PNG, WebP or GIF images');
		const banner = await run(sim, uploadImage('banner'), { binary: [{ data: { data: randomBytes(5), fileName: 'a.png', mimeType: 'image/png' } }] });
		expect(banner.error?.message).toMatch(/^"Purpose" must be one of carousel, profile_picture/);
		expect([...svg.requests, ...banner.requests]).toHaveLength(0);
	});
});
