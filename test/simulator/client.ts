// The one client tests use to call the simulator's public API as a TokPortal customer would (setup
// steps, direct reads to compare with what a node got). Nodes under test never use it: they send
// through n8n, which applies the credential's own authentication.
import type { Simulator } from './index';

export type ApiTarget = Pick<Simulator, 'baseUrl' | 'apiKey'>;

export interface Reply {
	status: number;
	headers: Headers;
	body: any; // parsed JSON under test
}

export interface CallOptions {
	body?: unknown;
	/** multipart/form-data instead of JSON (fetch sets the boundary). */
	form?: FormData;
	headers?: Record<string, string>;
	/** Override the API key; null sends none. */
	key?: string | null;
}

export type Call = (method: string, path: string, opts?: CallOptions) => Promise<Reply>;

/** Calls `target`'s API (`path` below its base URL) with its key in X-API-Key; JSON replies are parsed. */
export function client(target: ApiTarget): Call {
	return async function call(method, path, opts = {}) {
		const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
		const key = opts.key === undefined ? target.apiKey : opts.key;
		if (key !== null) headers['X-API-Key'] = key;
		if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
		const res = await fetch(`${target.baseUrl}${path}`, {
			method,
			headers,
			body: opts.form ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
		});
		const text = await res.text();
		const json = res.headers.get('content-type')?.startsWith('application/json') ?? false;
		// CSV and HTML exports stay text.
		return { status: res.status, headers: res.headers, body: text ? (json ? JSON.parse(text) : text) : undefined };
	};
}
