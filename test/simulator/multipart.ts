// multipart/form-data parsing (RFC 7578) for the upload and CSV import endpoints: text fields and
// files, kept as Buffers. Only what HTTP clients (fetch FormData, n8n, curl -F) actually send.
import { createHash } from 'node:crypto';

export interface FilePart {
	field: string;
	filename: string;
	contentType: string;
	data: Buffer;
}

export interface MultipartForm {
	fields: Record<string, string>;
	files: FilePart[];
}

const CRLF = '\r\n';

function boundaryOf(contentType: string | undefined): string | null {
	if (!contentType || !/^multipart\/form-data\s*;/i.test(contentType)) return null;
	const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
	return match ? (match[1] ?? match[2]) : null;
}

/** `name="file"; filename="clip.mp4"` → {name, filename}; `filename*=UTF-8''…` wins over `filename`. */
function dispositionParams(header: string): Record<string, string> {
	const params: Record<string, string> = {};
	for (const m of header.matchAll(/;\s*([\w*]+)=(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g)) {
		params[m[1].toLowerCase()] = (m[2] ?? m[3] ?? '').replace(/\\(.)/g, '$1').trim();
	}
	const extended = params['filename*'];
	if (extended) {
		const encoded = extended.replace(/^[\w-]+'[\w-]*'/, '');
		try {
			params.filename = decodeURIComponent(encoded);
		} catch {
			params.filename = encoded;
		}
	}
	return params;
}

/** null when the request is not multipart/form-data or the body does not follow its boundary. */
export function parseMultipart(contentType: string | undefined, raw: Buffer): MultipartForm | null {
	const boundary = boundaryOf(contentType);
	if (!boundary) return null;
	const delimiter = Buffer.from(`--${boundary}`);
	const next = Buffer.from(`${CRLF}--${boundary}`);
	const form: MultipartForm = { fields: {}, files: [] };
	let pos = raw.indexOf(delimiter);
	if (pos < 0) return null;
	pos += delimiter.length;
	for (;;) {
		const after = raw.subarray(pos, pos + 2).toString('latin1');
		if (after === '--') return form;
		if (after !== CRLF) return null;
		const headerEnd = raw.indexOf(`${CRLF}${CRLF}`, pos + 2);
		if (headerEnd < 0) return null;
		const end = raw.indexOf(next, headerEnd + 4);
		if (end < 0) return null;
		const headers = raw.subarray(pos + 2, headerEnd).toString('utf8').split(CRLF);
		const disposition = headers.find((h) => /^content-disposition:/i.test(h)) ?? '';
		const type = headers.find((h) => /^content-type:/i.test(h))?.replace(/^content-type:\s*/i, '').trim();
		const params = dispositionParams(disposition);
		const content = raw.subarray(headerEnd + 4, end);
		if (params.name !== undefined) {
			if (params.filename !== undefined) {
				form.files.push({
					field: params.name,
					filename: params.filename,
					contentType: type || 'application/octet-stream',
					data: content,
				});
			} else {
				form.fields[params.name] = content.toString('utf8');
			}
		}
		pos = end + next.length;
	}
}

/** What the request log and the idempotency fingerprint keep of a form: fields and file digests, not bytes. */
export function describeForm(form: MultipartForm): Record<string, unknown> {
	return {
		fields: { ...form.fields },
		files: form.files.map((f) => ({
			field: f.field,
			filename: f.filename,
			content_type: f.contentType,
			size_bytes: f.data.length,
			sha256: createHash('sha256').update(f.data).digest('hex'),
		})),
	};
}
