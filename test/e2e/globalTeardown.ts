// Runs once after all e2e files: kills any n8n a crashed test file left behind and removes the
// temporary user folders (their logs are copied to .cache/e2e-logs/ by each file's stop()).
// TOKPORTAL_E2E_KEEP=1 keeps the folders for inspection.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { killFromPidFile } from '../../scripts/n8n/n8n-process';

export default async function globalTeardown(): Promise<void> {
	const runDir = process.env.TOKPORTAL_E2E_RUN_DIR;
	if (!runDir || !fs.existsSync(runDir)) return;
	for (const entry of fs.readdirSync(runDir)) {
		const pidFile = path.join(runDir, entry, 'n8n.pid');
		if (fs.existsSync(pidFile)) killFromPidFile(pidFile);
	}
	if (process.env.TOKPORTAL_E2E_KEEP) process.stderr.write(`[e2e] kept n8n user folders in ${runDir}\n`);
	else fs.rmSync(runDir, { recursive: true, force: true });
}
