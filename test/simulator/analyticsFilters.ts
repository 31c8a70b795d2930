// Query filters shared by the analytics endpoints: platform, country and account (repeatable),
// workspace, and a from/to range (dates or ISO timestamps; a date-only `to` includes that whole day).
import { countryCode, READABLE_PLATFORMS } from './catalog';
import { validationError } from './errors';
import type { RouteContext } from './router';
import type { DeliveredAccount } from './types';
import { queryEnum, queryValues } from './validate';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})$/;

/** One workspace per simulated user. */
export function workspaceOf(userId: string): string {
	return `ws_${userId}`;
}

/** The calendar date exists (Date.parse would roll 2026-02-30 over to March). */
function realDate(value: string): boolean {
	const [y, m, d] = value.slice(0, 10).split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10) === value.slice(0, 10);
}

/** ms since epoch, or null when absent. `endOfDay` makes a date-only value include the whole day. */
export function parseInstant(value: unknown, field: string, endOfDay = false): number | null {
	if (value === undefined || value === null || value === '') return null;
	const wellFormed = typeof value === 'string' && (DATE.test(value) || TIMESTAMP.test(value));
	if (!wellFormed || Number.isNaN(Date.parse(value)) || !realDate(value)) {
		throw validationError(field, `${field} must be a date (YYYY-MM-DD) or an ISO 8601 timestamp.`);
	}
	const ms = Date.parse(DATE.test(value) ? `${value}T00:00:00.000Z` : value);
	return endOfDay && DATE.test(value) ? ms + 86_400_000 - 1 : ms;
}

export function queryInstant(ctx: RouteContext, name: string, endOfDay = false): number | null {
	const values = queryValues(ctx.query, name);
	return parseInstant(values.at(-1), name, endOfDay);
}

export interface Range {
	from: number | null;
	to: number | null;
}

export function queryRange(ctx: RouteContext, fromName = 'from', toName = 'to'): Range {
	const from = queryInstant(ctx, fromName);
	const to = queryInstant(ctx, toName, true);
	if (from !== null && to !== null && from > to) throw validationError(fromName, `${fromName} must not be after ${toName}.`);
	return { from, to };
}

export function inRange(iso: string, range: Range): boolean {
	const t = Date.parse(iso);
	return (range.from === null || t >= range.from) && (range.to === null || t <= range.to);
}

export interface AccountFilters {
	platforms: string[];
	countries: string[];
	accountIds: string[];
	workspace: string | null;
}

export function accountFilters(ctx: RouteContext): AccountFilters {
	return {
		platforms: queryEnum(ctx.query, 'platform', READABLE_PLATFORMS),
		// Aliases (US, GB) select like their canonical codes; unknown codes select nothing.
		countries: queryValues(ctx.query, 'country').map((c) => countryCode(c) ?? c.toUpperCase()),
		accountIds: queryValues(ctx.query, 'account'),
		workspace: queryValues(ctx.query, 'workspace').at(-1) ?? null,
	};
}

/** This user's delivered accounts matching the filters; another workspace selects none. */
export function selectAccounts(ctx: RouteContext, f: AccountFilters): DeliveredAccount[] {
	if (f.workspace !== null && f.workspace !== workspaceOf(ctx.owner)) return [];
	return ctx.store.state.accounts.filter(
		(a) =>
			a.owner_id === ctx.owner &&
			(f.platforms.length === 0 || f.platforms.includes(a.platform)) &&
			(f.countries.length === 0 || f.countries.includes(a.country)) &&
			(f.accountIds.length === 0 || f.accountIds.includes(a.id)),
	);
}

/** An integer query parameter within [min, max], or the default. */
export function queryLimit(ctx: RouteContext, name: string, fallback: number, min: number, max: number): number {
	const raw = queryValues(ctx.query, name).at(-1);
	if (raw === undefined) return fallback;
	if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
		throw validationError(name, `${name} must be an integer between ${min} and ${max}.`);
	}
	return Number(raw);
}
