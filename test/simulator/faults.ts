// One-shot (or N-shot) fault injection for /api/ext requests, matched by method and path.
import type { ServerResponse } from 'node:http';

/** How an interrupted request ends for the client: socket closed, TCP reset, or no answer at all. */
export type Interruption = 'destroy' | 'reset' | 'hang';

/** What an echoing gateway answers: TokPortal's error envelope, a foreign JSON shape, an HTML page, plain text. */
export const ECHO_FORMATS = ['envelope', 'proxy', 'html', 'text'] as const;
export type EchoFormat = (typeof ECHO_FORMATS)[number];

export type Fault =
	| { type: 'status'; status: number; retryAfterSeconds?: number; code?: string }
	/**
	 * A gateway/proxy error that echoes the refused request (method, URL, every header including
	 * X-API-Key, body). With `afterCommit`, TokPortal processed the request first and the page also
	 * echoes TokPortal's answer (e.g. a revealed password).
	 */
	| { type: 'echo'; status: number; format?: EchoFormat; afterCommit?: boolean; retryAfterSeconds?: number; code?: string }
	| { type: 'dropAfterCommit' }
	| { type: 'dropBeforeCommit' }
	/** The request is read (and with `afterCommit` processed) but never answered: the client has to time out. */
	| { type: 'hang'; afterCommit?: boolean }
	/** The request is read (and with `afterCommit` processed), then the connection is reset (TCP RST). */
	| { type: 'reset'; afterCommit?: boolean }
	| { type: 'latency'; ms: number };

export interface FaultMatch {
	method?: string;
	/** Exact path without the /api/ext prefix and query, or a RegExp tested against it. */
	path?: string | RegExp;
}

export interface FaultControl {
	inject(match: FaultMatch, fault: Fault, times?: number): void;
	clear(): void;
}

interface Armed {
	match: FaultMatch;
	fault: Fault;
	remaining: number;
}

export class Faults implements FaultControl {
	private armed: Armed[] = [];

	inject(match: FaultMatch, fault: Fault, times = 1): void {
		this.armed.push({ match, fault, remaining: times });
	}

	clear(): void {
		this.armed = [];
	}

	/** Consumes one use of the first armed fault matching this request, in injection order. */
	take(method: string, path: string): Fault | undefined {
		const hit = this.armed.find((a) => matches(a.match, method, path));
		if (!hit) return undefined;
		hit.remaining -= 1;
		if (hit.remaining <= 0) this.armed = this.armed.filter((a) => a !== hit);
		return hit.fault;
	}

	pending(): Array<{ method?: string; path?: string; fault: Fault; remaining: number }> {
		return this.armed.map((a) => ({
			method: a.match.method,
			path: a.match.path instanceof RegExp ? String(a.match.path) : a.match.path,
			fault: a.fault,
			remaining: a.remaining,
		}));
	}
}

function matches(match: FaultMatch, method: string, path: string): boolean {
	if (match.method && match.method.toUpperCase() !== method) return false;
	if (match.path === undefined) return true;
	return match.path instanceof RegExp ? match.path.test(path) : match.path === path;
}

const DEFAULT_FAULT_CODES: Readonly<Record<number, string>> = {
	408: 'REQUEST_TIMEOUT',
	429: 'RATE_LIMIT_EXCEEDED',
	500: 'INTERNAL_ERROR',
	502: 'BAD_GATEWAY',
	503: 'SERVICE_UNAVAILABLE',
	504: 'GATEWAY_TIMEOUT',
};

/** A fault's answer: JSON (`body`) or, for pages a gateway writes itself, raw `text`. */
export interface FaultAnswer {
	status: number;
	headers: Record<string, string>;
	body?: unknown;
	text?: string;
}

/** Whether TokPortal processes (and commits) the request before the fault acts on the answer. */
export function processesFirst(fault: Fault): boolean {
	switch (fault.type) {
		case 'status':
		case 'dropBeforeCommit':
			return false;
		case 'echo':
		case 'hang':
		case 'reset':
			return fault.afterCommit === true;
		default:
			return true;
	}
}

/** How the connection ends instead of an answer, for the faults that interrupt it. */
export function interruption(fault: Fault): Interruption | undefined {
	switch (fault.type) {
		case 'dropAfterCommit':
		case 'dropBeforeCommit':
			return 'destroy';
		case 'hang':
			return 'hang';
		case 'reset':
			return 'reset';
		default:
			return undefined;
	}
}

/** Ends the connection without an answer; a hang lasts until the client gives up (or the simulator closes). */
export async function interrupt(res: ServerResponse, how: Interruption): Promise<void> {
	if (how === 'destroy') res.socket?.destroy();
	else if (how === 'reset') res.socket?.resetAndDestroy();
	else if (!res.socket?.destroyed) await new Promise<void>((resolve) => res.once('close', () => resolve()));
}

function retryAfterOf(status: number, retryAfterSeconds: number | undefined): number | undefined {
	return retryAfterSeconds ?? (status === 429 ? 1 : undefined);
}

/** The response a `status` fault produces: the TokPortal envelope, Retry-After where it applies. */
export function faultResponse(fault: Extract<Fault, { type: 'status' }>): FaultAnswer {
	const retryAfter = retryAfterOf(fault.status, fault.retryAfterSeconds);
	const code = fault.code ?? DEFAULT_FAULT_CODES[fault.status] ?? 'SIMULATED_FAULT';
	return {
		status: fault.status,
		headers: retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) },
		body: {
			error: {
				code,
				message: fault.status === 429 ? 'Too many requests. Please slow down.' : 'Simulated fault.',
				...(retryAfter === undefined ? {} : { details: { retry_after_seconds: retryAfter } }),
			},
		},
	};
}

/** The request as an echoing gateway saw it: raw headers included. */
export interface EchoedRequest {
	method: string;
	/** As received: path with the /api/ext prefix and the query string. */
	url: string;
	headers: Record<string, string>;
	body: unknown;
}

/** TokPortal's answer, when it processed the request before the gateway failed. */
export interface UpstreamAnswer {
	status: number;
	body?: unknown;
}

function requestLines(request: EchoedRequest): string {
	const headers = Object.entries(request.headers).map(([name, value]) => `${name}: ${value}`);
	const body = request.body === undefined ? '' : `\n\n${JSON.stringify(request.body)}`;
	return `${request.method} ${request.url} HTTP/1.1\n${headers.join('\n')}${body}`;
}

/** The response an `echo` fault produces: a gateway error page that repeats everything it was sent. */
export function echoResponse(
	fault: Extract<Fault, { type: 'echo' }>,
	request: EchoedRequest,
	upstream?: UpstreamAnswer,
): FaultAnswer {
	const retryAfter = retryAfterOf(fault.status, fault.retryAfterSeconds);
	const headers: Record<string, string> = retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) };
	const code = fault.code ?? DEFAULT_FAULT_CODES[fault.status] ?? 'GATEWAY_ERROR';
	const upstreamText = upstream ? `\nUpstream answered ${upstream.status}: ${JSON.stringify(upstream.body)}` : '';
	const summary = `Gateway refused ${request.method} ${request.url} (headers: ${JSON.stringify(request.headers)})${upstreamText}`;
	const echoed = { request, ...(upstream && { upstream }) };
	switch (fault.format ?? 'envelope') {
		case 'envelope':
			return { status: fault.status, headers, body: { error: { code, message: summary, details: echoed } } };
		case 'proxy':
			return { status: fault.status, headers, body: { message: summary, statusCode: fault.status, ...echoed } };
		case 'text':
			return { status: fault.status, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }, text: `${summary}\n\n${requestLines(request)}` };
		case 'html':
			return {
				status: fault.status,
				headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' },
				text: `<!DOCTYPE html><html><head><title>${fault.status} Bad Gateway</title></head><body><h1>${fault.status} Bad Gateway</h1><p>The upstream server refused the request below.</p><pre>${requestLines(request)}${upstreamText}</pre><hr><address>gateway/1.24</address></body></html>`,
			};
	}
}
