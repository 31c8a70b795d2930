// Prepares an n8n instance for TokPortal work: one TokPortal credential, and the example workflows
// wired to it. Used by `npm run dev`; tests can use it too.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { N8nClient } from './client';
import { PACKAGE_NAME, REPO_ROOT } from './paths';
import type { Credential, WorkflowJson } from './types';

export const CREDENTIAL_TYPE = 'tokPortalApi';

export interface TokPortalCredentialData {
	apiKey: string;
	baseUrl: string;
}

/** Creates the credential, or updates the same-named one (e.g. the simulator's port changed). */
export async function ensureTokPortalCredential(
	client: N8nClient,
	name: string,
	data: TokPortalCredentialData,
): Promise<{ credential: Credential; action: 'created' | 'updated' }> {
	const existing = (await client.listCredentials()).find((c) => c.name === name && c.type === CREDENTIAL_TYPE);
	if (existing) {
		return { credential: await client.updateCredential(existing.id, name, CREDENTIAL_TYPE, { ...data }), action: 'updated' };
	}
	return { credential: await client.createCredential(name, CREDENTIAL_TYPE, { ...data }), action: 'created' };
}

/**
 * Points every TokPortal credential reference at `credential`. Example files carry the ids of the
 * instance they were exported from; nodes of our package without a reference get one, so the
 * imported workflow runs without opening each node.
 */
export function useCredential(workflow: WorkflowJson, credential: Credential): WorkflowJson {
	const ref = { id: credential.id, name: credential.name };
	return {
		...workflow,
		nodes: workflow.nodes.map((node) => {
			const ours = node.type.startsWith(`${PACKAGE_NAME}.`);
			if (!ours && !node.credentials?.[CREDENTIAL_TYPE]) return node;
			return { ...node, credentials: { ...(node.credentials ?? {}), [CREDENTIAL_TYPE]: ref } };
		}),
	};
}

export function readExamples(dir = path.join(REPO_ROOT, 'examples')): Array<{ file: string; workflow: WorkflowJson }> {
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => ({ file, workflow: JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as WorkflowJson }));
}

export interface ImportedExample {
	file: string;
	name: string;
	id: string;
	action: 'imported' | 'kept';
}

/** Imports each example once; an existing workflow of the same name is kept (it may hold user edits). */
export async function importExamples(client: N8nClient, credential: Credential, dir?: string): Promise<ImportedExample[]> {
	const existing = await client.listWorkflows();
	const results: ImportedExample[] = [];
	for (const { file, workflow } of readExamples(dir)) {
		const same = existing.find((w) => w.name === workflow.name);
		if (same) {
			results.push({ file, name: workflow.name, id: same.id, action: 'kept' });
			continue;
		}
		const created = await client.createWorkflow(useCredential(workflow, credential));
		results.push({ file, name: created.name, id: created.id, action: 'imported' });
	}
	return results;
}
