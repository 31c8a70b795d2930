// Target publish dates (notes §9.2): UTC calendar days, a lead time of 3 days while the account is
// being created and 1 day for existing accounts, at most 3 videos per target day per bundle, and the
// forward shift applied when a date has gone stale by publish time (notes §9.5).
import { ApiError, validationError } from './errors';
import type { Bundle, VideoSlot } from './types';

export const MAX_VIDEOS_PER_DAY = 3;
const DAY_MS = 24 * 60 * 60 * 1000;

export function todayUtc(now = Date.now()): string {
	return new Date(now).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / DAY_MS);
}

/** A real `YYYY-MM-DD` calendar day (2026-02-30 is not one). */
export function parseDay(value: unknown, field: string): string {
	const valid =
		typeof value === 'string' &&
		/^\d{4}-\d{2}-\d{2}$/.test(value) &&
		!Number.isNaN(Date.parse(`${value}T00:00:00.000Z`)) &&
		addDays(value, 0) === value;
	if (!valid) {
		throw validationError(field, `${field} must be a date in YYYY-MM-DD format.`);
	}
	return value;
}

/** The account is "being created" until TokPortal delivers it (a videos_only bundle posts to a delivered one). */
export function minDaysAhead(b: Bundle): number {
	return b.bundle_type !== 'videos_only' && b.saved_account_id === null ? 3 : 1;
}

export function earliestAllowed(b: Bundle, now = Date.now()): string {
	return addDays(todayUtc(now), minDaysAhead(b));
}

export function assertLeadTime(b: Bundle, date: string, field: string, now = Date.now()): void {
	const earliest = earliestAllowed(b, now);
	if (date >= earliest) return;
	const days = minDaysAhead(b);
	throw new ApiError(
		400,
		'INVALID_DATE',
		`${field} ${date} is too early: videos need ${days} day${days > 1 ? 's' : ''} of lead time (UTC)` +
			`${days === 3 ? ' while the account is being created' : ''}; the earliest allowed date is ${earliest}.`,
		{ field, date, min_days_ahead: days, earliest_allowed: earliest },
	);
}

/** Slots that hold a place on their target day: configured or later, not cancelled. */
function holdsDay(v: VideoSlot): boolean {
	return v.status !== 'pending' && v.status !== 'cancelled' && v.target_publish_start_date !== null;
}

export function videosOnDay(b: Bundle, date: string, except?: VideoSlot): number {
	return b.videos.filter((v) => v !== except && holdsDay(v) && v.target_publish_start_date === date).length;
}

/** A slot being (re)configured on its own day does not count against itself. */
export function assertDayCapacity(b: Bundle, date: string, slot: VideoSlot): void {
	const current = videosOnDay(b, date, slot);
	if (current < MAX_VIDEOS_PER_DAY) return;
	throw new ApiError(
		400,
		'VIDEOS_PER_DAY_EXCEEDED',
		`${date} already has ${current} videos in this bundle; at most ${MAX_VIDEOS_PER_DAY} videos can target the same day.`,
		{ date, current_count: current, max_per_day: MAX_VIDEOS_PER_DAY },
	);
}

export interface DateAdjustment {
	video_id: string;
	position: number;
	previous_date: string;
	new_date: string;
}

/**
 * Publishing videos whose dates went stale shifts the whole batch forward by the same number of days
 * (cadence kept), then each one further to the next day with room under the 3-per-day cap.
 */
export function shiftStaleDates(b: Bundle, batch: VideoSlot[], now = Date.now()): DateAdjustment[] {
	const dated = batch
		.filter((v) => v.target_publish_start_date !== null)
		.sort((x, y) => x.target_publish_start_date!.localeCompare(y.target_publish_start_date!) || x.position - y.position);
	if (dated.length === 0) return [];
	const earliest = earliestAllowed(b, now);
	const shift = daysBetween(dated[0].target_publish_start_date!, earliest);
	if (shift <= 0) return [];
	const placed = new Set(b.videos.filter((v) => !dated.includes(v)));
	const adjustments: DateAdjustment[] = [];
	for (const v of dated) {
		const previous = v.target_publish_start_date!;
		const window = v.target_publish_end_date ? daysBetween(previous, v.target_publish_end_date) : 1;
		let next = addDays(previous, shift);
		const taken = (day: string) => [...placed].filter((o) => holdsDay(o) && o.target_publish_start_date === day).length;
		while (taken(next) >= MAX_VIDEOS_PER_DAY) next = addDays(next, 1);
		v.target_publish_start_date = next;
		v.target_publish_end_date = addDays(next, window);
		placed.add(v);
		adjustments.push({ video_id: v.id, position: v.position, previous_date: previous, new_date: next });
	}
	return adjustments;
}
