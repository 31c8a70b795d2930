import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

/**
 * Both lint commands of `npm run test:all` — `npm run lint` (the verification scanner's rule set) and
 * `npm run lint:n8n` (n8n's own `n8n-node lint`) — run exactly as package.json defines them, on a copy
 * of the shipped sources with one violation from each family of rules the scanner enforces. Each must
 * fail and report exactly those violations: nothing missed (an eslint-disable comment included, since
 * the scanner ignores them) and nothing else flagged in the untouched sources.
 */

const root = path.resolve(__dirname, '../..');
const copied = [
	'package.json',
	'.npmrc',
	'eslint.config.mjs',
	'eslint.scanner.config.mjs',
	'eslint.dev.config.mjs',
	'tsconfig.json',
	'scripts/node24.sh',
	'icons',
	'nodes',
	'credentials',
];

interface Violation {
	file: string;
	find: string;
	replace: string;
	rule: string;
}

const violations: Violation[] = [
	{
		file: 'nodes/TokPortal/TokPortal.node.ts',
		find: '\t\treturn await router.call(this);',
		replace: '\t\t// eslint-disable-next-line no-console\n\t\tconsole.log(this.getNode().name);\n\t\treturn await router.call(this);',
		rule: 'no-console',
	},
	{
		file: 'nodes/TokPortalTrigger/TokPortalTrigger.node.ts',
		find: "import { NodeConnectionTypes } from 'n8n-workflow';",
		replace: "import { NodeConnectionTypes } from 'n8n-workflow';\nexport const pause = () => new Promise((resolve) => setTimeout(resolve, 10));",
		rule: '@n8n/community-nodes/no-restricted-globals',
	},
	{
		file: 'nodes/TokPortalTrigger/signature.ts',
		find: "import { createHmac",
		replace: "import { readFileSync } from 'node:fs';\nexport const readFile = readFileSync;\nimport { createHmac",
		rule: '@n8n/community-nodes/no-restricted-imports',
	},
	{
		file: 'nodes/TokPortalTrigger/properties.ts',
		find: "'Whether to add the HTTP headers",
		replace: "'Adds the HTTP headers",
		rule: 'n8n-nodes-base/node-param-description-boolean-without-whether',
	},
	{
		file: 'credentials/TokPortalApi.credentials.ts',
		find: "displayName = 'TokPortal API';",
		replace: "displayName = 'TokPortal';",
		rule: 'n8n-nodes-base/cred-class-field-display-name-missing-api',
	},
	{
		file: 'package.json',
		find: '"peerDependencies": {',
		replace: '"dependencies": { "axios": "1.13.2" },\n  "peerDependencies": {',
		rule: '@n8n/community-nodes/no-runtime-dependencies',
	},
];

/** `file rule` for every error in ESLint's stylish output (what both commands print). */
function reportedErrors(output: string, dir: string): string[] {
	const errors: string[] = [];
	let file = '';
	for (const line of stripVTControlCharacters(output).split('\n')) {
		if (line.startsWith(dir)) file = path.relative(dir, line.trim());
		const problem = /^\s+\d+:\d+\s+error\s+.*\s(\S+)\s*$/.exec(line);
		if (problem) errors.push(`${file} ${problem[1]}`);
	}
	return errors.sort();
}

describe('lint fails on what n8n verification rejects', () => {
	let dir: string;

	beforeAll(() => {
		dir = mkdtempSync(path.join(tmpdir(), 'tokportal-lint-'));
		for (const entry of copied) cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true });
		symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
		for (const { file, find, replace } of violations) {
			const source = readFileSync(path.join(dir, file), 'utf8');
			if (!source.includes(find)) {
				throw new Error(`${file} no longer contains ${JSON.stringify(find)}: update the injected violation`);
			}
			writeFileSync(path.join(dir, file), source.replace(find, replace));
		}
	});

	afterAll(() => {
		unlinkSync(path.join(dir, 'node_modules'));
		rmSync(dir, { recursive: true, force: true });
	});

	it.each(['lint', 'lint:n8n'])('npm run %s reports exactly the injected violations', (script) => {
		// Without jest's NODE_ENV=test: eslint-plugin-n8n-nodes-base then treats every file as a trigger node.
		const { NODE_ENV, ...env } = process.env;
		const run = spawnSync('npm', ['run', '--silent', script], {
			cwd: dir,
			encoding: 'utf8',
			env: { ...env, TOKPORTAL_CACHE_DIR: env.TOKPORTAL_CACHE_DIR ?? path.join(root, '.cache') },
		});
		const output = `${run.stdout}${run.stderr}`;
		expect({ status: run.status, errors: reportedErrors(output, dir) }).toEqual({
			status: 1,
			errors: violations.map(({ file, rule }) => `${file} ${rule}`).sort(),
		});
	}, 120_000);
});
