import type { Coerced } from './coerce';
import { shown, toDate } from './coerce';
import type { DateSpec, Field } from './fields';
import { field } from './fields';

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

const RULE = 'must be a date (YYYY-MM-DD) or an ISO 8601 date-time with a time zone, e.g. 2026-05-01T09:30:00Z';

/**
 * A point in time for filters such as "updated since": a date (YYYY-MM-DD, the start of that day as
 * TokPortal reads it) or an ISO 8601 date-time with its time zone, kept exactly as written so no
 * precision is lost. Date objects from expressions ($now: Luxon; JavaScript Date) become UTC
 * date-times. A date-time without a zone is refused: n8n and TokPortal could read it in different zones.
 */
export function toInstant(raw: unknown): Coerced<string> {
	if (raw instanceof Date) {
		return Number.isNaN(raw.getTime()) ? { problem: `${RULE} (got an invalid date)` } : { value: raw.toISOString() };
	}
	if (raw !== null && typeof raw === 'object' && typeof (raw as { toUTC?: unknown }).toUTC === 'function') {
		const iso = (raw as { toUTC(): { toISO(): string | null } }).toUTC().toISO();
		return iso ? { value: iso } : { problem: `${RULE} (got an invalid date)` };
	}
	if (typeof raw !== 'string') return { problem: `${RULE} (got ${shown(raw)})` };
	const text = raw.trim();
	if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
		return toDate(text).problem === undefined ? { value: text } : { problem: `${RULE} (got ${shown(raw)})` };
	}
	const match = DATE_TIME.exec(text);
	const valid =
		match !== null &&
		toDate(match[1]).problem === undefined &&
		Number(match[2]) <= 23 &&
		Number(match[3]) <= 59 &&
		Number(match[4] ?? '0') <= 59 &&
		!Number.isNaN(Date.parse(text));
	return valid ? { value: text } : { problem: `${RULE} (got ${shown(raw)})` };
}

/** A date or a date-time with a zone (see toInstant), sent as written. */
export function dateTime<R extends boolean = false>(spec: DateSpec & { required?: R }): Field<string, R> {
	return field(
		spec,
		{ type: 'string', default: '' },
		{ kind: 'date', required: spec.required === true, refuseBlank: spec.refuseBlank },
		toInstant,
	);
}
