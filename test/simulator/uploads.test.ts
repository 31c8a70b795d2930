// Media uploads over real HTTP: direct multipart, the presigned PUT flow served by the simulator,
// image import from a (local) URL, the stored bytes, and their use in videos and profile pictures.
import { randomBytes } from 'node:crypto';
import { startSimulator, type Simulator } from './index';
import { DIRECT_UPLOAD_LIMIT } from './media';
import { type Call, client, createBundle, VALID_ACCOUNT, videoConfig } from './testHelpers';

let sim: Simulator;
let call: Call;
let bundleId: string;

beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
	call = client(sim);
	bundleId = await createBundle(call);
});
afterAll(() => sim.close());

function fileForm(bytes: Buffer, filename: string, type: string, fields: Record<string, string> = {}): FormData {
	const form = new FormData();
	form.append('file', new Blob([bytes], { type }), filename);
	for (const [k, v] of Object.entries({ bundle_id: bundleId, ...fields })) form.append(k, v);
	return form;
}

const getBytes = async (url: string) => {
	const res = await fetch(url);
	return { status: res.status, type: res.headers.get('content-type'), data: Buffer.from(await res.arrayBuffer()) };
};

test('direct video upload: multipart file + bundle_id → public_url serving the same bytes; usable as video_url', async () => {
	const clip = randomBytes(200_000);
	const res = await call('POST', '/upload/video/direct', { form: fileForm(clip, 'clip one.mp4', 'video/mp4') });
	expect(res.status).toBe(201);
	expect(res.body.data).toEqual({
		public_url: expect.stringMatching(new RegExp(`^${sim.url}/storage/videos/${bundleId}/\\d+-[0-9a-f]{8}\\.mp4$`)),
		filename: 'clip one.mp4',
		size_bytes: clip.length,
		content_type: 'video/mp4',
	});
	expect(sim.uploads.bytes(res.body.data.public_url)!.equals(clip)).toBe(true);
	const served = await getBytes(res.body.data.public_url);
	expect([served.status, served.type, served.data.equals(clip)]).toEqual([200, 'video/mp4', true]);
	const upload = sim.uploads.list().at(-1)!;
	expect(upload).toMatchObject({ method: 'direct', purpose: 'video', status: 'stored', size_bytes: clip.length, bundle_id: bundleId });
	const viaSim = await getBytes(`${sim.url}/_sim/uploads/${upload.id}/content`);
	expect(viaSim.data.equals(clip)).toBe(true);
	const configured = await call('PUT', `/bundles/${bundleId}/videos/1`, { body: videoConfig({ video_url: res.body.data.public_url }) });
	expect(configured.body.data.video_url).toBe(res.body.data.public_url);
});

test('direct image upload: purpose carousel (default) or profile_picture; storage_path usable in carousels and as the profile picture', async () => {
	const png = randomBytes(3000);
	const carousel = await call('POST', '/upload/image/direct', { form: fileForm(png, 'a.png', 'image/png') });
	expect(carousel.status).toBe(201);
	expect(carousel.body.data).toMatchObject({
		storage_path: expect.stringMatching(new RegExp(`^carousel-images/org_user_1/${bundleId}/photo-.+\\.png$`)),
		public_url: expect.stringContaining('/storage/carousel-images/'),
		filename: 'a.png',
		size_bytes: 3000,
		content_type: 'image/png',
	});
	const picture = await call('POST', '/upload/image/direct', {
		form: fileForm(randomBytes(500), 'me.jpg', 'application/octet-stream', { purpose: 'profile_picture' }),
	});
	expect(picture.body.data).toMatchObject({ storage_path: expect.stringMatching(/^profile-pictures\//), content_type: 'image/jpeg' });
	const bad = await call('POST', '/upload/image/direct', { form: fileForm(png, 'a.png', 'image/png', { purpose: 'banner' }) });
	expect([bad.status, bad.body.error.details.field]).toEqual([400, 'purpose']);

	const account = await call('PUT', `/bundles/${bundleId}/account`, {
		body: { ...VALID_ACCOUNT, profile_picture_url: picture.body.data.storage_path },
	});
	expect(account.body.data.account.profile_picture_url).toBe(picture.body.data.storage_path);
	const slide = await call('PUT', `/bundles/${bundleId}/videos/2`, {
		body: videoConfig({
			video_type: 'carousel',
			video_url: undefined,
			carousel_images: [carousel.body.data.storage_path],
			tiktok_sound_url: 'https://www.tiktok.com/music/x-1',
		}),
	});
	expect(slide.body.data.carousel_images).toEqual([carousel.body.data.storage_path]);
});

test('direct uploads refuse a missing or empty file, a wrong type, a foreign bundle, and bodies over the request limit (413)', async () => {
	const noFile = new FormData();
	noFile.append('bundle_id', bundleId);
	expect((await call('POST', '/upload/video/direct', { form: noFile })).body.error.details.field).toBe('file');
	const empty = await call('POST', '/upload/video/direct', { form: fileForm(Buffer.alloc(0), 'x.mp4', 'video/mp4') });
	expect(empty.body.error.details.field).toBe('file');
	const pdf = await call('POST', '/upload/video/direct', { form: fileForm(randomBytes(10), 'x.pdf', 'application/pdf') });
	expect([pdf.status, pdf.body.error.code, pdf.body.error.details.field]).toEqual([400, 'VALIDATION_ERROR', 'file']);
	const unknown = await call('POST', '/upload/video/direct', {
		form: fileForm(randomBytes(10), 'x.mp4', 'video/mp4', { bundle_id: '00000000-0000-4000-8000-00000000000a' }),
	});
	expect([unknown.status, unknown.body.error.code]).toEqual([404, 'BUNDLE_NOT_FOUND']);
	const big = await call('POST', '/upload/video/direct', { form: fileForm(Buffer.alloc(DIRECT_UPLOAD_LIMIT + 1), 'big.mp4', 'video/mp4') });
	expect([big.status, big.body.error.code, big.body.error.details.max_bytes]).toEqual([413, 'PAYLOAD_TOO_LARGE', DIRECT_UPLOAD_LIMIT]);
	const json = await call('POST', '/upload/video/direct', { body: { bundle_id: bundleId } });
	expect([json.status, json.body.error.code]).toEqual([400, 'VALIDATION_ERROR']);
});

test('presigned video upload: no Idempotency-Key; PUT the bytes with the signed Content-Type to the returned URL', async () => {
	const withKey = await call('POST', '/upload/video', {
		body: { filename: 'long.mp4', bundle_id: bundleId },
		headers: { 'Idempotency-Key': 'k1' },
	});
	expect([withKey.status, withKey.body.error.code]).toEqual([400, 'IDEMPOTENCY_KEY_NOT_ALLOWED_FOR_SENSITIVE_RESPONSE']);
	const res = await call('POST', '/upload/video', { body: { filename: 'long.mp4', bundle_id: bundleId } });
	expect(res.status).toBe(200);
	const data = res.body.data;
	expect(data).toEqual({
		upload_url: expect.stringMatching(new RegExp(`^${sim.url}/storage/upload/[\\w-]+$`)),
		method: 'PUT',
		headers: { 'Content-Type': 'video/mp4' },
		storage_path: expect.stringMatching(new RegExp(`^videos/${bundleId}/.+\\.mp4$`)),
		public_url: `${sim.url}/storage/${data.storage_path}`,
		expires_at: expect.any(String),
		max_size_bytes: 512 * 1024 * 1024,
	});
	expect(sim.uploads.list().at(-1)).toMatchObject({ status: 'awaiting_upload', size_bytes: null });
	expect((await getBytes(data.public_url)).status).toBe(404);

	const wrongType = await fetch(data.upload_url, { method: 'PUT', headers: { 'Content-Type': 'video/webm' }, body: randomBytes(10) });
	expect(wrongType.status).toBe(400);
	const clip = randomBytes(DIRECT_UPLOAD_LIMIT + 100_000);
	const put = await fetch(data.upload_url, { method: 'PUT', headers: { 'Content-Type': 'video/mp4' }, body: clip });
	expect([put.status, put.headers.get('etag')]).toEqual([200, expect.stringMatching(/^"[0-9a-f]{32}"$/)]);
	expect(sim.uploads.bytes(data.storage_path)!.equals(clip)).toBe(true);
	expect(sim.uploads.list().at(-1)).toMatchObject({ status: 'stored', size_bytes: clip.length });
	expect((await getBytes(data.public_url)).data.equals(clip)).toBe(true);
	const forged = await fetch(`${sim.url}/storage/upload/not-a-token`, { method: 'PUT', headers: { 'Content-Type': 'video/mp4' }, body: 'x' });
	expect(forged.status).toBe(403);
});

test('storage records every request it receives (method, path, headers), so tests can see what reached it', async () => {
	const res = await call('POST', '/upload/video', { body: { filename: 'logged.mp4', bundle_id: bundleId } });
	const before = sim.uploads.requests().length;
	await fetch(res.body.data.upload_url, { method: 'PUT', headers: { 'Content-Type': 'video/mp4', 'X-Probe': 'yes' }, body: randomBytes(10) });
	await getBytes(res.body.data.public_url);
	const seen = sim.uploads.requests().slice(before);
	expect(seen.map((r) => `${r.method} ${r.path}`)).toEqual([
		`PUT ${new URL(res.body.data.upload_url).pathname.replace('/storage', '')}`,
		`GET /${res.body.data.storage_path}`,
	]);
	expect(seen[0].headers).toMatchObject({ 'content-type': 'video/mp4', 'x-probe': 'yes', 'content-length': '10' });
});

test('presigned image upload needs content_type; returns upload_token and storage_path; expired URLs are refused', async () => {
	const missing = await call('POST', '/upload/image', { body: { filename: 'p.png', bundle_id: bundleId } });
	expect(missing.body.error.details.field).toBe('content_type');
	const res = await call('POST', '/upload/image', {
		body: { filename: 'p.png', content_type: 'image/png', bundle_id: bundleId, purpose: 'profile_picture' },
	});
	expect(res.body.data).toMatchObject({
		upload_token: expect.any(String),
		storage_path: expect.stringMatching(/^profile-pictures\/org_user_1\//),
		headers: { 'Content-Type': 'image/png' },
	});
	expect(res.body.data.upload_url).toContain(res.body.data.upload_token);
	const dry = await call('POST', '/upload/image', {
		body: { filename: 'p.png', content_type: 'image/png', bundle_id: bundleId },
		headers: { 'X-TokPortal-Dry-Run': 'true' },
	});
	expect(dry.body).toMatchObject({ dry_run: true, data: { upload_url: null, upload_token: null } });
	const put = (body: Buffer) => fetch(res.body.data.upload_url, { method: 'PUT', headers: { 'Content-Type': 'image/png' }, body });
	expect((await put(randomBytes(20))).status).toBe(200);
	// Usable again until it expires (the last PUT wins), like a bucket's presigned URL.
	const second = randomBytes(30);
	expect((await put(second)).status).toBe(200);
	expect(sim.uploads.bytes(res.body.data.storage_path)!.equals(second)).toBe(true);
	// Time passes: the URL expired.
	sim.uploads.list().find((u) => u.storage_path === res.body.data.storage_path)!.expires_at = new Date(Date.now() - 1000).toISOString();
	const late = await put(randomBytes(20));
	expect([late.status, ((await late.json()) as { error: { code: string } }).error.code]).toEqual([403, 'UPLOAD_URL_EXPIRED']);
});

test('image from URL: copies 127.0.0.1 images (bytes compared); other URLs are recorded without any request', async () => {
	const png = randomBytes(1234);
	const source = await call('POST', '/upload/image/direct', { form: fileForm(png, 'src.png', 'image/png') });
	const copied = await call('POST', '/upload/image/from-url', {
		body: { url: source.body.data.public_url, bundle_id: bundleId, purpose: 'profile_picture' },
	});
	expect(copied.status).toBe(201);
	expect(copied.body.data).toMatchObject({
		storage_path: expect.stringMatching(/^profile-pictures\/.+\.png$/),
		source_url: source.body.data.public_url,
		size_bytes: 1234,
		content_type: 'image/png',
	});
	expect(copied.body.data.storage_path).not.toBe(source.body.data.storage_path);
	expect(sim.uploads.bytes(copied.body.data.storage_path)!.equals(png)).toBe(true);

	const remote = await call('POST', '/upload/image/from-url', {
		body: { url: 'https://images.example.com/team/photo.webp', bundle_id: bundleId },
	});
	expect(remote.body.data).toMatchObject({ size_bytes: null, content_type: 'image/webp', storage_path: expect.stringMatching(/^carousel-images\/.+\.webp$/) });
	expect(sim.uploads.list().at(-1)).toMatchObject({ method: 'from_url', status: 'recorded', source_url: 'https://images.example.com/team/photo.webp' });
	expect(sim.uploads.bytes(remote.body.data.storage_path)).toBeUndefined();

	const notImage = await call('POST', '/upload/image/from-url', { body: { url: `${sim.url}/_sim/state`, bundle_id: bundleId } });
	expect([notImage.status, notImage.body.error.details.field]).toEqual([400, 'url']);
	const gone = await call('POST', '/upload/image/from-url', { body: { url: `${sim.url}/storage/nothing.png`, bundle_id: bundleId } });
	expect(gone.body.error.message).toMatch(/HTTP 404/);
	const notUrl = await call('POST', '/upload/image/from-url', { body: { url: 'ftp://x/y.png', bundle_id: bundleId } });
	expect(notUrl.body.error.details.field).toBe('url');
});
