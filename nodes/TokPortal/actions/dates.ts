import { date } from '../../shared/validation';

/** A From/To date pair, as the analytics and credit filters take it. */

/** From/To dates; `subject` says what they select, e.g. "posts published". */
export function dateRange(subject: string) {
	return {
		dateFrom: date({
			name: 'dateFrom',
			displayName: 'From Date',
			refuseBlank: true,
			placeholder: 'e.g. 2026-06-01',
			description: `Only ${subject} on or after this day (YYYY-MM-DD, UTC)`,
		}),
		dateTo: date({
			name: 'dateTo',
			displayName: 'To Date',
			refuseBlank: true,
			placeholder: 'e.g. 2026-06-30',
			description: `Only ${subject} on or before this day, the whole day included (YYYY-MM-DD, UTC)`,
		}),
	};
}

/** From after To selects nothing: a mistake worth reporting before anything is sent. */
export function rangeProblem(range: { dateFrom?: string; dateTo?: string }): string | undefined {
	const { dateFrom, dateTo } = range;
	return dateFrom !== undefined && dateTo !== undefined && dateFrom > dateTo
		? `"From Date" (${dateFrom}) must not be after "To Date" (${dateTo})`
		: undefined;
}

