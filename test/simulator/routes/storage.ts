// The object storage behind uploads, served on 127.0.0.1 (no API key, like a real bucket):
//   PUT /storage/upload/{token}  the presigned upload (Content-Type as signed, until it expires)
//   GET /storage/{storage_path}  the public URL of a stored object
import type { IncomingMessage, ServerResponse } from 'node:http';
import { headerValue, lowerCaseHeaders, readBody, sendBytes, sendJson } from '../httpUtil';
import { type MediaStore, PRESIGNED_UPLOAD_LIMIT, STORAGE_PREFIX } from '../media';
import type { SimState } from '../types';

/** A request object storage received (tests check what reached it, e.g. that no API key did). */
export interface StorageRequest {
	method: string;
	/** Below /storage, e.g. `/upload/<token>`. */
	path: string;
	/** Lower-case names. */
	headers: Record<string, string>;
}

export interface StorageDeps {
	state: SimState;
	media: MediaStore;
	requests: StorageRequest[];
}

function fail(res: ServerResponse, status: number, code: string, message: string, details?: Record<string, unknown>) {
	sendJson(res, status, {}, { error: { code, message, ...(details && { details }) } });
}

async function presignedPut(req: IncomingMessage, res: ServerResponse, token: string, deps: StorageDeps): Promise<void> {
	const target = deps.media.target(token);
	const upload = target && deps.state.uploads.find((u) => u.id === target.uploadId);
	const raw = await readBody(req, PRESIGNED_UPLOAD_LIMIT);
	if (!target || !upload) return fail(res, 403, 'UPLOAD_URL_INVALID', 'This upload URL is not valid.');
	if (upload.expires_at && Date.now() > Date.parse(upload.expires_at)) {
		return fail(res, 403, 'UPLOAD_URL_EXPIRED', 'This upload URL has expired: request a new one.');
	}
	const type = headerValue(req, 'content-type')?.split(';')[0].trim().toLowerCase();
	if (type !== target.contentType) {
		return fail(res, 400, 'CONTENT_TYPE_MISMATCH', `Send the bytes with Content-Type: ${target.contentType}.`, {
			expected: target.contentType,
			received: type ?? null,
		});
	}
	if (raw.tooLarge) {
		return fail(res, 413, 'PAYLOAD_TOO_LARGE', `The file exceeds ${PRESIGNED_UPLOAD_LIMIT} bytes.`, {
			max_bytes: PRESIGNED_UPLOAD_LIMIT,
		});
	}
	if (raw.data.length === 0) return fail(res, 400, 'EMPTY_UPLOAD', 'The upload body is empty.');
	// Like a bucket, a presigned URL may be used again until it expires; the last PUT wins.
	const stored = deps.media.put(target.storagePath, raw.data, target.contentType);
	Object.assign(upload, {
		status: 'stored',
		size_bytes: raw.data.length,
		sha256: stored.sha256,
		uploaded_at: new Date().toISOString(),
	});
	res.writeHead(200, { ETag: `"${stored.sha256.slice(0, 32)}"`, 'Content-Length': '0' }).end();
}

export async function handleStorage(req: IncomingMessage, res: ServerResponse, url: URL, deps: StorageDeps): Promise<void> {
	const method = (req.method ?? 'GET').toUpperCase();
	deps.requests.push({ method, path: url.pathname.slice(STORAGE_PREFIX.length), headers: lowerCaseHeaders(req) });
	let path: string;
	try {
		path = decodeURIComponent(url.pathname.slice(STORAGE_PREFIX.length + 1));
	} catch {
		req.resume();
		return fail(res, 400, 'INVALID_PATH', 'The path is not valid percent-encoding.');
	}
	if (method === 'PUT' && path.startsWith('upload/') && !path.slice('upload/'.length).includes('/')) {
		return presignedPut(req, res, path.slice('upload/'.length), deps);
	}
	if (method === 'GET') {
		const object = deps.media.get(path);
		if (object) return sendBytes(res, object.contentType, object.data, { ETag: `"${object.sha256.slice(0, 32)}"` });
		return fail(res, 404, 'OBJECT_NOT_FOUND', `No stored object at ${path}.`);
	}
	req.resume();
	return fail(res, 405, 'METHOD_NOT_ALLOWED', `${method} is not allowed here.`);
}
