import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where each suite file leaves its counts for `npm run test:adversarial` to print (git-ignored). */
export const FIGURES_DIR = resolve(__dirname, '../../../.cache/adversarial');

/** The README's "Reliability" rows: each suite adds to one of them. */
export type Category = 'money' | 'secrets' | 'fields' | 'trigger' | 'rateLimit';

export type Metric =
	// money
	| 'scenarios'
	| 'doubleOrders'
	| 'doubleCharges'
	| 'secretCallsSentTwice'
	// secrets
	| 'errorRuns'
	| 'leakingRuns'
	| 'leaks'
	// fields
	| 'cases'
	| 'invalidValuesSent'
	| 'errorsWithoutFieldName'
	| 'hostileValuesAltered'
	// trigger
	| 'lifecycleSteps'
	| 'orphanedSubscriptions'
	| 'missingSubscriptions'
	| 'dedupeOnUnsignedData'
	// rate limit and timeouts
	| 'frozenExecutions'
	| 'unclearWaitMessages'
	| 'irreversibleTimeoutsReportedAsNotSent';

export interface FigureBook {
	add(metric: Metric, count?: number): void;
}

/**
 * Counts of one suite file, written to FIGURES_DIR/<suite>.json after its tests (failing ones
 * included: a `.failing` test proves a defect, and its count is the defect's size today).
 */
export function figureBook(suite: string, category: Category): FigureBook {
	const counts: Partial<Record<Metric, number>> = {};
	afterAll(() => {
		mkdirSync(FIGURES_DIR, { recursive: true });
		writeFileSync(join(FIGURES_DIR, `${suite}.json`), `${JSON.stringify({ suite, category, counts }, null, 2)}\n`);
	});
	return {
		add(metric, count = 1) {
			counts[metric] = (counts[metric] ?? 0) + count;
		},
	};
}
