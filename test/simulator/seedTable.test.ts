// The README's seed table and the spec tests stay in step with seedSentences.ts: every listed
// sentence with a test is proven by a test named after it, and no spec test names an unlisted id.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderSeedTable, SEED_SENTENCES } from './seedSentences';

const START = '<!-- seed-table:start (rendered from seedSentences.ts; seedTable.test.ts checks it) -->';
const END = '<!-- seed-table:end -->';
const source = (file: string) => readFileSync(join(__dirname, file), 'utf8');

test('the README table is the rendering of seedSentences.ts', () => {
	const readme = source('README.md');
	const start = readme.indexOf(START);
	const end = readme.indexOf(END);
	expect([start > 0, end > start]).toEqual([true, true]);
	expect(readme.slice(start + START.length, end).trim()).toBe(renderSeedTable());
});

test('every sentence with a test is named by exactly one test in its file; spec tests name only listed ids', () => {
	const files = [...new Set(Object.values(SEED_SENTENCES).flatMap((s) => (s.test ? [s.test] : [])))];
	expect(files.sort()).toEqual(['spec000.test.ts', 'spec001.test.ts', 'spec002.test.ts', 'spec003.test.ts', 'spec004.test.ts']);
	for (const file of files) {
		const named = [...source(file).matchAll(/'(S00\d-\d{2})'/g)].map((m) => m[1]);
		const listed = Object.entries(SEED_SENTENCES)
			.filter(([, s]) => s.test === file)
			.map(([id]) => id);
		expect({ file, ids: [...named].sort() }).toEqual({ file, ids: [...listed].sort() });
	}
});

test('quotes are non-empty and unique per document', () => {
	const seen = new Set<string>();
	for (const [id, s] of Object.entries(SEED_SENTENCES)) {
		expect({ id, ok: s.quote.trim().length > 0 && s.where.trim().length > 0 }).toEqual({ id, ok: true });
		const key = `${id.slice(0, 4)} ${s.quote}`;
		// A sentence a document repeats (e.g. spec 000's page/per_page rows) is listed once.
		expect({ id, duplicate: seen.has(key) }).toEqual({ id, duplicate: false });
		seen.add(key);
	}
});
