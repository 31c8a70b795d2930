// One real n8n per test file: start it in beforeAll, stop it in afterAll.
//
//   let n8n: E2eN8n;
//   beforeAll(async () => { n8n = await startN8n('my-feature'); });
//   afterAll(async () => { await n8n?.stop(); });
//
// Everything goes through n8n's own REST API / webhook endpoints, like the editor and TokPortal do.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { N8nClient } from '../../../scripts/n8n/client';
import { N8nInstance, type StartN8nOptions } from '../../../scripts/n8n/instance';
import { cacheDir } from '../../../scripts/n8n/paths';
import type {
	Credential,
	Execution,
	ExecutionSummary,
	PublicationStatus,
	RunResult,
	WorkflowJson,
} from '../../../scripts/n8n/types';
import { CREDENTIAL_TYPE, type TokPortalCredentialData } from '../../../scripts/n8n/workspace';

export type { Credential, Execution, ExecutionSummary, PublicationStatus, RunResult, WorkflowJson };

export interface E2eN8n {
	instance: N8nInstance;
	client: N8nClient;
	/** Editor/REST base, e.g. http://127.0.0.1:40123/ */
	baseUrl: string;
	/** Production webhook base: `${webhookUrl}${path}` reaches a published workflow's trigger. */
	webhookUrl: string;
	/** Test webhook base (the editor's "listen for test event"). */
	webhookTestUrl: string;
	/** Saves the workflow, runs it from its Manual Trigger and returns each node's output items. */
	runWorkflow(workflow: WorkflowJson, options?: { triggerName?: string; timeoutMs?: number }): Promise<RunResult & { workflowId: string }>;
	createWorkflow(workflow: WorkflowJson): Promise<{ id: string }>;
	/** Publishes and waits until the triggers are registered (throws unless status is "published"). */
	activateWorkflow(id: string, options?: { allowFailure?: boolean; timeoutMs?: number }): Promise<PublicationStatus>;
	/** Unpublishes and waits until the triggers are removed. */
	deactivateWorkflow(id: string): Promise<PublicationStatus>;
	listExecutions(workflowId: string): Promise<ExecutionSummary[]>;
	getExecution(id: string): Promise<Execution>;
	/** Waits for `count` finished executions of the workflow (e.g. after calling its webhook). */
	waitForExecutions(workflowId: string, count?: number): Promise<ExecutionSummary[]>;
	createTokPortalCredential(data: TokPortalCredentialData, name?: string): Promise<Credential>;
	/** Stops and starts n8n on the same user folder and ports, like a server restart. */
	restart(): Promise<void>;
	/** n8n log lines that report trouble with n8n-nodes-tokportal. */
	packageProblems(): string[];
	readLog(): string;
	stop(): Promise<void>;
}

function runDir(): string {
	// Set by globalSetup; fall back for a file run with a custom config.
	const dir = process.env.TOKPORTAL_E2E_RUN_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tokportal-e2e-'));
	fs.mkdirSync(dir, { recursive: true });
	return dir;
}

/** Copy of the last run's n8n log per test file, kept after the temp folders are gone. */
function keepLog(label: string, instance: N8nInstance): string {
	const dir = path.join(cacheDir(), 'e2e-logs');
	fs.mkdirSync(dir, { recursive: true });
	const target = path.join(dir, `${label}.log`);
	fs.writeFileSync(target, instance.readLog());
	return target;
}

export async function startN8n(label: string, options: Partial<StartN8nOptions> = {}): Promise<E2eN8n> {
	const userFolder = fs.mkdtempSync(path.join(runDir(), `${label}-`));
	const instance = await N8nInstance.start({ userFolder, ...options });
	const { client } = instance;
	return {
		instance,
		client,
		baseUrl: instance.baseUrl,
		webhookUrl: instance.webhookUrl,
		webhookTestUrl: instance.webhookTestUrl,
		runWorkflow: (workflow, runOptions) => client.runWorkflow(workflow, runOptions),
		createWorkflow: (workflow) => client.createWorkflow(workflow),
		activateWorkflow: (id, activateOptions) => client.activateWorkflow(id, activateOptions),
		deactivateWorkflow: (id) => client.deactivateWorkflow(id),
		listExecutions: (workflowId) => client.listExecutions(workflowId),
		getExecution: (id) => client.getExecution(id),
		waitForExecutions: (workflowId, count) => client.waitForExecutions(workflowId, count),
		createTokPortalCredential: (data, name = `TokPortal ${Date.now()}`) =>
			client.createCredential(name, CREDENTIAL_TYPE, { ...data }),
		restart: () => instance.restart(),
		packageProblems: () => instance.packageProblems(),
		readLog: () => instance.readLog(),
		stop: async () => {
			await instance.stop();
			keepLog(label, instance);
		},
	};
}
