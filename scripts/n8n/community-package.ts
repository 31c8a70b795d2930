// Installs our package into an n8n user folder the way `npm install n8n-nodes-tokportal` in
// ~/.n8n/nodes would: a real copy of package.json + the published files (dist/), no node_modules of
// its own (so `require('n8n-workflow')` resolves to n8n's copy), listed in nodes/package.json.
// n8n's community-package loader then picks it up under the `n8n-nodes-tokportal.*` type names.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PACKAGE_NAME, REPO_ROOT } from './paths';

interface PackageJson {
	name: string;
	version: string;
	files?: string[];
	n8n?: { nodes?: string[]; credentials?: string[] };
}

export function nodesDir(userFolder: string): string {
	return path.join(userFolder, '.n8n', 'nodes');
}

export function installedPackageDir(userFolder: string): string {
	return path.join(nodesDir(userFolder), 'node_modules', PACKAGE_NAME);
}

/** Files n8n will require: fail here with a clear message instead of a vague load error in n8n's log. */
function assertBuilt(source: string, pkg: PackageJson): void {
	const entries = [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])];
	const missing = entries.filter((entry) => !fs.existsSync(path.join(source, entry)));
	if (!fs.existsSync(path.join(source, 'dist')) || missing.length > 0) {
		throw new Error(
			`${PACKAGE_NAME} is not built (missing: ${missing.join(', ') || 'dist/'}); run \`npm run build\` first`,
		);
	}
}

export function installCommunityPackage(userFolder: string, source: string = REPO_ROOT): PackageJson {
	const pkg = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8')) as PackageJson;
	assertBuilt(source, pkg);

	const target = installedPackageDir(userFolder);
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	// Copy exactly what `npm pack` ships: package.json, the `files` entries, README/LICENSE.
	const shipped = ['package.json', ...(pkg.files ?? ['dist']), 'README.md', 'LICENSE', 'LICENSE.md'];
	for (const entry of shipped) {
		const from = path.join(source, entry);
		if (fs.existsSync(from)) fs.cpSync(from, path.join(target, entry), { recursive: true, dereference: true });
	}

	const manifestPath = path.join(nodesDir(userFolder), 'package.json');
	const manifest: { dependencies?: Record<string, string> } & Record<string, unknown> = fs.existsSync(manifestPath)
		? JSON.parse(fs.readFileSync(manifestPath, 'utf8'))
		: { name: 'installed-nodes', private: true };
	manifest.dependencies = { ...(manifest.dependencies ?? {}), [pkg.name]: pkg.version };
	fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	return pkg;
}
