// The RFC 4180 reader behind Export Videos → Output Rows as Items.
import { CsvError, parseCsvRecords, parseCsvRows } from '../../../nodes/TokPortal/actions/analytics/csv';

describe('CSV reader (RFC 4180)', () => {
	it.each([
		['a,b\r\n1,2\r\n', [['a', 'b'], ['1', '2']]],
		['a,b\r\n1,2', [['a', 'b'], ['1', '2']]],
		['a,b\n1,2\n', [['a', 'b'], ['1', '2']]],
		['a\r\n"x, y"\r\n', [['a'], ['x, y']]],
		['a\r\n"say ""hi"""\r\n', [['a'], ['say "hi"']]],
		['a\r\n"line 1\r\nline 2"\r\n', [['a'], ['line 1\r\nline 2']]],
		['a,b,c\r\n,,\r\n', [['a', 'b', 'c'], ['', '', '']]],
		['a,b\r\n"",x\r\n', [['a', 'b'], ['', 'x']]],
		['\ufeffa,b\r\n1,2\r\n', [['a', 'b'], ['1', '2']]],
		['a\r\nab"c\r\n', [['a'], ['ab"c']]],
		['', []],
	])('reads %j', (text, records) => {
		expect(parseCsvRecords(text)).toEqual(records);
	});

	it.each([
		['a\r\n"open\r\n', 'a quoted field in record 2 is never closed'],
		['a\r\n"x"y\r\n', 'text after a closing quote in record 2'],
	])('refuses %j (%s)', (text, problem) => {
		expect(() => parseCsvRecords(text)).toThrow(new CsvError(problem));
	});

	it('keys rows by the header, keeps values as text, names missing and extra columns', () => {
		expect(parseCsvRows('id,views,id,\r\n007,12,x,y\r\n\r\n1\r\n8,9,10,11,12\r\n')).toEqual({
			columns: ['id', 'views', 'id_2', 'field_4'],
			rows: [
				{ id: '007', views: '12', id_2: 'x', field_4: 'y' },
				{ id: '1', views: '', id_2: '', field_4: '' },
				{ id: '8', views: '9', id_2: '10', field_4: '11', field_5: '12' },
			],
		});
	});
});
