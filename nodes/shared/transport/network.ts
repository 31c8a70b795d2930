/** A request that got no HTTP answer, and whether TokPortal may nevertheless have acted on it. */
export interface NetworkFailure {
	code?: string;
	/**
	 * True when the request may have reached TokPortal before the connection was lost (a timeout or a
	 * reset): TokPortal may have completed it. False when it was never delivered (refused, DNS, TLS).
	 */
	maybeDelivered: boolean;
}

/** Failures that happen before a single byte of the request reaches the server. */
const NEVER_DELIVERED = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ERR_INVALID_URL',
	'CERT_HAS_EXPIRED',
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** The network failure an HTTP helper error stands for, or undefined when TokPortal did answer. */
export function networkFailureOf(error: unknown): NetworkFailure | undefined {
	const candidates = [error, (error as { cause?: unknown })?.cause];
	for (const candidate of candidates) {
		if (candidate && typeof candidate === 'object') {
			const { code, isAxiosError, response } = candidate as {
				code?: unknown;
				isAxiosError?: boolean;
				response?: unknown;
			};
			if ((isAxiosError || typeof code === 'string') && !response) {
				const known = typeof code === 'string' ? code : undefined;
				return { code: known, maybeDelivered: known === undefined || !NEVER_DELIVERED.has(known) };
			}
		}
	}
	return undefined;
}
