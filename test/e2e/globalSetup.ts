// Runs once before all e2e files: installs/reuses the pinned n8n, builds dist/ so n8n loads the
// current sources, and creates the folder every test file's n8n user folder goes into.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { killFromPidFile } from '../../scripts/n8n/n8n-process';
import { node24Env } from '../../scripts/n8n/node24env';
import { REPO_ROOT } from '../../scripts/n8n/paths';
import { provisionN8n } from '../../scripts/n8n/provision';
import { run } from '../../scripts/n8n/run';

const RUN_PREFIX = 'tokportal-e2e-';

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** A run interrupted with Ctrl-C never reaches globalTeardown: clean up after it now. */
function cleanUpAbandonedRuns(): void {
	for (const entry of fs.readdirSync(os.tmpdir())) {
		const dir = path.join(os.tmpdir(), entry);
		if (!entry.startsWith(RUN_PREFIX) || !fs.statSync(dir).isDirectory()) continue;
		const ownerFile = path.join(dir, 'owner.pid');
		const owner = fs.existsSync(ownerFile) ? Number(fs.readFileSync(ownerFile, 'utf8')) : 0;
		if (owner && alive(owner)) continue; // another e2e run in progress
		for (const sub of fs.readdirSync(dir)) killFromPidFile(path.join(dir, sub, 'n8n.pid'));
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

export default async function globalSetup(): Promise<void> {
	process.stderr.write('\n');
	try {
		cleanUpAbandonedRuns();
	} catch {
		// best effort
	}
	await provisionN8n();
	// TOKPORTAL_E2E_SKIP_BUILD=1 when the caller just built (e.g. a CI script running build first).
	if (!process.env.TOKPORTAL_E2E_SKIP_BUILD) {
		process.stderr.write('[e2e] npm run build\n');
		await run('npm', ['run', 'build'], { cwd: REPO_ROOT, env: node24Env(), label: 'build', quiet: true });
	}
	// Workers inherit this environment; globalTeardown kills leftovers and removes the folder.
	const runDir = fs.mkdtempSync(path.join(os.tmpdir(), RUN_PREFIX));
	fs.writeFileSync(path.join(runDir, 'owner.pid'), String(process.pid));
	process.env.TOKPORTAL_E2E_RUN_DIR = runDir;
}
