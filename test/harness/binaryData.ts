import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';

/**
 * Switches this test file's n8n-core to binary data on disk, as a real n8n stores it (filesystem
 * mode): files get an id and are read back as streams. Without it, the engine keeps them in memory
 * (base64 in the item), like n8n's old default mode.
 */
export async function useFilesystemBinaryData(): Promise<string> {
	const dir = mkdtempSync(join(tmpdir(), 'tokportal-binary-'));
	const service = Container.get(BinaryDataService);
	const config = (service as unknown as { config: { localStoragePath: string; mode: string } }).config;
	config.localStoragePath = dir;
	config.mode = 'filesystem';
	await service.init();
	return dir;
}
