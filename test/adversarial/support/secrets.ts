/** What a secret looks like when nobody told us its value. */
const SHAPES: Array<[string, RegExp]> = [
	['a TokPortal API key (sk_ + 64 hex)', /sk_[0-9a-f]{64}/i],
	['a TokPortal API key (tok_live_/tok_test_)', /tok_(?:live|test)_[A-Za-z0-9]{16,}/],
	['a webhook signing secret (whsec_)', /whsec_[0-9a-f]{16,}/i],
];

/** A 16-character piece of a long secret is as good as the secret: nothing random that long repeats by chance. */
const FRAGMENT = 16;

export interface KnownSecret {
	/** e.g. "the credential's API key". */
	what: string;
	value: string;
}

export interface Leak {
	what: string;
	/** outputs, error, run data or logs. */
	where: string;
	excerpt: string;
}

/** The forms a secret travels in: as is, URL-encoded, base64 (alone or as Basic auth), and long fragments. */
function formsOf(secret: KnownSecret, basicAuthUsers: string[]): Array<[string, string]> {
	const forms: Array<[string, string]> = [
		[secret.what, secret.value],
		[`${secret.what} (URL-encoded)`, encodeURIComponent(secret.value)],
		[`${secret.what} (base64)`, Buffer.from(secret.value).toString('base64')],
		...basicAuthUsers.map((user): [string, string] => [
			`${secret.what} (Basic auth)`,
			Buffer.from(`${user}:${secret.value}`).toString('base64'),
		]),
	];
	if (secret.value.length > FRAGMENT + 4) {
		for (let start = 0; start + FRAGMENT <= secret.value.length; start++) {
			forms.push([`a fragment of ${secret.what}`, secret.value.slice(start, start + FRAGMENT)]);
		}
	}
	return forms;
}

function excerpt(text: string, index: number, length: number): string {
	return text.slice(Math.max(0, index - 40), index + length + 40).replace(/\s+/g, ' ');
}

/**
 * Every leak in each place: a known secret in any of its forms, or anything shaped like a secret.
 * One leak per (secret, place), so a key repeated ten times in a log counts once there.
 */
export function findLeaks(
	places: Record<string, string>,
	secrets: KnownSecret[],
	options: { basicAuthUsers?: string[] } = {},
): Leak[] {
	const leaks: Leak[] = [];
	for (const [where, text] of Object.entries(places)) {
		const seen = new Set<string>();
		const report = (what: string, index: number, length: number) => {
			if (seen.has(what)) return;
			seen.add(what);
			leaks.push({ what, where, excerpt: excerpt(text, index, length) });
		};
		for (const secret of secrets) {
			for (const [what, form] of formsOf(secret, options.basicAuthUsers ?? [])) {
				if (form.length < 6) continue;
				const index = text.indexOf(form);
				if (index >= 0) {
					report(what, index, form.length);
					break;
				}
			}
		}
		for (const [what, shape] of SHAPES) {
			const match = shape.exec(text);
			if (match) report(what, match.index, match[0].length);
		}
	}
	return leaks;
}

/**
 * Every string reachable from a value — including an Error's message, stack, description, context
 * and cause, which JSON.stringify would skip — so nothing n8n could show or save is left unsearched.
 */
export function allText(value: unknown): string {
	const parts: string[] = [];
	const seen = new WeakSet<object>();
	const visit = (node: unknown, depth: number) => {
		if (depth > 40 || node === null || node === undefined) return;
		if (typeof node === 'string') parts.push(node);
		else if (typeof node === 'number' || typeof node === 'boolean' || typeof node === 'bigint') parts.push(String(node));
		else if (Buffer.isBuffer(node)) parts.push(node.toString('utf8'));
		else if (typeof node === 'object') {
			if (seen.has(node)) return;
			seen.add(node);
			if (node instanceof Error) {
				parts.push(node.message, node.stack ?? '');
				visit((node as { cause?: unknown }).cause, depth + 1);
			}
			for (const key of Object.getOwnPropertyNames(node)) {
				parts.push(key);
				let child: unknown;
				try {
					child = (node as Record<string, unknown>)[key];
				} catch {
					continue;
				}
				if (typeof child !== 'function') visit(child, depth + 1);
			}
		}
	};
	visit(value, 0);
	return parts.join('\n');
}

/** JSON the way n8n saves an execution (circular references cut, as flatted would keep them once). */
export function savedJson(value: unknown): string {
	const seen = new WeakSet<object>();
	return JSON.stringify(value, (_key, child: unknown) => {
		if (child !== null && typeof child === 'object') {
			if (seen.has(child)) return '[Circular]';
			seen.add(child);
		}
		return child;
	});
}
