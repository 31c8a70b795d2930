import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { FIGURES_DIR } from './figures';

/** Per suite: the generated cases that fail today, grouped by the issue #9 defect they prove. */
export const KNOWN_FAILING_DIR = resolve(__dirname, '../knownFailing');

export type KnownFailing = Record<string, string[]>;

export interface CaseResult {
	pass: boolean;
	/** The defect a failure of this case belongs to (e.g. "defect 9.4"). */
	defect: string;
	problems: string[];
}

export function knownFailingFile(suite: string): string {
	return join(KNOWN_FAILING_DIR, `${suite}.json`);
}

export function caseResultsFile(suite: string): string {
	return join(FIGURES_DIR, `${suite}.cases.json`);
}

export function readKnownFailing(suite: string): KnownFailing {
	const file = knownFailingFile(suite);
	return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as KnownFailing) : {};
}

export interface CaseSuite {
	/**
	 * One generated case: `check` returns what is wrong (empty = as required). A case listed in the
	 * suite's known-failing file runs as `it.failing` — it proves a defect today, and once the fix
	 * makes it pass, the failing marker fails the run until the id is removed from the file
	 * (`npm run test:adversarial -- --update-known-failing` does that).
	 */
	it(id: string, defect: string, check: () => Promise<string[]>, timeoutMs?: number): void;
}

export function caseSuite(suite: string): CaseSuite {
	const known = new Map<string, string>();
	for (const [defect, ids] of Object.entries(readKnownFailing(suite))) for (const id of ids) known.set(id, defect);
	const results: Record<string, CaseResult> = {};
	afterAll(() => {
		mkdirSync(FIGURES_DIR, { recursive: true });
		writeFileSync(caseResultsFile(suite), `${JSON.stringify(results, null, 1)}\n`);
	});
	return {
		it(id, defect, check, timeoutMs) {
			const knownDefect = known.get(id);
			const body = async () => {
				const problems = await check();
				results[id] = { pass: problems.length === 0, defect, problems };
				expect(problems).toEqual([]);
			};
			if (knownDefect) it.failing(`${id} — fails today (${knownDefect})`, body, timeoutMs);
			else it(id, body, timeoutMs);
		},
	};
}
