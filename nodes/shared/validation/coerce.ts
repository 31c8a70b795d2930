import { redactText } from '../secrets';

/**
 * Strict conversions of one parameter value, as n8n hands it over (typed in the panel or produced by
 * an expression: a sheet cell, a JSON field…). Each returns the value or what is wrong with it, as a
 * phrase that follows the field's quoted name: `"Videos Quantity" must be a whole number …`.
 * Nothing is guessed: "0x10", "1e2", true or [3] are not the number 16, 100, 1 or 3.
 */
export type Coerced<T> = { value: T; problem?: undefined } | { value?: undefined; problem: string };

const ok = <T>(value: T): Coerced<T> => ({ value });
const fail = <T>(problem: string): Coerced<T> => ({ problem });

/** How a refused value is quoted back: short, and never a secret. */
export function shown(raw: unknown): string {
	let text: string;
	if (typeof raw === 'string') text = JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);
	else if (Array.isArray(raw)) text = 'a list';
	else if (raw !== null && typeof raw === 'object') text = 'an object';
	else text = String(raw);
	return redactText(text);
}

/** Characters as people count them: an emoji or "é" is one, not two UTF-16 units. */
export function characterCount(text: string): number {
	return [...text].length;
}

export function isBlank(raw: unknown): boolean {
	return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}

export interface TextRules {
	minLength?: number;
	maxLength?: number;
	pattern?: RegExp;
	/** What the pattern allows, in words: `may only contain letters, digits, "_" and "."`. */
	patternRule?: string;
	/** Keep leading/trailing spaces (default: trimmed — sheet cells often carry them). */
	keepSpaces?: boolean;
	/** Normalises the text before the rules apply (e.g. lower-case platform names). */
	transform?: (text: string) => string;
}

/** Text; numbers (a sheet's numeric cell) become their decimal text, other types are refused. */
export function toText(raw: unknown, rules: TextRules = {}): Coerced<string> {
	let text: string;
	if (typeof raw === 'string') text = rules.keepSpaces ? raw : raw.trim();
	else if (typeof raw === 'number' && Number.isFinite(raw)) text = String(raw);
	else return fail(`must be text (got ${shown(raw)})`);
	if (rules.transform) text = rules.transform(text);
	const length = characterCount(text);
	if (rules.minLength !== undefined && length < rules.minLength) {
		return fail(
			rules.maxLength !== undefined
				? `must be ${rules.minLength}–${rules.maxLength} characters long (it has ${length})`
				: `must be at least ${rules.minLength} characters long (it has ${length})`,
		);
	}
	if (rules.maxLength !== undefined && length > rules.maxLength) {
		return fail(`must be at most ${rules.maxLength} characters long (it has ${length})`);
	}
	if (rules.pattern && !rules.pattern.test(text)) {
		return fail(`${rules.patternRule ?? 'has an invalid format'} (got ${shown(text)})`);
	}
	return ok(text);
}

export interface NumberRules {
	min?: number;
	max?: number;
}

function range(rules: NumberRules): string {
	if (rules.min !== undefined && rules.max !== undefined) return ` from ${rules.min} to ${rules.max}`;
	if (rules.min !== undefined) return ` of ${rules.min} or more`;
	if (rules.max !== undefined) return ` of at most ${rules.max}`;
	return '';
}

function inRange(value: number, rules: NumberRules): boolean {
	return (rules.min === undefined || value >= rules.min) && (rules.max === undefined || value <= rules.max);
}

/** A whole number: a JavaScript integer or decimal digits (optionally signed), within the range. */
export function toInteger(raw: unknown, rules: NumberRules = {}): Coerced<number> {
	let value: number | undefined;
	if (typeof raw === 'number' && Number.isInteger(raw)) value = raw;
	else if (typeof raw === 'string' && /^\s*-?\d{1,15}\s*$/.test(raw)) value = Number(raw.trim());
	if (value === undefined || !inRange(value, rules)) {
		return fail(`must be a whole number${range(rules)} (got ${shown(raw)})`);
	}
	return ok(value);
}

/** A decimal number (e.g. seconds): a finite JavaScript number or plain decimal text, within the range. */
export function toDecimal(raw: unknown, rules: NumberRules = {}): Coerced<number> {
	let value: number | undefined;
	if (typeof raw === 'number' && Number.isFinite(raw)) value = raw;
	else if (typeof raw === 'string' && /^\s*-?\d{1,15}(\.\d{1,6})?\s*$/.test(raw)) value = Number(raw.trim());
	if (value === undefined || !inRange(value, rules)) {
		return fail(`must be a number${range(rules)} (got ${shown(raw)})`);
	}
	return ok(value);
}

/** true/false, or the text "true"/"false" (any case) that sheets and JSON strings carry. Nothing else. */
export function toBoolean(raw: unknown): Coerced<boolean> {
	if (typeof raw === 'boolean') return ok(raw);
	if (typeof raw === 'string') {
		const text = raw.trim().toLowerCase();
		if (text === 'true') return ok(true);
		if (text === 'false') return ok(false);
	}
	return fail(`must be true or false (got ${shown(raw)})`);
}

/** One of the listed values, exactly. */
export function toOption<T extends string>(raw: unknown, values: readonly T[]): Coerced<T> {
	if (typeof raw === 'string' && (values as readonly string[]).includes(raw)) return ok(raw as T);
	return fail(`must be one of ${values.join(', ')} (got ${shown(raw)})`);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar date as YYYY-MM-DD. Also takes the start of an ISO date-time ("2026-12-01T09:00:00")
 * and date objects from expressions ($now, $today: Luxon; JavaScript Date), read as UTC dates.
 */
export function toDate(raw: unknown): Coerced<string> {
	let text: string | undefined;
	if (typeof raw === 'string') text = raw.trim().slice(0, 10);
	else if (raw instanceof Date && !Number.isNaN(raw.getTime())) text = raw.toISOString().slice(0, 10);
	else if (raw !== null && typeof raw === 'object' && typeof (raw as { toUTC?: unknown }).toUTC === 'function') {
		text = String((raw as { toUTC(): { toISODate(): string } }).toUTC().toISODate());
	}
	const match = text === undefined ? null : DATE.exec(text);
	if (match) {
		const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
		if (date.toISOString().slice(0, 10) === text) return ok(text);
	}
	return fail(`must be a date written YYYY-MM-DD, e.g. 2026-12-31 (got ${shown(raw)})`);
}

/** A web address with one of the allowed protocols. */
export function toUrl(raw: unknown, protocols: readonly string[] = ['https:', 'http:']): Coerced<string> {
	const text = toText(raw);
	if (text.problem !== undefined) return text;
	let url: URL;
	try {
		url = new URL(text.value);
	} catch {
		return fail(`must be a full web address starting with https:// (got ${shown(text.value)})`);
	}
	if (!protocols.includes(url.protocol)) {
		return fail(`must start with ${protocols.map((protocol) => `${protocol}//`).join(' or ')} (got ${shown(text.value)})`);
	}
	return ok(text.value);
}

/** A TokPortal upload's `storage_path`, e.g. `profile-pictures/abc123.jpg`. */
const STORAGE_PATH = /^[a-z0-9-]+\/\S+$/;

/** Media TokPortal can fetch: a web address, or the `storage_path` an Upload operation returned. */
export function toMediaReference(raw: unknown): Coerced<string> {
	const text = toText(raw);
	if (text.problem !== undefined) return text;
	if (STORAGE_PATH.test(text.value)) return ok(text.value);
	const url = toUrl(text.value);
	return url.problem === undefined
		? url
		: fail(`must be a web address starting with https:// or the storage_path of an upload (got ${shown(text.value)})`);
}

/**
 * An ID that becomes one URL path segment. "." and ".." would make the URL point elsewhere, and
 * control characters never belong in an ID.
 */
export function toIdentifier(raw: unknown): Coerced<string> {
	const text = toText(raw, { maxLength: 200 });
	if (text.problem !== undefined) return text;
	const control = [...text.value].some((character) => character.charCodeAt(0) < 32 || character.charCodeAt(0) === 127);
	if (text.value === '.' || text.value === '..' || control) {
		return fail(`is not a valid ID (got ${shown(text.value)})`);
	}
	return ok(text.value);
}

/** A list from a multi-select or an expression: an array, or comma-separated text. */
export function toList(raw: unknown): Coerced<unknown[]> {
	if (Array.isArray(raw)) return ok(raw);
	if (typeof raw === 'string') {
		return ok(
			raw
				.split(',')
				.map((entry) => entry.trim())
				.filter((entry) => entry !== ''),
		);
	}
	return fail(`must be a list (got ${shown(raw)})`);
}
