import { createHmac, timingSafeEqual } from 'crypto';

export const SIGNATURE_HEADER = 'tokportal-signature';

export const DEFAULT_TOLERANCE_SECONDS = 300;

export interface ParsedSignature {
	timestamp: string;
	signatures: string[];
}

export type SignatureCheck = { valid: true } | { valid: false; reason: string };

/**
 * `t=<unix seconds>,v1=<hex>`: parts split on ",", each on its first "="; unknown keys are ignored and
 * every v1 is kept (a key rotation may send several). Undefined when `t` or `v1` is missing or malformed.
 */
export function parseSignatureHeader(header: string): ParsedSignature | undefined {
	let timestamp: string | undefined;
	const signatures: string[] = [];
	for (const part of header.split(',')) {
		const separator = part.indexOf('=');
		if (separator < 0) continue;
		const key = part.slice(0, separator).trim();
		const value = part.slice(separator + 1).trim();
		if (key === 't') timestamp = value;
		if (key === 'v1') signatures.push(value);
	}
	if (timestamp === undefined || !/^\d{1,12}$/.test(timestamp)) return undefined;
	const hex = signatures.filter((signature) => /^[0-9a-f]{64}$/i.test(signature));
	return hex.length ? { timestamp, signatures: hex } : undefined;
}

/** hex(HMAC-SHA256(key = secret as UTF-8, message = t + "." + raw body)). */
export function expectedSignature(secret: string, timestamp: string, rawBody: Buffer): Buffer {
	return createHmac('sha256', Buffer.from(secret, 'utf8'))
		.update(`${timestamp}.`)
		.update(rawBody)
		.digest();
}

export interface VerifyInput {
	header: string | undefined;
	rawBody: Buffer;
	secret: string | undefined;
	toleranceSeconds: number;
	nowSeconds: number;
}

/** Fails closed: anything missing, malformed, stale, from the future or not matching is invalid. */
export function verifySignature(input: VerifyInput): SignatureCheck {
	if (!input.secret) {
		return { valid: false, reason: 'no signing secret is stored for this webhook URL' };
	}
	if (!input.header) return { valid: false, reason: 'the TokPortal-Signature header is missing' };
	const parsed = parseSignatureHeader(input.header);
	if (!parsed) return { valid: false, reason: 'the TokPortal-Signature header is malformed' };
	if (Math.abs(input.nowSeconds - Number(parsed.timestamp)) > input.toleranceSeconds) {
		return { valid: false, reason: 'the signature timestamp is outside the allowed tolerance' };
	}
	const expected = expectedSignature(input.secret, parsed.timestamp, input.rawBody);
	const matches = parsed.signatures.some((signature) => {
		const actual = Buffer.from(signature, 'hex');
		return actual.length === expected.length && timingSafeEqual(actual, expected);
	});
	return matches ? { valid: true } : { valid: false, reason: 'the signature does not match' };
}
