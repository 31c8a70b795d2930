// The slices of n8n 2.40.7's REST shapes we use (see scripts/n8n/README.md for where they come from).

export interface WorkflowNode {
	id?: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string | null; name: string }>;
	webhookId?: string;
	disabled?: boolean;
	[key: string]: unknown;
}

/** What an exported workflow file / the editor's "Download" contains. */
export interface WorkflowJson {
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	pinData?: Record<string, Array<{ json: Record<string, unknown> }>>;
	[key: string]: unknown;
}

export interface Workflow extends WorkflowJson {
	id: string;
	versionId: string;
	activeVersionId: string | null;
	active: boolean;
}

export interface Credential {
	id: string;
	name: string;
	type: string;
}

/** Answer of POST /rest/credentials/test — what the editor's "Test" button shows. */
export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/** GET /rest/workflows/:id/publication-status (n8n 2.x publishes triggers asynchronously). */
export interface PublicationStatus {
	status: 'in_progress' | 'not_published' | 'published' | 'partial' | 'failed';
	liveVersionId: string | null;
	pendingVersionId: string | null;
	triggers: Array<{ nodeId: string; status: string; errorMessage: string | null }>;
}

export type ExecutionStatus = 'new' | 'running' | 'success' | 'error' | 'crashed' | 'canceled' | 'waiting' | 'unknown';

export interface ExecutionSummary {
	id: string;
	workflowId: string;
	mode: string;
	status: ExecutionStatus;
	finished: boolean;
	startedAt: string | null;
	stoppedAt: string | null;
	[key: string]: unknown;
}

export interface NodeExecutionItem {
	json: Record<string, unknown>;
	binary?: Record<string, unknown>;
	pairedItem?: unknown;
	error?: unknown;
}

export interface ExecutionError {
	message: string;
	description?: string | null;
	httpCode?: string | null;
	node?: { name: string; type: string };
	[key: string]: unknown;
}

export interface NodeRun {
	startTime: number;
	executionTime: number;
	executionStatus?: string;
	data?: Record<string, Array<NodeExecutionItem[] | null>>;
	error?: ExecutionError;
	[key: string]: unknown;
}

/** The run data n8n stores per execution (n8n-workflow's IRunExecutionData, the parts we read). */
export interface RunExecutionData {
	resultData: {
		runData: Record<string, NodeRun[]>;
		error?: ExecutionError;
		lastNodeExecuted?: string;
	};
	[key: string]: unknown;
}

export interface Execution extends ExecutionSummary {
	data: RunExecutionData;
	workflowData: WorkflowJson;
}

/** Per-node view of a finished run: what tests assert on. */
export interface NodeResult {
	/** Items of the node's last run, per output (main[0], main[1], ...). */
	outputs: NodeExecutionItem[][];
	/** Items on the first output of the last run. */
	items: NodeExecutionItem[];
	/** `items.map(i => i.json)`. */
	json: Array<Record<string, unknown>>;
	error?: ExecutionError;
	runs: NodeRun[];
}

export interface RunResult {
	executionId: string;
	status: ExecutionStatus;
	/** The workflow-level error, if the run failed. */
	error?: ExecutionError;
	nodes: Record<string, NodeResult>;
	execution: Execution;
}
