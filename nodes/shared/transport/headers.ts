import { CLIENT_HEADER_VALUE, REQUEST_ID_HEADER } from '../constants';
import type { RateLimitState } from './types';

/** What every request says about itself (and its body's type, if any); the credential adds X-API-Key. */
export function clientHeaders(extra: Record<string, string> | undefined, contentType: string | undefined): Record<string, string> {
	const headers: Record<string, string> = {
		Accept: 'application/json',
		'X-TokPortal-Client': CLIENT_HEADER_VALUE,
		...extra,
	};
	if (contentType !== undefined) headers['Content-Type'] = contentType;
	return headers;
}

export function headerValue(headers: Record<string, unknown>, name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	if (Array.isArray(value)) return value.length ? String(value[0]) : undefined;
	return value === undefined || value === null ? undefined : String(value);
}

function numberHeader(headers: Record<string, unknown>, name: string): number | undefined {
	const value = headerValue(headers, name);
	return value !== undefined && value !== '' && !Number.isNaN(Number(value)) ? Number(value) : undefined;
}

export function requestIdOf(headers: Record<string, unknown>): string | undefined {
	return headerValue(headers, REQUEST_ID_HEADER);
}

export function rateLimitOf(headers: Record<string, unknown>): RateLimitState {
	return {
		limit: numberHeader(headers, 'x-ratelimit-limit'),
		remaining: numberHeader(headers, 'x-ratelimit-remaining'),
		resetAt: numberHeader(headers, 'x-ratelimit-reset'),
	};
}

/** TokPortal answered from its idempotency ledger. */
export function wasReplayed(headers: Record<string, unknown>): boolean {
	return headerValue(headers, 'idempotent-replayed') === 'true';
}
