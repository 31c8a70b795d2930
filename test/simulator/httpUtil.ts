// Low-level request/response helpers shared by the API and the /_sim/ control server.
import type { IncomingMessage, ServerResponse } from 'node:http';

const MAX_BODY_BYTES = 1024 * 1024;

export interface ParsedBody {
	/** false = a body was sent but is not JSON. */
	ok: boolean;
	value: unknown;
}

export async function readJsonBody(req: IncomingMessage): Promise<ParsedBody> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		size += (chunk as Buffer).length;
		if (size > MAX_BODY_BYTES) return { ok: false, value: undefined };
		chunks.push(chunk as Buffer);
	}
	const text = Buffer.concat(chunks).toString('utf8');
	if (text.trim() === '') return { ok: true, value: undefined };
	try {
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch {
		return { ok: false, value: undefined };
	}
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

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
