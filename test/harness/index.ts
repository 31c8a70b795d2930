import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { RunResult } from './runWorkflow';
import { chain, runWorkflow } from './runWorkflow';
import type { StubFile } from './stubNodes';

export { buildWorkflow, chain, createAdditionalData, runWorkflow } from './runWorkflow';
export type { AdditionalDataOptions, RunResult, WorkflowDefinition } from './runWorkflow';

export interface SimulatorTarget {
	baseUrl: string;
	apiKey: string;
}

export interface RunNodeOptions {
	/** The TokPortal node's parameters (resource, operation, fields…). */
	parameters: INodeParameters;
	/** Input items for the TokPortal node; default one empty item. */
	items?: IDataObject[];
	/** Files of the input items (by index): binary field name → bytes, name, type. */
	binary?: Array<Record<string, { data: Buffer; fileName?: string; mimeType?: string }> | null>;
	continueOnFail?: boolean;
	retryOnFail?: { maxTries: number; waitBetweenTries?: number };
	executionId?: string;
	/** Override the credential (e.g. a wrong key). */
	apiKey?: string;
	/** Override the credential's Base URL (e.g. a hostile or unreachable one). */
	baseUrl?: string;
	/** Caps n8n's HTTP timeout, so a server that never answers is given up on quickly. */
	requestTimeoutMs?: number;
	/** The workflow's static data at the start (e.g. `savedStaticData` of the previous run). */
	staticData?: IDataObject;
}

export interface NodeRun {
	result: RunResult;
	/** The TokPortal node's output items. */
	items: INodeExecutionData[];
	/** The TokPortal node's error, when it failed (and Continue On Fail was off). */
	error?: Error & { description?: string | null; context?: IDataObject };
}

function stubFiles(binary: RunNodeOptions['binary']): Array<Record<string, StubFile> | null> {
	return (binary ?? []).map((fields) =>
		fields === null
			? null
			: Object.fromEntries(
					Object.entries(fields).map(([name, file]) => [name, { base64: file.data.toString('base64'), fileName: file.fileName, mimeType: file.mimeType }]),
				),
	);
}

/** Runs Manual Trigger → Items → TokPortal through n8n-core against a TokPortal (simulator) URL. */
export async function runTokPortalNode(target: SimulatorTarget, options: RunNodeOptions): Promise<NodeRun> {
	const result = await runWorkflow(
		{
			nodes: [
				{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', parameters: {} },
				{
					name: 'Items',
					type: 'harness.items',
					parameters: { items: JSON.stringify(options.items ?? [{}]), binary: JSON.stringify(stubFiles(options.binary)) },
				},
				{
					name: 'TokPortal',
					type: 'n8n-nodes-tokportal.tokPortal',
					parameters: options.parameters,
					credentials: { tokPortalApi: { id: '1', name: 'TokPortal account' } },
					onError: options.continueOnFail ? 'continueRegularOutput' : 'stopWorkflow',
					retryOnFail: options.retryOnFail !== undefined,
					maxTries: options.retryOnFail?.maxTries,
					waitBetweenTries: options.retryOnFail?.waitBetweenTries ?? 0,
				},
			],
			connections: chain('Start', 'Items', 'TokPortal'),
			staticData: options.staticData,
		},
		{
			credentials: {
				tokPortalApi: { apiKey: options.apiKey ?? target.apiKey, baseUrl: options.baseUrl ?? target.baseUrl },
			},
			executionId: options.executionId,
			requestTimeoutMs: options.requestTimeoutMs,
		},
	);
	const error = result.nodeError('TokPortal') as NodeRun['error'];
	return { result, items: error ? [] : result.output('TokPortal'), error };
}
export { useFilesystemBinaryData } from './binaryData';
