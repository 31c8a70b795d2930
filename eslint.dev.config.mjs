// Lint for the code that does not ship — tests, the simulator, the harness and scripts: ESLint's and
// typescript-eslint's recommended rules. (Shipped code is held to n8n's rules: eslint.scanner.config.mjs
// and `n8n-node lint`.) Inline eslint-disable comments are ignored here too.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ ignores: ['**/*', '!test/', '!test/**', '!scripts/', '!scripts/**'] },
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		linterOptions: { noInlineConfig: true },
		rules: {
			// Tests read JSON whose shape they are asserting; `any` there is the point.
			'@typescript-eslint/no-explicit-any': 'off',
			// The harness loads node files by explicit path (Node would pick the codex *.node.json).
			'@typescript-eslint/no-require-imports': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
			],
		},
	},
);
