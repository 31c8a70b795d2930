// n8n returns execution data as a `flatted` string (JSON with de-duplicated, index-referenced values,
// so circular structures survive). A tiny reader keeps the client free of an extra dependency.
// Format: a JSON array; entry 0 is the root; inside objects/arrays every string is an index into
// the array (real strings live as top-level entries), numbers/booleans/null are inline.
export function parseFlatted(text: string): unknown {
	const table = JSON.parse(text) as unknown[];
	if (!Array.isArray(table)) throw new Error('not a flatted string');
	if (table.length === 0) return undefined; // flatted's encoding of `undefined`
	const revived = new Map<number, unknown>();
	const resolve = (index: number): unknown => {
		if (revived.has(index)) return revived.get(index);
		const entry = table[index];
		if (typeof entry !== 'object' || entry === null) {
			revived.set(index, entry);
			return entry;
		}
		const out: Record<string, unknown> | unknown[] = Array.isArray(entry) ? [] : {};
		revived.set(index, out); // before recursing, so cycles resolve to the same object
		for (const [key, value] of Object.entries(entry)) {
			(out as Record<string, unknown>)[key] = typeof value === 'string' ? resolve(Number(value)) : value;
		}
		return out;
	};
	return resolve(0);
}
