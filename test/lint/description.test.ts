import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { INodeType } from 'n8n-workflow';

import { TokPortal } from '../../nodes/TokPortal/TokPortal.node';

/**
 * Operations declare their fields through builders (nodes/shared/validation), so eslint-plugin-n8n-
 * nodes-base's parameter rules (Limit default, "Whether …" descriptions, option order, "Name or ID"
 * names…) never see a literal property in the sources. This renders each node's effective description
 * — exactly what n8n loads — as a literal node file and lints it with the verification scanner's rule
 * set, so every generated parameter is held to the same rules as a hand-written one. (The trigger's
 * properties are hand-written literals, linted in place with its lifecycle methods.)
 */

const root = path.resolve(__dirname, '../..');

/** A JavaScript literal as a person writes it: identifier keys unquoted (the rules look for them). */
function literal(value: unknown, indent: string): string {
	if (Array.isArray(value)) {
		if (value.length === 0) return '[]';
		return `[\n${value.map((entry) => `${indent}\t${literal(entry, `${indent}\t`)},`).join('\n')}\n${indent}]`;
	}
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value).filter(([, entry]) => entry !== undefined);
		if (entries.length === 0) return '{}';
		const lines = entries.map(([key, entry]) => {
			const name = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
			return `${indent}\t${name}: ${literal(entry, `${indent}\t`)},`;
		});
		return `{\n${lines.join('\n')}\n${indent}}`;
	}
	// What n8n-workflow's NodeConnectionTypes.Main stands for; the rules want the constant.
	if (value === 'main' && indent.length === 3) return 'NodeConnectionTypes.Main';
	return JSON.stringify(value);
}

function literalNode(className: string, node: INodeType): string {
	return [
		"import type { INodeType, INodeTypeDescription } from 'n8n-workflow';",
		"import { NodeConnectionTypes } from 'n8n-workflow';",
		'',
		`export class ${className} implements INodeType {`,
		`\tdescription: INodeTypeDescription = ${literal(node.description, '\t')};`,
		'}',
		'',
	].join('\n');
}

describe('the effective node descriptions', () => {
	let dir: string;

	beforeAll(() => {
		dir = mkdtempSync(path.join(tmpdir(), 'tokportal-description-'));
		for (const entry of ['package.json', 'eslint.scanner.config.mjs', 'icons', 'credentials']) {
			cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true });
		}
		symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
		mkdirSync(path.join(dir, 'nodes', 'TokPortal'), { recursive: true });
		writeFileSync(path.join(dir, 'nodes', 'TokPortal', 'TokPortal.node.ts'), literalNode('TokPortal', new TokPortal()));
	});

	afterAll(() => {
		unlinkSync(path.join(dir, 'node_modules'));
		rmSync(dir, { recursive: true, force: true });
	});

	it('pass the verification scanner’s rules as literal node files', () => {
		// Without jest's NODE_ENV=test: eslint-plugin-n8n-nodes-base then treats every file as a trigger node.
		const { NODE_ENV, ...env } = process.env;
		const run = spawnSync(
			path.join(root, 'node_modules/.bin/eslint'),
			['-c', 'eslint.scanner.config.mjs', '--no-inline-config', '--max-warnings', '0', 'nodes'],
			{ cwd: dir, encoding: 'utf8', env },
		);
		expect(`${run.stdout}${run.stderr}`.replace(dir, '<dir>')).toBe('');
		expect(run.status).toBe(0);
	}, 120_000);
});
