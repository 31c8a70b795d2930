import { toInstant } from '../../nodes/shared/validation';

describe('toInstant: a date, or a date-time with its time zone', () => {
	it.each([
		'2026-05-01',
		'2026-05-01T09:30Z',
		'2026-05-01T09:30:00Z',
		'2026-05-01T09:30:00.123456Z',
		'2026-05-01T09:30:00+02:00',
		'2026-05-01T09:30:00-0500',
	])('keeps %j exactly as written', (raw) => {
		expect(toInstant(` ${raw} `)).toEqual({ value: raw });
	});

	it('reads date objects from expressions as UTC date-times', () => {
		expect(toInstant(new Date('2026-05-01T09:30:00.000Z'))).toEqual({ value: '2026-05-01T09:30:00.000Z' });
		// Luxon's DateTime ($now, $today): only toUTC().toISO() is used.
		const luxonLike = { toUTC: () => ({ toISO: () => '2026-05-01T09:30:00.000Z' }) };
		expect(toInstant(luxonLike)).toEqual({ value: '2026-05-01T09:30:00.000Z' });
	});

	it.each([
		'2026-05-01T09:30:00',
		'2026-02-30',
		'2026-05-01T24:00:00Z',
		'2026-05-01T09:60:00Z',
		'01/05/2026',
		'yesterday',
		'2026-05-01 09:30:00Z',
		1746091800,
		true,
		null,
		[],
		new Date('nope'),
	])('refuses %j', (raw) => {
		expect(toInstant(raw).problem).toMatch(
			/^must be a date \(YYYY-MM-DD\) or an ISO 8601 date-time with a time zone, e\.g\. 2026-05-01T09:30:00Z \(got /,
		);
	});
});
