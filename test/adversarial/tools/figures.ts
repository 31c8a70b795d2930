import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Category, Metric } from '../support/figures';
import { FIGURES_DIR } from '../support/figures';

type Counts = Partial<Record<Metric, number>>;

/** The counts every suite file left, summed per category. */
export function readFigures(): Map<Category, Counts> {
	const totals = new Map<Category, Counts>();
	if (!existsSync(FIGURES_DIR)) return totals;
	for (const file of readdirSync(FIGURES_DIR).filter((name) => name.endsWith('.json') && !name.endsWith('.cases.json'))) {
		const { category, counts } = JSON.parse(readFileSync(join(FIGURES_DIR, file), 'utf8')) as { category: Category; counts: Counts };
		const sum = totals.get(category) ?? {};
		for (const [metric, count] of Object.entries(counts) as Array<[Metric, number]>) sum[metric] = (sum[metric] ?? 0) + count;
		totals.set(category, sum);
	}
	return totals;
}

const ROWS: Array<{ category: Category; what: string; runs: Metric; results: Array<[Metric, string]> }> = [
	{
		category: 'money',
		what: 'Money: orders, publishes and secret calls under faults after commit, 5xx, timeouts, 429, Retry On Fail (± Continue On Fail), changing expressions, re-runs, concurrent executions',
		runs: 'scenarios',
		results: [
			['doubleOrders', 'double orders'],
			['doubleCharges', 'double charges'],
			['secretCallsSentTwice', 'secret calls sent twice'],
		],
	},
	{
		category: 'secrets',
		what: 'Secrets: error runs (every error kind, echoing gateways, bad Base URLs; Continue On Fail off/on) searched in outputs, errors, saved run data and n8n’s log',
		runs: 'errorRuns',
		results: [['leakingRuns', 'runs leaking a secret']],
	},
	{
		category: 'fields',
		what: 'Fields: every field of every operation fed wrong types, empty, over-long, unicode and injection-like values',
		runs: 'cases',
		results: [
			['invalidValuesSent', 'invalid values sent'],
			['errorsWithoutFieldName', 'errors not naming the field'],
			['hostileValuesAltered', 'hostile values altered in transit'],
		],
	},
	{
		category: 'trigger',
		what: 'Trigger: lifecycle steps across public-URL changes, lost static data, remote deletions; forged and replayed deliveries',
		runs: 'lifecycleSteps',
		results: [
			['orphanedSubscriptions', 'orphaned subscriptions'],
			['missingSubscriptions', 'missing subscriptions'],
			['dedupeOnUnsignedData', 'deliveries deduplicated on unsigned data'],
		],
	},
	{
		category: 'rateLimit',
		what: 'Rate limit and timeouts: long Retry-After, irreversible calls timing out',
		runs: 'scenarios',
		results: [
			['frozenExecutions', 'executions frozen by another’s Retry-After'],
			['unclearWaitMessages', 'waits not explained'],
			['irreversibleTimeoutsReportedAsNotSent', 'irreversible timeouts reported as "nothing happened"'],
		],
	},
];

/** The README "Reliability" table, from the last run's counts. */
export function figuresTable(totals = readFigures()): string {
	const lines = ['| Area | Runs | Result |', '|---|---:|---|'];
	for (const row of ROWS) {
		const counts = totals.get(row.category);
		if (!counts) continue;
		const results = row.results.map(([metric, label]) => `**${counts[metric] ?? 0}** ${label}`).join(' · ');
		lines.push(`| ${row.what} | ${counts[row.runs] ?? 0} | ${results} |`);
	}
	return lines.join('\n');
}
