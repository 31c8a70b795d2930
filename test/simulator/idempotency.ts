// Idempotency-Key replay ledger (notes §4, simulator defaults): scope = (API key, key),
// fingerprint = method + path + query + canonical body, 24 h retention.
import { createHash } from 'node:crypto';

const RETENTION_MS = 24 * 60 * 60 * 1000;

type Entry =
	| { state: 'pending'; fingerprint: string }
	| {
			state: 'done';
			fingerprint: string;
			status: number;
			body: unknown;
			headers: Record<string, string>;
			storedAt: number;
	  };

export type LedgerOutcome =
	| { kind: 'replay'; status: number; body: unknown; headers: Record<string, string> }
	| { kind: 'reused' }
	| { kind: 'in_progress' }
	| { kind: 'claimed'; finish(status: number, body: unknown, headers?: Record<string, string>): void };

function sha256(text: string): string {
	return createHash('sha256').update(text).digest('hex');
}

/** JSON with sorted keys, so key order or whitespace never makes two equal bodies differ. */
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value && typeof value === 'object') {
		const o = value as Record<string, unknown>;
		return `{${Object.keys(o)
			.sort()
			.map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
			.join(',')}}`;
	}
	return JSON.stringify(value) ?? 'undefined';
}

export function requestFingerprint(method: string, path: string, query: unknown, body: unknown): string {
	return sha256(`${method}\n${path}\n${canonical(query)}\n${canonical(body)}`);
}

export class IdempotencyLedger {
	private readonly entries = new Map<string, Entry>();

	/** The raw API key is hashed: the ledger never holds keys. */
	begin(apiKey: string, key: string, fingerprint: string, now = Date.now()): LedgerOutcome {
		const scope = `${sha256(apiKey)}:${key}`;
		const entry = this.entries.get(scope);
		if (entry && !(entry.state === 'done' && now - entry.storedAt > RETENTION_MS)) {
			if (entry.fingerprint !== fingerprint) return { kind: 'reused' };
			if (entry.state === 'pending') return { kind: 'in_progress' };
			return { kind: 'replay', status: entry.status, body: structuredClone(entry.body), headers: { ...entry.headers } };
		}
		this.entries.set(scope, { state: 'pending', fingerprint });
		return {
			kind: 'claimed',
			// Only executed requests (2xx/4xx) are stored; a 5xx frees the key for a real retry.
			finish: (status, body, headers = {}) => {
				if (status >= 500) this.entries.delete(scope);
				else {
					this.entries.set(scope, {
						state: 'done',
						fingerprint,
						status,
						body: structuredClone(body),
						headers: { ...headers },
						storedAt: now,
					});
				}
			},
		};
	}
}
