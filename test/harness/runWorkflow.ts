import { randomUUID } from 'node:crypto';

import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialType,
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRun,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { TokPortalApi } from '../../credentials/TokPortalApi.credentials';
import { TestCredentialsHelper } from './credentialsHelper';
import type { CredentialValues } from './credentialsHelper';
import { TransportProbe } from './probeNode';
import { ItemsStub, ManualTriggerStub } from './stubNodes';

/** The package's node types, under the names n8n gives a community package's nodes. */
const packageNodes: Record<string, () => INodeType | IVersionedNodeType> = {
	'n8n-nodes-tokportal.tokPortal': () => {
		// Explicit extension: outside jest (tsx scripts), Node's resolver would pick the codex file
		// TokPortal.node.json over TokPortal.node.ts.
		const { TokPortal } = require('../../nodes/TokPortal/TokPortal.node.ts') as typeof import('../../nodes/TokPortal/TokPortal.node');
		return new TokPortal();
	},
	'n8n-nodes-tokportal.tokPortalTrigger': () => {
		const { TokPortalTrigger } = require('../../nodes/TokPortalTrigger/TokPortalTrigger.node.ts') as typeof import('../../nodes/TokPortalTrigger/TokPortalTrigger.node');
		return new TokPortalTrigger();
	},
};

const credentialTypes: Record<string, ICredentialType> = { tokPortalApi: new TokPortalApi() };

type NodeTypeFactories = Record<string, () => INodeType | IVersionedNodeType>;

class HarnessNodeTypes implements INodeTypes {
	private readonly cache = new Map<string, INodeType | IVersionedNodeType>();

	constructor(private readonly extra: NodeTypeFactories = {}) {}

	private readonly builtIns: Record<string, () => INodeType> = {
		'n8n-nodes-base.manualTrigger': () => new ManualTriggerStub(),
		'harness.items': () => new ItemsStub(),
		'harness.transportProbe': () => new TransportProbe(),
	};

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		let type = this.cache.get(nodeType);
		if (!type) {
			const create = this.builtIns[nodeType] ?? packageNodes[nodeType] ?? this.extra[nodeType];
			if (!create) throw new Error(`Unknown node type ${nodeType}`);
			type = create();
			this.cache.set(nodeType, type);
		}
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		const type = this.getByName(nodeType);
		return 'nodeVersions' in type ? type.getNodeType(version) : type;
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}

export interface WorkflowDefinition {
	name?: string;
	nodes: Array<Omit<INode, 'id' | 'typeVersion' | 'position'> & Partial<INode>>;
	connections: IConnections;
	staticData?: IDataObject;
	/** Node types beyond the package's and the harness stubs (e.g. n8n's HTTP Request node for benchmarks). */
	nodeTypes?: NodeTypeFactories;
}

export interface RunResult {
	run: IRun;
	executionId: string;
	/** The items a node produced on its last run (main output 0 unless given). */
	output(nodeName: string, outputIndex?: number): INodeExecutionData[];
	/** The error a node failed with on its last run, if any. */
	nodeError(nodeName: string): Error | undefined;
	/** How often nodes read a credential during the run. */
	credentialReads: number;
	/**
	 * The workflow's static data as n8n saves it after a production (non-manual) run — a JSON copy,
	 * as the database keeps it — or undefined when the run changed nothing (n8n then saves nothing).
	 * Pass it as `staticData` to the next run to chain executions like an active workflow does.
	 */
	savedStaticData?: IDataObject;
}

export interface RunOptions {
	credentials: CredentialValues;
	executionId?: string;
	mode?: WorkflowExecuteMode;
	/** Caps n8n's HTTP timeout for every request (see TestCredentialsHelper). */
	requestTimeoutMs?: number;
}

export interface AdditionalDataOptions {
	credentials: CredentialValues;
	executionId?: string;
	hooks?: ExecutionLifecycleHooks;
	requestTimeoutMs?: number;
	/** n8n's public webhook base URLs (WEBHOOK_URL + /webhook/ and /webhook-test/). */
	webhookBaseUrl?: string;
	webhookTestBaseUrl?: string;
	/** The incoming request and response of a webhook call (WebhookContext reads them). */
	httpRequest?: unknown;
	httpResponse?: unknown;
}

/** Chains nodes left to right: `[a, b, c]` → a → b → c on main output 0. */
export function chain(...names: string[]): IConnections {
	const connections: IConnections = {};
	for (let i = 0; i < names.length - 1; i++) {
		connections[names[i]] = { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] };
	}
	return connections;
}

export function buildWorkflow(definition: WorkflowDefinition): Workflow {
	const nodes: INode[] = definition.nodes.map((node, index) => ({
		id: node.id ?? `node-${index}`,
		typeVersion: node.typeVersion ?? 1,
		position: node.position ?? [index * 200, 0],
		...node,
	})) as INode[];
	return new Workflow({
		id: 'harness-workflow',
		name: definition.name ?? 'Harness workflow',
		nodes,
		connections: definition.connections,
		active: false,
		nodeTypes: new HarnessNodeTypes(definition.nodeTypes),
		staticData: definition.staticData,
		settings: { executionOrder: 'v1' },
	});
}

/** What n8n hands the engine and every node context of one execution (or one webhook/lifecycle call). */
export function createAdditionalData(options: AdditionalDataOptions): IWorkflowExecuteAdditionalData {
	// Only what WorkflowExecute and the node contexts read; everything else stays undefined so the
	// engine never tries to decrypt runner identities or route through an SSRF bridge.
	return {
		credentialsHelper: new TestCredentialsHelper(credentialTypes, options.credentials, options.requestTimeoutMs),
		hooks: options.hooks,
		executionId: options.executionId,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		formBaseUrl: 'http://127.0.0.1/form',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1/form-test',
		webhookBaseUrl: options.webhookBaseUrl ?? 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: options.webhookTestBaseUrl ?? 'http://127.0.0.1/webhook-test',
		httpRequest: options.httpRequest,
		httpResponse: options.httpResponse,
		mcpBaseUrl: 'http://127.0.0.1/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1/mcp-test',
		variables: {},
		logAiEvent: () => undefined,
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not supported by the harness');
		},
		startRunnerTask: async () => {
			throw new Error('Code runners are not supported by the harness');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

/**
 * Runs a workflow through n8n-core's real execution engine (WorkflowExecute) with this package's
 * nodes and credentials: HTTP goes out for real, so point the credential at the simulator.
 */
export async function runWorkflow(definition: WorkflowDefinition, options: RunOptions): Promise<RunResult> {
	const workflow = buildWorkflow(definition);
	const executionId = options.executionId ?? randomUUID();
	const mode = options.mode ?? 'manual';
	const workflowData = {
		id: workflow.id,
		name: workflow.name,
		nodes: Object.values(workflow.nodes),
		connections: workflow.connectionsBySourceNode,
		active: false,
		settings: workflow.settings,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as unknown as IWorkflowBase;

	const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
	let resolveRun: (run: IRun) => void = () => undefined;
	const finished = new Promise<IRun>((resolve) => {
		resolveRun = resolve;
	});
	let savedStaticData: IDataObject | undefined;
	// n8n-core hands over the static data only when a node changed it (its __dataChanged flag).
	hooks.addHandler('workflowExecuteAfter', (fullRunData: IRun, newStaticData?: IDataObject) => {
		if (newStaticData) savedStaticData = JSON.parse(JSON.stringify(newStaticData)) as IDataObject;
		resolveRun(fullRunData);
	});

	const additionalData = createAdditionalData({
		credentials: options.credentials,
		executionId,
		hooks,
		requestTimeoutMs: options.requestTimeoutMs,
	});

	const startNode = Object.values(workflow.nodes).find(
		(node) => node.type === 'n8n-nodes-base.manualTrigger',
	);
	const engine = new WorkflowExecute(additionalData, mode);
	await engine.run({ workflow, startNode });
	const run = await finished;

	const lastRun = (nodeName: string) => {
		const runs = run.data.resultData.runData[nodeName];
		return runs?.[runs.length - 1];
	};
	return {
		run,
		executionId,
		credentialReads: (additionalData.credentialsHelper as TestCredentialsHelper).reads,
		savedStaticData,
		output(nodeName, outputIndex = 0) {
			const task = lastRun(nodeName);
			if (!task) throw new Error(`Node "${nodeName}" did not run`);
			return task.data?.main?.[outputIndex] ?? [];
		},
		nodeError(nodeName) {
			return lastRun(nodeName)?.error;
		},
	};
}
