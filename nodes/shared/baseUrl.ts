import { DEFAULT_BASE_URL } from './constants';
import { redactText } from './secrets';

export type BaseUrlCheck = { ok: true; baseUrl: string } | { ok: false; problem: string };

/**
 * The credential's Base URL, normalised, or why it cannot be used. A URL that carries a user name,
 * a password, a query or anything shaped like a key is refused: whatever is in the Base URL ends up
 * in error messages and logs, so a key pasted there would leak. Problems never quote the URL as
 * typed, only its redacted form.
 */
export function checkBaseUrl(raw: unknown, apiKey?: string): BaseUrlCheck {
	const text = typeof raw === 'string' ? raw.trim() : '';
	if (text === '') return { ok: true, baseUrl: DEFAULT_BASE_URL };
	const shown = redactText(text, apiKey ? [apiKey] : []);
	const fix = `Use ${DEFAULT_BASE_URL}, or your simulator's address ending in /api/ext. The API key belongs in the API Key field only.`;
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return { ok: false, problem: `The Base URL "${shown}" is not a valid web address. ${fix}` };
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		return { ok: false, problem: `The Base URL must start with https:// (got "${shown}"). ${fix}` };
	}
	if (url.username !== '' || url.password !== '') {
		return {
			ok: false,
			problem: `The Base URL contains a user name or password before the host ("${redactText(text, [url.username, url.password, apiKey ?? ''])}"), and TokPortal authenticates with the API key only. ${fix}`,
		};
	}
	if (url.search !== '' || url.hash !== '') {
		return { ok: false, problem: `The Base URL must not contain "?" or "#" parts (got "${shown}"). ${fix}` };
	}
	if (shown !== text || /\s/.test(text)) {
		return { ok: false, problem: `The Base URL contains an API key or a space (got "${shown}"). ${fix}` };
	}
	return { ok: true, baseUrl: text.replace(/\/+$/, '') };
}
