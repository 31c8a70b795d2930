/**
 * TokPortal's account profile rules (PUT /bundles/{id}/account). Each function returns what is
 * wrong with a value, or undefined when it is fine, so the node can refuse before sending anything.
 */

/** Characters as people count them: an emoji or "é" is one, not two UTF-16 units. */
function length(value: string): number {
	return [...value].length;
}

export function usernameProblem(username: string): string | undefined {
	if (username.startsWith('@')) return 'must not start with "@" (enter the handle without it)';
	if (length(username) < 1 || length(username) > 24) {
		return `must be 1–24 characters long (it has ${length(username)})`;
	}
	const invalid = [...new Set(username.replace(/[a-zA-Z0-9_.]/g, ''))];
	if (invalid.length > 0) {
		return `may only contain letters a–z/A–Z, digits, "_" and "." (found ${invalid
			.map((character) => (character === ' ' ? 'a space' : `"${character}"`))
			.join(', ')})`;
	}
	return undefined;
}

export function visibleNameProblem(visibleName: string): string | undefined {
	if (length(visibleName) < 1 || length(visibleName) > 30) {
		return `must be 1–30 characters long (it has ${length(visibleName)})`;
	}
	return undefined;
}

export function biographyProblem(biography: string): string | undefined {
	if (length(biography) > 80) return `must be at most 80 characters long (it has ${length(biography)})`;
	return undefined;
}

export function urlProblem(url: string): string | undefined {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return `must be a full web address starting with https:// (got "${url}")`;
	}
	if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
		return `must start with https:// or http:// (got "${url}")`;
	}
	return undefined;
}

/** Link in Bio exists on Instagram only; other platforms reject it. */
export function linkInBioPlatformProblem(platform: string): string | undefined {
	if (platform.toLowerCase() === 'instagram') return undefined;
	return `is only available for Instagram accounts, and this bundle is for ${platform}: leave it empty`;
}
