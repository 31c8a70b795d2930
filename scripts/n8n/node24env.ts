// Environment for child processes that must run under Node 24 (n8n 2.x requires it) and
// build native modules against Node 24's headers, not the machine's Node 20 (`nodedir=/usr`).
import * as path from 'node:path';
import { node24Dir, REPO_ROOT } from './paths';

/**
 * npm exports its config to scripts as npm_config_* variables; when we run under `npm run`,
 * the project's ignore-scripts=true would leak into the n8n install/rebuild through them.
 */
function withoutNpmConfig(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	const clean: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(env)) {
		if (!/^npm_/i.test(key)) clean[key] = value;
	}
	return clean;
}

export function node24Env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const bin = path.join(node24Dir(), 'bin');
	const base = withoutNpmConfig(process.env);
	return {
		...base,
		PATH: [bin, path.join(REPO_ROOT, 'node_modules', '.bin'), base.PATH ?? ''].join(path.delimiter),
		npm_config_nodedir: node24Dir(),
		...extra,
	};
}
