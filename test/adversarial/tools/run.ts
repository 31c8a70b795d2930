// `npm run test:adversarial`: runs the adversarial suite alone, then prints the figures the README's
// "Reliability" section publishes. `-- --update-known-failing` rewrites the generated cases'
// known-failing lists to match the run (after a fix: removes the ids that pass now).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

import { FIGURES_DIR } from '../support/figures';
import { figuresTable } from './figures';
import { reconcileKnownFailing } from './knownFailing';

const args = process.argv.slice(2);
const update = args.includes('--update-known-failing');
const jestArgs = args.filter((arg) => arg !== '--update-known-failing');

rmSync(FIGURES_DIR, { recursive: true, force: true });
// A narrower path (e.g. test/adversarial/secrets) replaces the whole folder.
const paths = jestArgs.some((arg) => arg.startsWith('test/adversarial')) ? [] : ['test/adversarial'];
const jest = spawnSync('jest', [...paths, '--ci', ...jestArgs], { stdio: 'inherit' });

console.log('\nAdversarial suite — figures of this run (README "Reliability"):\n');
console.log(figuresTable());

for (const change of reconcileKnownFailing(update)) {
	if (change.nowPassing.length > 0) {
		console.log(
			`\n${change.suite}: ${change.nowPassing.length} known-failing case(s) pass now${update ? ' — removed from the list' : ': run with -- --update-known-failing to remove them'}`,
		);
	}
	if (change.newlyFailing.length > 0) {
		console.log(
			`\n${change.suite}: ${change.newlyFailing.length} case(s) fail and are not in the known-failing list${update ? ' — added' : ''}:\n  ${change.newlyFailing.join('\n  ')}`,
		);
	}
}
process.exit(jest.status ?? 1);
