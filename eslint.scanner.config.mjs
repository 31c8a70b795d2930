// The rule set n8n's verification scanner (@n8n/scan-community-package) applies to a community
// package: community-nodes `recommended`, eslint-plugin-n8n-nodes-base's `community`, `credentials`
// and `nodes` rulesets with the scanner's own overrides, and `no-console`. `npm run lint` (sources) and
// `npm run lint:dist` (compiled output) run it with --no-inline-config, as the scanner ignores
// eslint-disable comments. eslint.config.mjs is n8n's CLI config, for `n8n-node lint`.
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import tsParser from '@typescript-eslint/parser';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';

export default [
	{
		// Same scope as the scanner: shipped sources, package.json, and the compiled JavaScript in dist/
		// (its tarball leg lints that too, since a build step could inject anything there).
		ignores: [
			'**/*',
			'!package.json',
			'!nodes/',
			'!nodes/**',
			'!credentials/',
			'!credentials/**',
			'!dist/',
			'!dist/**',
			'dist/**/*.d.ts',
			'dist/**/*.map',
			'dist/**/*.json',
		],
	},
	n8nCommunityNodesPlugin.configs.recommended,
	{ rules: { 'no-console': 'error' } },
	{ plugins: { 'n8n-nodes-base': n8nNodesBase } },
	{
		files: ['package.json'],
		rules: { ...n8nNodesBase.configs.community.rules },
	},
	{
		files: ['**/credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['**/nodes/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
	{ files: ['**/*.json'], languageOptions: { parser: tsParser } },
	{ files: ['**/*.ts'], languageOptions: { parser: tsParser } },
];
