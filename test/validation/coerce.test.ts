import {
	toBoolean,
	toDate,
	toDecimal,
	toIdentifier,
	toInteger,
	toList,
	toOption,
	toText,
	toUrl,
} from '../../nodes/shared/validation';

describe('strict conversions: nothing is guessed', () => {
	it.each([
		[3, 3],
		['42', 42],
		[' 7 ', 7],
		['-2', -2],
	])('reads %j as the whole number %j', (raw, value) => {
		expect(toInteger(raw)).toEqual({ value });
	});

	it.each(['0x10', '1e2', '1.0', '1.5', 1.5, true, false, [3], {}, null, '', '  ', 'abc', Infinity, NaN, '１２'])(
		'refuses %j as a whole number',
		(raw) => {
			expect(toInteger(raw).problem).toMatch(/^must be a whole number/);
		},
	);

	it('applies the range and says it', () => {
		expect(toInteger(0, { min: 1, max: 500 }).problem).toBe('must be a whole number from 1 to 500 (got 0)');
		expect(toInteger('501', { min: 1, max: 500 }).problem).toBe('must be a whole number from 1 to 500 (got "501")');
		expect(toInteger(-1, { min: 0 }).problem).toBe('must be a whole number of 0 or more (got -1)');
	});

	it('reads decimals for seconds, strictly', () => {
		expect(toDecimal('0.5', { min: 0.1 })).toEqual({ value: 0.5 });
		expect(toDecimal(0.05, { min: 0.1 }).problem).toMatch(/at least|of 0.1 or more/);
		expect(toDecimal('1e1').problem).toBeDefined();
	});

	it.each([
		[true, true],
		[false, false],
		['true', true],
		['FALSE', false],
		[' false ', false],
	])('reads %j as the boolean %j', (raw, value) => {
		expect(toBoolean(raw)).toEqual({ value });
	});

	it.each(['yes', 'no', 0, 1, '', 'on', [true], null, {}])('refuses %j as a boolean', (raw) => {
		expect(toBoolean(raw).problem).toMatch(/^must be true or false/);
	});

	it('reads text, turns sheet numbers into text and refuses other types', () => {
		expect(toText('  a  ')).toEqual({ value: 'a' });
		expect(toText('  a  ', { keepSpaces: true })).toEqual({ value: '  a  ' });
		expect(toText(12)).toEqual({ value: '12' });
		for (const raw of [true, {}, [], NaN]) expect(toText(raw).problem).toMatch(/^must be text/);
	});

	it('counts characters as people do', () => {
		expect(toText('😀'.repeat(30), { maxLength: 30 })).toEqual({ value: '😀'.repeat(30) });
		expect(toText('é'.repeat(81), { maxLength: 80 }).problem).toBe('must be at most 80 characters long (it has 81)');
	});

	it('accepts only listed options', () => {
		expect(toOption('a', ['a', 'b'])).toEqual({ value: 'a' });
		expect(toOption('A', ['a', 'b']).problem).toBe('must be one of a, b (got "A")');
		expect(toOption(1, ['1']).problem).toBeDefined();
	});

	it('reads calendar dates as YYYY-MM-DD, from text, ISO date-times, Date and Luxon objects', () => {
		expect(toDate('2026-12-31')).toEqual({ value: '2026-12-31' });
		expect(toDate('2026-12-31T23:00:00')).toEqual({ value: '2026-12-31' });
		expect(toDate(new Date(Date.UTC(2026, 0, 2)))).toEqual({ value: '2026-01-02' });
		const luxonLike = { toUTC: () => ({ toISODate: () => '2026-03-04' }) };
		expect(toDate(luxonLike)).toEqual({ value: '2026-03-04' });
		for (const raw of ['2026-02-30', '31/12/2026', '2026-1-2', 20261231, 'tomorrow']) {
			expect(toDate(raw).problem).toMatch(/YYYY-MM-DD/);
		}
	});

	it('requires full http(s) web addresses', () => {
		expect(toUrl('https://cdn.example.com/a.jpg')).toEqual({ value: 'https://cdn.example.com/a.jpg' });
		expect(toUrl('cdn.example.com/a.jpg').problem).toMatch(/full web address/);
		expect(toUrl('javascript:alert(1)').problem).toMatch(/must start with https:\/\/ or http:\/\//);
	});

	it('keeps IDs to one path segment', () => {
		expect(toIdentifier('3f0c1a52')).toEqual({ value: '3f0c1a52' });
		expect(toIdentifier('../me')).toEqual({ value: '../me' });
		for (const raw of ['.', '..', 'a\nb', 'x'.repeat(201), {}]) expect(toIdentifier(raw).problem).toBeDefined();
	});

	it('reads lists from arrays and comma-separated text', () => {
		expect(toList(['a', 'b'])).toEqual({ value: ['a', 'b'] });
		expect(toList(' a, b ,,c ')).toEqual({ value: ['a', 'b', 'c'] });
		expect(toList(3).problem).toMatch(/must be a list/);
	});
});
