/**
 * Scrubbing of secrets from everything the package writes: error messages, descriptions, error
 * context, Continue On Fail items and log lines. Gateways and proxies echo refused requests (with
 * their X-API-Key header) into error bodies, so any text that came from the network, or that quotes
 * a user-entered URL, passes through here before it leaves the node.
 */

export const REDACTED = '[redacted]';

/** Shapes of TokPortal secrets, whatever credential they belong to. */
const SECRET_SHAPES: RegExp[] = [
	// API keys: sk_ + 64 hex today; older documents show tok_live_… / tok_test_….
	/\bsk_[A-Za-z0-9]{16,}/g,
	/\btok_(?:live|test)_[A-Za-z0-9_-]{6,}/g,
	// Webhook signing secrets.
	/\bwhsec_[A-Za-z0-9+/=_-]{6,}/g,
];

/**
 * Values of fields that hold secrets, however they are quoted: JSON (`"password":"…"`), headers
 * (`X-API-Key: …`), query strings and form bodies (`api_key=…`).
 */
const SECRET_FIELD =
	'x-api-key|api[_-]?key|apikey|authorization|password|passwd|signing[_-]?secret|secret|token|verification[_-]?code|tokmail[_-]?password';
const QUOTED_FIELD = new RegExp(`((?:"|')(?:${SECRET_FIELD})(?:"|')\\s*:\\s*)("(?:[^"\\\\]|\\\\.)*"|'[^']*'|[^,}\\s]+)`, 'gi');
const HEADER_OR_QUERY_FIELD = new RegExp(`(\\b(?:${SECRET_FIELD})\\b\\s*[:=]\\s*)(?:Bearer\\s+)?([^\\s&,;"'<>]+)`, 'gi');
/** User info in URLs: https://user:secret@host. */
const URL_USER_INFO = /(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s@]*@/gi;

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Known secrets (the credential's key…) plus the forms they take once encoded in a URL or header. */
function variants(secret: string): string[] {
	const forms = new Set([secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')]);
	return [...forms].filter((form) => form.length >= 4);
}

/** `text` with every known secret and every secret-shaped value replaced by [redacted]. */
export function redactText(text: string, known: readonly string[] = []): string {
	let result = text;
	for (const secret of known) {
		if (!secret || secret.length < 4) continue;
		for (const form of variants(secret)) {
			result = result.replace(new RegExp(escapeRegExp(form), 'g'), REDACTED);
		}
	}
	for (const shape of SECRET_SHAPES) result = result.replace(shape, REDACTED);
	result = result.replace(URL_USER_INFO, `$1${REDACTED}@`);
	result = result.replace(QUOTED_FIELD, (_match, prefix: string) => `${prefix}"${REDACTED}"`);
	result = result.replace(HEADER_OR_QUERY_FIELD, (_match, prefix: string) => `${prefix}${REDACTED}`);
	return result;
}

/** A JSON-like value with every string redacted and every secret-named field blanked, deeply. */
export function redactValue<T>(value: T, known: readonly string[] = [], depth = 0): T {
	if (typeof value === 'string') return redactText(value, known) as T;
	if (value === null || typeof value !== 'object' || depth > 20) return value;
	if (Array.isArray(value)) return value.map((entry) => redactValue(entry, known, depth + 1)) as T;
	const fieldPattern = new RegExp(`^(?:${SECRET_FIELD})$`, 'i');
	const result: Record<string, unknown> = {};
	for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
		result[key] =
			fieldPattern.test(key) && entry !== null && typeof entry !== 'object'
				? REDACTED
				: redactValue(entry, known, depth + 1);
	}
	return result as T;
}
