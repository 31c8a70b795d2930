import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CLIENT_HEADER_VALUE, PACKAGE_VERSION } from '../../nodes/shared/constants';
import { messageForCode, normalizeCode, parseErrorBody } from '../../nodes/shared/transport/errors';
import { isMutation, pinFirstRequest, returnsSecret } from '../../nodes/shared/transport/idempotency';
import { apiPath } from '../../nodes/shared/transport/path';
import type { RetryPolicy } from '../../nodes/shared/transport/retry';
import {
	DEFAULT_RETRY_POLICY as PRODUCTION_POLICY,
	isRetryableStatus,
	parseRetryAfterMs,
	retryDelayMs,
} from '../../nodes/shared/transport/retry';

describe('client header', () => {
	it('carries the version published in package.json', () => {
		const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string };
		expect(PACKAGE_VERSION).toBe(pkg.version);
		expect(CLIENT_HEADER_VALUE).toBe(`n8n-nodes-tokportal/${pkg.version}`);
	});
});

describe('apiPath', () => {
	it('encodes every id as one path segment', () => {
		expect(apiPath`/bundles/${'a b/c'}/publish`).toBe('/bundles/a%20b%2Fc/publish');
	});
	it('refuses ids that would escape their segment', () => {
		expect(() => apiPath`/bundles/${'..'}`).toThrow();
		expect(() => apiPath`/bundles/${''}`).toThrow();
	});
});

describe('idempotency policy', () => {
	it('knows the six secret-returning calls and nothing else', () => {
		expect(returnsSecret('POST', '/accounts/abc/reveal-credentials')).toBe(true);
		expect(returnsSecret('POST', '/accounts/abc/verification-code')).toBe(true);
		expect(returnsSecret('POST', '/webhooks')).toBe(true);
		expect(returnsSecret('POST', '/upload/video')).toBe(true);
		expect(returnsSecret('POST', '/upload/image')).toBe(true);
		expect(returnsSecret('POST', '/analytics/export/reports')).toBe(true);
		expect(returnsSecret('POST', '/bundles')).toBe(false);
		expect(returnsSecret('POST', '/webhooks/abc/test')).toBe(false);
		expect(returnsSecret('DELETE', '/webhooks')).toBe(false);
		expect(isMutation('GET')).toBe(false);
		expect(isMutation('PATCH')).toBe(true);
	});

	it('sends a later try of a call exactly as it was first sent, for an hour', () => {
		const first = { path: '/bundles', body: { title: 'Order 1' } };
		expect(pinFirstRequest('key-a', first, 0)).toBe(first);
		expect(pinFirstRequest('key-a', { path: '/bundles', body: { title: 'Order 2' } }, 59 * 60_000)).toBe(first);
		const later = { path: '/bundles', body: { title: 'Order 3' } };
		expect(pinFirstRequest('key-a', later, 61 * 60_000)).toBe(later);
		expect(pinFirstRequest('key-b', { path: '/x' }, 0)).toEqual({ path: '/x' });
	});
});

describe('retry policy', () => {
	const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 };

	it('defaults to 5 attempts, 0.5 s doubling up to 8 s, Retry-After capped at 60 s', () => {
		expect(PRODUCTION_POLICY).toEqual(DEFAULT_RETRY_POLICY);
	});

	it('retries 408, 429 and 5xx only', () => {
		expect([408, 429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
		expect([400, 401, 402, 403, 404, 409, 422, 428].some(isRetryableStatus)).toBe(false);
	});

	it('reads Retry-After as seconds or as an HTTP date', () => {
		expect(parseRetryAfterMs('2')).toBe(2000);
		expect(parseRetryAfterMs(['1'])).toBe(1000);
		expect(parseRetryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
		expect(parseRetryAfterMs('soon')).toBeUndefined();
		expect(parseRetryAfterMs(undefined)).toBeUndefined();
	});

	it('honours Retry-After up to the cap, otherwise backs off exponentially within bounds', () => {
		expect(retryDelayMs(1, 3000, DEFAULT_RETRY_POLICY)).toBe(3000);
		expect(retryDelayMs(1, 3_600_000, DEFAULT_RETRY_POLICY)).toBe(DEFAULT_RETRY_POLICY.maxRetryAfterMs);
		const first = retryDelayMs(1, undefined, DEFAULT_RETRY_POLICY);
		const fourth = retryDelayMs(4, undefined, DEFAULT_RETRY_POLICY);
		expect(first).toBeGreaterThanOrEqual(400);
		expect(first).toBeLessThanOrEqual(600);
		expect(fourth).toBeGreaterThanOrEqual(3200);
		expect(retryDelayMs(30, undefined, DEFAULT_RETRY_POLICY)).toBeLessThanOrEqual(DEFAULT_RETRY_POLICY.maxDelayMs * 1.2);
	});
});

describe('error codes', () => {
	it('matches codes case-insensitively', () => {
		expect(normalizeCode('invalid_status')).toBe('INVALID_STATUS');
		expect(messageForCode('bundle_not_found', 404)).toBe(messageForCode('BUNDLE_NOT_FOUND', 404));
		expect(messageForCode('BUNDLE_NOT_FOUND', 404)).toMatch(/Check the Bundle ID/);
	});

	it('falls back on the HTTP status for unknown codes', () => {
		expect(messageForCode('SOMETHING_NEW', 409)).toMatch(/state does not allow/);
		expect(messageForCode(undefined, 503)).toMatch(/after retrying/);
	});

	it('reads the documented envelope and ignores anything else', () => {
		expect(parseErrorBody({ error: { code: 'X', message: 'm' } })).toEqual({ code: 'X', message: 'm' });
		expect(parseErrorBody('<html>')).toEqual({});
		expect(parseErrorBody(null)).toEqual({});
	});
});
