// One-shot (or N-shot) fault injection for /api/ext requests, matched by method and path.

export type Fault =
	| { type: 'status'; status: number; retryAfterSeconds?: number; code?: string }
	| { type: 'dropAfterCommit' }
	| { type: 'dropBeforeCommit' }
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

/** The response a `status` fault produces: the TokPortal envelope, Retry-After where it applies. */
export function faultResponse(fault: Extract<Fault, { type: 'status' }>): {
	status: number;
	headers: Record<string, string>;
	body: unknown;
} {
	const retryAfter = fault.retryAfterSeconds ?? (fault.status === 429 ? 1 : undefined);
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
