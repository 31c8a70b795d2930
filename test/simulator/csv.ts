// RFC 4180 CSV: comma separated, double-quoted fields with "" escapes, CRLF or LF line ends, an
// optional UTF-8 BOM. Returns null on an unterminated quote.

export function parseCsv(text: string): string[][] | null {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	const input = text.replace(/^\uFEFF/, '');
	for (let i = 0; i < input.length; i++) {
		const ch = input[i];
		if (quoted) {
			if (ch !== '"') field += ch;
			else if (input[i + 1] === '"') {
				field += '"';
				i++;
			} else quoted = false;
		} else if (ch === '"' && field === '') quoted = true;
		else if (ch === ',') {
			row.push(field);
			field = '';
		} else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && input[i + 1] === '\n') i++;
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else field += ch;
	}
	if (quoted) return null;
	if (field !== '' || row.length > 0) {
		row.push(field);
		rows.push(row);
	}
	return rows;
}
