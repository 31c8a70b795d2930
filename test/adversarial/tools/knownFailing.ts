import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { CaseResult, KnownFailing } from '../support/cases';
import { knownFailingFile, readKnownFailing } from '../support/cases';
import { FIGURES_DIR } from '../support/figures';

export interface KnownFailingChange {
	suite: string;
	nowPassing: string[];
	newlyFailing: string[];
}

/**
 * Compares each suite's known-failing list with the last run: ids that pass now (a fix landed) and
 * ids that fail but are not listed (a regression, or a new case). With `write`, the lists are
 * rewritten to match the run — passing ids removed, new failures added under their defect.
 */
export function reconcileKnownFailing(write: boolean): KnownFailingChange[] {
	if (!existsSync(FIGURES_DIR)) return [];
	const changes: KnownFailingChange[] = [];
	for (const file of readdirSync(FIGURES_DIR).filter((name) => name.endsWith('.cases.json'))) {
		const suite = file.replace(/\.cases\.json$/, '');
		const results = JSON.parse(readFileSync(join(FIGURES_DIR, file), 'utf8')) as Record<string, CaseResult>;
		const known = readKnownFailing(suite);
		const listed = new Set(Object.values(known).flat());
		const nowPassing = [...listed].filter((id) => results[id]?.pass === true).sort();
		const newlyFailing = Object.keys(results)
			.filter((id) => !results[id].pass && !listed.has(id))
			.sort();
		changes.push({ suite, nowPassing, newlyFailing });
		if (!write || (nowPassing.length === 0 && newlyFailing.length === 0)) continue;
		const updated: KnownFailing = {};
		const passing = new Set(nowPassing);
		for (const [defect, ids] of Object.entries(known)) updated[defect] = ids.filter((id) => !passing.has(id));
		for (const id of newlyFailing) (updated[results[id].defect] ??= []).push(id);
		const sorted = Object.fromEntries(
			Object.entries(updated)
				.filter(([, ids]) => ids.length > 0)
				.sort(([a], [b]) => a.localeCompare(b))
				.map(([defect, ids]) => [defect, [...ids].sort()]),
		);
		writeFileSync(knownFailingFile(suite), `${JSON.stringify(sorted, null, '\t')}\n`);
	}
	return changes;
}
