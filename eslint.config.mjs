// What `n8n-node lint` (n8n's official node CLI; `npm run lint:n8n`) and editors apply: the CLI's own
// default config, the one its strict mode requires, limited to what the package ships (package.json,
// nodes/, credentials/ — the scope n8n's scanner also gives `n8n-node lint`). Not strict mode itself:
// that needs this file to be the bare template, which would also lint test/ and scripts/ with the rules
// for code that runs inside n8n (no process, timers or node:http). Inline eslint-disable comments are
// ignored here too, as the verification scanner ignores them.
// The scanner's exact rule set, on the sources and on dist/, is eslint.scanner.config.mjs.
import { config } from '@n8n/node-cli/eslint';

export default [
	{ ignores: ['**/*', '!package.json', '!nodes/', '!nodes/**', '!credentials/', '!credentials/**'] },
	...config,
	{ linterOptions: { noInlineConfig: true } },
];
