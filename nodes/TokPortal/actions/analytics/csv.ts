/**
 * RFC 4180 CSV: fields separated by commas, records by CRLF (a bare LF is accepted too); a field in
 * double quotes may hold commas, line breaks and doubled quotes. Values stay text, as n8n's Extract
 * from File gives them: nothing is guessed ("007" stays "007").
 */

export class CsvError extends Error {}

/** Every record as its list of fields. A final line break does not start a record. */
export function parseCsvRecords(text: string): string[][] {
	const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	const records: string[][] = [];
	let record: string[] = [];
	let field = '';
	let quoted = false;
	let fieldStarted = false;
	const endField = () => {
		record.push(field);
		field = '';
		fieldStarted = false;
	};
	const endRecord = () => {
		endField();
		records.push(record);
		record = [];
	};
	for (let i = 0; i < input.length; i++) {
		const character = input[i];
		if (quoted) {
			if (character !== '"') field += character;
			else if (input[i + 1] === '"') field += input[++i];
			else {
				quoted = false;
				const next = input[i + 1];
				if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
					throw new CsvError(`text after a closing quote in record ${records.length + 1}`);
				}
			}
		} else if (character === '"' && !fieldStarted && field === '') {
			quoted = true;
			fieldStarted = true;
		} else if (character === ',') endField();
		else if (character === '\r' && input[i + 1] === '\n') {
			i++;
			endRecord();
		} else if (character === '\n') endRecord();
		else {
			field += character;
			fieldStarted = true;
		}
	}
	if (quoted) throw new CsvError(`a quoted field in record ${records.length + 1} is never closed`);
	if (field !== '' || fieldStarted || record.length > 0) endRecord();
	return records;
}

/** The first record names the columns; every other record becomes an object keyed by them. */
export function parseCsvRows(text: string): { columns: string[]; rows: Array<Record<string, string>> } {
	const [header = [], ...records] = parseCsvRecords(text);
	const seen = new Map<string, number>();
	const columns = header.map((name, index) => {
		const base = name.trim() === '' ? `field_${index + 1}` : name;
		const count = (seen.get(base) ?? 0) + 1;
		seen.set(base, count);
		return count === 1 ? base : `${base}_${count}`;
	});
	const rows = records
		// An empty line is no record (it would be one empty field).
		.filter((record) => !(record.length === 1 && record[0] === ''))
		.map((record) => {
			const row: Record<string, string> = {};
			const width = Math.max(columns.length, record.length);
			for (let index = 0; index < width; index++) {
				row[columns[index] ?? `field_${index + 1}`] = record[index] ?? '';
			}
			return row;
		});
	return { columns, rows };
}
