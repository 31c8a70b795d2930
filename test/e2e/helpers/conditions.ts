// Tests for parts other engineers are still writing: they run as soon as the part exists and are
// otherwise skipped, with the reason in the test name (jest prints no skip reasons itself).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../../../scripts/n8n/paths';

/** `test` when `skipReason` is undefined, otherwise a skipped test that says why. */
export function testUnless(skipReason: string | undefined): (name: string, fn: () => Promise<void>, timeout?: number) => void {
	if (!skipReason) return (name, fn, timeout) => test(name, fn, timeout);
	return (name, fn, timeout) => test.skip(`${name} [skipped: ${skipReason}]`, fn, timeout);
}

/** Undefined when the built file exists, else the reason to skip. */
export function missingBuild(relativePath: string): string | undefined {
	return fs.existsSync(path.join(REPO_ROOT, relativePath)) ? undefined : `${relativePath} is not built yet`;
}
