// Small body/query validators that throw the generic VALIDATION_ERROR (field in details).
import { validationError } from './errors';

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function objectBody(body: unknown): Json {
	if (!isObject(body)) throw validationError('body', 'A JSON object body is required.');
	return body;
}

/** undefined = absent; null only when `nullable` (PATCH clears). */
export function optString(o: Json, field: string, max: number, nullable = false): string | null | undefined {
	const v = o[field];
	if (v === undefined) return undefined;
	if (v === null && nullable) return null;
	if (typeof v !== 'string') throw validationError(field, `${field} must be a string.`);
	if (v.length > max) throw validationError(field, `${field} must be at most ${max} characters.`);
	return v;
}

export function optBool(o: Json, field: string): boolean | undefined {
	const v = o[field];
	if (v === undefined) return undefined;
	if (typeof v !== 'boolean') throw validationError(field, `${field} must be a boolean.`);
	return v;
}

export function optInt(o: Json, field: string, min: number, max: number): number | undefined {
	const v = o[field];
	if (v === undefined) return undefined;
	if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
		throw validationError(field, `${field} must be an integer between ${min} and ${max}.`);
	}
	return v;
}

export function isHttpUrl(value: string): boolean {
	try {
		const u = new URL(value);
		return u.protocol === 'https:' || u.protocol === 'http:';
	} catch {
		return false;
	}
}

/** Upload `storage_path` values (e.g. `carousel-images/org_x/b/p.jpg`) are accepted where a URL is (notes §8.1). */
export function isStoragePath(value: string): boolean {
	return /^[a-z0-9-]+\/[^\s]+$/.test(value);
}

/** Query values as a list, so repeated keys (`platform=a&platform=b`) work like one. */
export function queryValues(query: Record<string, string | string[]>, name: string): string[] {
	const v = query[name];
	if (v === undefined) return [];
	return Array.isArray(v) ? v : [v];
}

export function queryEnum(
	query: Record<string, string | string[]>,
	name: string,
	allowed: readonly string[],
): string[] {
	const values = queryValues(query, name);
	for (const v of values) {
		if (!allowed.includes(v)) throw validationError(name, `${name} must be one of: ${allowed.join(', ')}.`);
	}
	return values;
}
