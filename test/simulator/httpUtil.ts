// Low-level request/response helpers shared by the API, the storage and the /_sim/ control servers.
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The largest API request body. No TokPortal document states one; the API answers from Vercel (its
 * request ids fall back to `x-vercel-id`, notes §13), whose functions accept 4.5 MB request bodies.
 */
export const REQUEST_BODY_LIMIT = 4_500_000;

export interface RawBody {
	data: Buffer;
	/** The body exceeded the limit: it was read to the end but not kept. */
	tooLarge: boolean;
}

/** Reads the whole body; past `limit` it keeps draining (so a 413 can still be answered) without storing. */
export async function readBody(req: IncomingMessage, limit: number): Promise<RawBody> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		size += (chunk as Buffer).length;
		if (size <= limit) chunks.push(chunk as Buffer);
	}
	return size > limit ? { data: Buffer.alloc(0), tooLarge: true } : { data: Buffer.concat(chunks), tooLarge: false };
}

export interface ParsedBody {
	/** false = a body was sent but is not JSON (or not the expected multipart form). */
	ok: boolean;
	value: unknown;
	tooLarge?: boolean;
}

export function parseJson(raw: RawBody): ParsedBody {
	if (raw.tooLarge) return { ok: false, value: undefined, tooLarge: true };
	const text = raw.data.toString('utf8');
	if (text.trim() === '') return { ok: true, value: undefined };
	try {
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch {
		return { ok: false, value: undefined };
	}
}

export async function readJsonBody(req: IncomingMessage): Promise<ParsedBody> {
	return parseJson(await readBody(req, REQUEST_BODY_LIMIT));
}

export function parseQuery(url: URL): Record<string, string | string[]> {
	const query: Record<string, string | string[]> = {};
	for (const key of new Set(url.searchParams.keys())) {
		const all = url.searchParams.getAll(key);
		query[key] = all.length === 1 ? all[0] : all;
	}
	return query;
}

export function headerValue(req: IncomingMessage, name: string): string | undefined {
	const v = req.headers[name];
	return Array.isArray(v) ? v[0] : v;
}

export function lowerCaseHeaders(req: IncomingMessage): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of Object.entries(req.headers)) {
		if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
	}
	return out;
}

/** A string body with its own `Content-Type` header (CSV, HTML) is sent as is; anything else as JSON. */
export function sendJson(res: ServerResponse, status: number, headers: Record<string, string>, body: unknown): void {
	const raw = typeof body === 'string' && headers['Content-Type'] !== undefined;
	const text = body === undefined ? '' : raw ? body : JSON.stringify(body);
	res.writeHead(status, {
		'Content-Type': 'application/json',
		'Content-Length': String(Buffer.byteLength(text)),
		...headers,
	});
	res.end(text);
}

/** A body that is not JSON (e.g. a gateway's HTML page); the caller sets Content-Type. */
export function sendText(res: ServerResponse, status: number, headers: Record<string, string>, text: string): void {
	res.writeHead(status, { 'Content-Length': String(Buffer.byteLength(text)), ...headers });
	res.end(text);
}

export function sendBytes(res: ServerResponse, contentType: string, data: Buffer, headers: Record<string, string> = {}): void {
	res.writeHead(200, { 'Content-Type': contentType, 'Content-Length': String(data.length), ...headers });
	res.end(data);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
