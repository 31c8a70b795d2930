// The transport's file calls: multipart bodies (direct uploads, CSV import) and the presigned PUT to
// object storage — the only request the package sends somewhere other than TokPortal.
import { randomBytes } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import { multipartBody } from '../../nodes/shared/transport/multipart';
import { runTokPortalNode } from '../harness';
import type { Simulator } from '../simulator';
import { startSimulator } from '../simulator';
import { parseMultipart } from '../simulator/multipart';
import { byId, newBundle } from '../node/accountFixtures';

describe('multipart bodies', () => {
	it('carry the fields and the file byte for byte, as a standard parser reads them', () => {
		const data = randomBytes(5000);
		const { body, contentType } = multipartBody({
			fields: { bundle_id: 'b-1', purpose: 'carousel' },
			file: { field: 'file', fileName: 'photo.png', contentType: 'image/png', data },
		});
		const form = parseMultipart(contentType, body)!;
		expect(form.fields).toEqual({ bundle_id: 'b-1', purpose: 'carousel' });
		expect(form.files).toHaveLength(1);
		expect(form.files[0]).toMatchObject({ field: 'file', filename: 'photo.png', contentType: 'image/png' });
		expect(form.files[0].data.equals(data)).toBe(true);
	});

	it('keeps a non-ASCII file name (RFC 5987) and never lets a name break the part headers', () => {
		const { body, contentType } = multipartBody({
			fields: {},
			file: { field: 'file', fileName: 'Clip été "final"\r\nX-Evil: 1 🎬.mp4', contentType: 'video/mp4', data: Buffer.from('x') },
		});
		const form = parseMultipart(contentType, body)!;
		expect(form.files[0].filename).toBe('Clip été "final"\r\nX-Evil: 1 🎬.mp4');
		expect(body.toString('latin1')).not.toMatch(/\r\nX-Evil/);
	});

	it('uses a fresh random boundary per body', () => {
		const form = { fields: {}, file: { field: 'file', fileName: 'a.csv', contentType: 'text/csv', data: Buffer.from('position\n1') } };
		expect(multipartBody(form).contentType).not.toBe(multipartBody(form).contentType);
	});
});

describe('a direct upload through the engine', () => {
	let sim: Simulator;
	let bundleId: string;
	beforeAll(async () => {
		sim = await startSimulator({ rateLimit: false });
		bundleId = await newBundle(sim);
	});
	afterAll(async () => await sim.close());

	it('is retried after a 503 with the same body and the same Idempotency-Key, and stored once', async () => {
		const clip = randomBytes(20_000);
		sim.clearRequests();
		sim.faults.inject({ method: 'POST', path: '/upload/video/direct' }, { type: 'status', status: 503, retryAfterSeconds: 0 });
		const uploadsBefore = sim.uploads.list().length;
		const run = await runTokPortalNode(sim, {
			parameters: { resource: 'upload', operation: 'uploadVideo', bundleId: byId(bundleId), binaryPropertyName: 'data' },
			binary: [{ data: { data: clip, fileName: 'c.mp4', mimeType: 'video/mp4' } }],
		});
		expect(run.error).toBeUndefined();
		const attempts = sim.requests.filter((request) => request.path === '/upload/video/direct');
		expect(attempts.map((request) => request.status)).toEqual([503, 201]);
		expect(attempts[1].headers['idempotency-key']).toBe(attempts[0].headers['idempotency-key']);
		expect(attempts[1].body).toEqual(attempts[0].body);
		expect(sim.uploads.list().length).toBe(uploadsBefore + 1);
	});
});

/**
 * A stand-in TokPortal answering only the presigned-upload call, whose upload URL points at a storage
 * server that behaves as each test says: refuses, fails, or drops the connection.
 */
async function fakeTokPortal(uploadUrl: (storage: string) => string, storage: (req: http.IncomingMessage, res: http.ServerResponse) => void) {
	const puts: Array<{ headers: http.IncomingHttpHeaders; bytes: number }> = [];
	const storageServer = http.createServer((req, res) => {
		let bytes = 0;
		req.on('data', (chunk: Buffer) => (bytes += chunk.length));
		req.on('end', () => {
			puts.push({ headers: req.headers, bytes });
			storage(req, res);
		});
	});
	await new Promise<void>((resolve) => storageServer.listen(0, '127.0.0.1', resolve));
	const storageUrl = `http://127.0.0.1:${(storageServer.address() as AddressInfo).port}/bucket/clip.mp4?X-Amz-Signature=sig_0123456789abcdef`;
	const api = http.createServer((req, res) => {
		req.resume();
		req.on('end', () => {
			res.writeHead(200, { 'Content-Type': 'application/json', 'X-TokPortal-Request-ID': 'req_fake' });
			res.end(
				JSON.stringify({
					data: {
						upload_url: uploadUrl(storageUrl),
						method: 'PUT',
						headers: { 'Content-Type': 'video/mp4' },
						storage_path: 'videos/b/clip.mp4',
						public_url: 'https://pub.example.com/videos/b/clip.mp4',
					},
				}),
			);
		});
	});
	await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
	const baseUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}/api/ext`;
	return {
		baseUrl,
		puts,
		close: async () => {
			storageServer.closeAllConnections();
			await Promise.all([new Promise((resolve) => storageServer.close(resolve)), new Promise((resolve) => api.close(resolve))]);
		},
	};
}

async function uploadLarge(baseUrl: string) {
	return await runTokPortalNode(
		{ baseUrl, apiKey: 'sk_0000000000000000000000000000000000000000000000000000000000000000' },
		{
			parameters: { resource: 'upload', operation: 'uploadVideo', bundleId: byId('b'), binaryPropertyName: 'data' },
			binary: [{ data: { data: randomBytes(4_200_000), fileName: 'clip.mp4', mimeType: 'video/mp4' } }],
			continueOnFail: true,
		},
	);
}

describe('the presigned PUT', () => {
	it('says when the signed URL expired, quotes storage’s own error, never the signature, and is not retried', async () => {
		const fake = await fakeTokPortal(
			(url) => url,
			(_req, res) => {
				res.writeHead(403, { 'Content-Type': 'application/xml' });
				res.end('<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>');
			},
		);
		try {
			const run = await uploadLarge(fake.baseUrl);
			const item = run.items[0].json;
			expect(item.error).toMatch(/upload URL expired/);
			expect(item.description).toContain('Storage says: AccessDenied Request has expired');
			expect(JSON.stringify(item)).not.toContain('sig_0123456789abcdef');
			expect(fake.puts).toHaveLength(1);
			expect(fake.puts[0].bytes).toBe(4_200_000);
			expect(fake.puts[0].headers['x-api-key']).toBeUndefined();
		} finally {
			await fake.close();
		}
	});

	it('is sent once when storage fails (500) or the connection drops: the error says to run again', async () => {
		for (const answer of ['500', 'drop'] as const) {
			const fake = await fakeTokPortal(
				(url) => url,
				(req, res) => {
					if (answer === 'drop') req.socket.destroy();
					else res.writeHead(500).end('internal');
				},
			);
			try {
				const run = await uploadLarge(fake.baseUrl);
				const item = run.items[0].json;
				expect(item.error).toMatch(answer === 'drop' ? /connection was lost/ : /refused the upload with HTTP 500/);
				expect(String(item.description)).toMatch(/Run the node again/);
				expect(fake.puts).toHaveLength(1);
			} finally {
				await fake.close();
			}
		}
	});

	it('refuses an upload URL that is plain http on another machine: the file is not sent', async () => {
		const fake = await fakeTokPortal(
			() => 'http://storage.example.com/bucket/clip.mp4?X-Amz-Signature=sig_0123456789abcdef',
			(_req, res) => res.writeHead(200).end(),
		);
		try {
			const run = await uploadLarge(fake.baseUrl);
			expect(run.items[0].json.error).toMatch(/does not use https, so the file was not sent/);
			expect(JSON.stringify(run.items[0].json)).not.toContain('sig_0123456789abcdef');
			expect(fake.puts).toHaveLength(0);
		} finally {
			await fake.close();
		}
	});
});
