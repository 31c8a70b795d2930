// A small typed client for n8n 2.40.7's own REST API (the one the editor uses), authenticated with
// the `n8n-auth` cookie. Routes were read from node_modules/n8n/dist (see scripts/n8n/README.md).
import { parseFlatted } from './flatted';
import type {
	Credential,
	CredentialTestResult,
	Execution,
	ExecutionSummary,
	NodeResult,
	PublicationStatus,
	RunExecutionData,
	RunResult,
	Workflow,
	WorkflowJson,
} from './types';

export class N8nApiError extends Error {
	constructor(
		readonly method: string,
		readonly path: string,
		readonly status: number,
		readonly body: unknown,
	) {
		const message = (body as { message?: string } | null)?.message ?? JSON.stringify(body);
		super(`${method} ${path} → ${status}: ${message}`);
	}
}

export interface Owner {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

/** n8n caps GET /rest/executions at 100 per page. */
const MAX_PAGE = 100;

const TERMINAL: ReadonlySet<string> = new Set(['success', 'error', 'crashed', 'canceled', 'waiting']);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class N8nClient {
	private cookie = '';
	/** n8n binds the auth cookie to this header's hash; it must be the same on every call. */
	private readonly browserId = `tokportal-e2e-${process.pid}`;

	constructor(readonly baseUrl: string) {}

	// ---------------------------------------------------------------- transport

	async request<T>(method: string, path: string, body?: unknown, { unwrap = true } = {}): Promise<T> {
		const response = await fetch(new URL(path, this.baseUrl), {
			method,
			headers: {
				'content-type': 'application/json',
				accept: 'application/json',
				'browser-id': this.browserId,
				...(this.cookie ? { cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		// n8n refreshes the cookie on some answers; keep the newest.
		for (const setCookie of response.headers.getSetCookie()) {
			const match = /^n8n-auth=([^;]*)/.exec(setCookie);
			if (match?.[1]) this.cookie = `n8n-auth=${match[1]}`;
		}
		const text = await response.text();
		let parsed: unknown = text;
		try {
			parsed = text ? JSON.parse(text) : undefined;
		} catch {
			// not JSON (HTML error page); keep the text
		}
		if (!response.ok) throw new N8nApiError(method, path, response.status, parsed);
		// The REST controllers wrap answers as { data }; /types/*.json and a few others do not.
		return (unwrap && parsed && typeof parsed === 'object' && 'data' in parsed ? (parsed as { data: T }).data : parsed) as T;
	}

	get isAuthenticated(): boolean {
		return this.cookie !== '';
	}

	// ---------------------------------------------------------------- instance + users

	/** Unauthenticated; answers 200 only once the REST API (after DB migrations) is up. */
	async settings(): Promise<{ userManagement: { showSetupOnFirstLoad?: boolean } } & Record<string, unknown>> {
		return this.request('GET', '/rest/settings');
	}

	async setupOwner(owner: Owner): Promise<void> {
		await this.request('POST', '/rest/owner/setup', owner);
	}

	async login(email: string, password: string): Promise<void> {
		await this.request('POST', '/rest/login', { emailOrLdapLoginId: email, password });
	}

	/** Owner setup on a fresh user folder, login on a reused one. */
	async ensureOwner(owner: Owner): Promise<'created' | 'logged-in'> {
		const settings = await this.settings();
		if (settings.userManagement.showSetupOnFirstLoad) {
			await this.setupOwner(owner);
			return 'created';
		}
		await this.login(owner.email, owner.password);
		return 'logged-in';
	}

	// ---------------------------------------------------------------- types

	/** Every node type description the editor gets (GET /types/nodes.json). */
	async nodeTypes(): Promise<Array<{ name: string; version: number | number[]; displayName: string } & Record<string, unknown>>> {
		return this.request('GET', '/types/nodes.json', undefined, { unwrap: false });
	}

	/** Every credential type description the editor gets (GET /types/credentials.json). */
	async credentialTypes(): Promise<Array<{ name: string; displayName: string } & Record<string, unknown>>> {
		return this.request('GET', '/types/credentials.json', undefined, { unwrap: false });
	}

	/** One node type's full description, as the editor loads it when a node is opened. */
	async nodeTypeDescription(name: string, version: number): Promise<Record<string, unknown> | undefined> {
		const [description] = await this.request<Array<Record<string, unknown>>>('POST', '/rest/node-types', {
			nodeInfos: [{ name, version }],
		});
		return description;
	}

	// ---------------------------------------------------------------- credentials

	async createCredential(name: string, type: string, data: Record<string, unknown>): Promise<Credential> {
		return this.request('POST', '/rest/credentials', { name, type, data });
	}

	async listCredentials(): Promise<Credential[]> {
		return this.request('GET', '/rest/credentials');
	}

	async updateCredential(id: string, name: string, type: string, data: Record<string, unknown>): Promise<Credential> {
		return this.request('PATCH', `/rest/credentials/${id}`, { name, type, data });
	}

	async deleteCredential(id: string): Promise<void> {
		await this.request('DELETE', `/rest/credentials/${id}`);
	}

	/** The stored credential; with `includeData`, its data as the editor's dialog gets it (secrets redacted). */
	async getCredential(id: string, { includeData = false } = {}): Promise<Credential & { data?: Record<string, unknown> }> {
		return this.request('GET', `/rest/credentials/${id}${includeData ? '?includeData=true' : ''}`);
	}

	/**
	 * The editor's "Test" button: the stored credential's id plus the dialog's current values.
	 * n8n tests exactly the `data` sent (redacted secrets are swapped back for the stored ones), so
	 * without `data` we send what the dialog would show for the saved credential.
	 */
	async testCredential(credential: Credential, data?: Record<string, unknown>): Promise<CredentialTestResult> {
		const values = data ?? (await this.getCredential(credential.id, { includeData: true })).data ?? {};
		return this.request('POST', '/rest/credentials/test', {
			credentials: { id: credential.id, name: credential.name, type: credential.type, data: values },
		});
	}

	// ---------------------------------------------------------------- workflows

	async createWorkflow(workflow: WorkflowJson): Promise<Workflow> {
		// Exports carry ids/state of their origin instance; n8n assigns its own.
		const { id: _id, active: _active, versionId: _versionId, activeVersionId: _activeVersionId, ...body } = workflow;
		return this.request('POST', '/rest/workflows', { settings: {}, ...body });
	}

	async getWorkflow(id: string): Promise<Workflow> {
		return this.request('GET', `/rest/workflows/${id}`);
	}

	async listWorkflows(): Promise<Workflow[]> {
		return this.request('GET', '/rest/workflows');
	}

	async archiveWorkflow(id: string): Promise<void> {
		await this.request('POST', `/rest/workflows/${id}/archive`, {});
	}

	async deleteWorkflow(id: string): Promise<void> {
		// n8n 2.x only deletes archived workflows.
		await this.archiveWorkflow(id).catch(() => undefined);
		await this.request('DELETE', `/rest/workflows/${id}`);
	}

	async publicationStatus(id: string): Promise<PublicationStatus> {
		return this.request('GET', `/rest/workflows/${id}/publication-status`);
	}

	/**
	 * Publishes (activates) the workflow's current version, as the editor's "Publish" button does,
	 * and waits until n8n has actually registered its triggers: in 2.x activation goes through an
	 * outbox and the HTTP answer comes before the trigger's `webhookCreate` ran.
	 */
	async activateWorkflow(id: string, { timeoutMs = 60_000, allowFailure = false } = {}): Promise<PublicationStatus> {
		const workflow = await this.getWorkflow(id);
		await this.request('POST', `/rest/workflows/${id}/activate`, { versionId: workflow.versionId });
		const status = await this.waitForPublication(id, (s) => s.status !== 'in_progress' && s.status !== 'not_published', timeoutMs);
		if (!allowFailure && status.status !== 'published') {
			const errors = status.triggers.map((t) => t.errorMessage).filter(Boolean).join('; ');
			throw new Error(`workflow ${id} did not publish (${status.status}): ${errors}`);
		}
		return status;
	}

	/** Unpublishes and waits until n8n has removed the triggers (the trigger's `webhookDelete` ran). */
	async deactivateWorkflow(id: string, { timeoutMs = 60_000 } = {}): Promise<PublicationStatus> {
		await this.request('POST', `/rest/workflows/${id}/deactivate`, {});
		return this.waitForPublication(id, (s) => s.status === 'not_published', timeoutMs);
	}

	private async waitForPublication(
		id: string,
		done: (status: PublicationStatus) => boolean,
		timeoutMs: number,
	): Promise<PublicationStatus> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const status = await this.publicationStatus(id);
			if (done(status)) return status;
			if (Date.now() > deadline) throw new Error(`workflow ${id}: publication still ${JSON.stringify(status)} after ${timeoutMs} ms`);
			await sleep(250);
		}
	}

	// ---------------------------------------------------------------- executions

	/**
	 * Starts a saved workflow like the editor's "Execute workflow" button, from the given trigger
	 * (a Manual Trigger, or any trigger with pinned data). Resolves with the execution id.
	 */
	async startManualRun(workflowId: string, triggerName: string): Promise<string> {
		const result = await this.request<{ executionId?: string; waitingForWebhook?: boolean }>(
			'POST',
			`/rest/workflows/${workflowId}/run`,
			{ triggerToStartFrom: { name: triggerName } },
		);
		if (!result.executionId) {
			throw new Error(
				`workflow ${workflowId} did not start from "${triggerName}"${result.waitingForWebhook ? ': it waits for a test webhook call (pin data on the trigger or use a Manual Trigger)' : ''}`,
			);
		}
		return result.executionId;
	}

	/**
	 * Newest first. n8n answers at most 100 per page; beyond that the id range is paged through
	 * (firstId + lastId select n8n's id-ordered range query).
	 */
	async listExecutions(workflowId?: string, limit = 100): Promise<ExecutionSummary[]> {
		const page = async (size: number, lastId?: string) => {
			const query = new URLSearchParams({ limit: String(size) });
			if (workflowId) query.set('filter', JSON.stringify({ workflowId }));
			if (lastId) {
				query.set('firstId', '0');
				query.set('lastId', lastId);
			}
			return (await this.request<{ results: ExecutionSummary[] }>('GET', `/rest/executions?${query}`)).results;
		};
		if (limit <= MAX_PAGE) return page(limit);
		const all: ExecutionSummary[] = [];
		// The largest id a 32-bit serial column (PostgreSQL) accepts in the comparison.
		let lastId = '2147483647';
		while (all.length < limit) {
			const results = await page(Math.min(MAX_PAGE, limit - all.length), lastId);
			all.push(...results);
			if (results.length < MAX_PAGE) break;
			lastId = results.reduce((min, e) => (Number(e.id) < Number(min) ? e.id : min), results[0]!.id);
		}
		return all;
	}

	async getExecution(id: string): Promise<Execution> {
		const raw = await this.request<Omit<Execution, 'data'> & { data: string }>('GET', `/rest/executions/${id}`);
		const { data: flat, ...rest } = raw;
		// A running execution has no data yet ("[]"); give callers a stable, empty shape.
		const parsed = parseFlatted(flat) as RunExecutionData | undefined;
		return { ...rest, data: parsed?.resultData ? parsed : { resultData: { runData: {} } } } as Execution;
	}

	async waitForExecution(id: string, { timeoutMs = 120_000 } = {}): Promise<Execution> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			try {
				const execution = await this.getExecution(id);
				if (TERMINAL.has(execution.status)) return execution;
			} catch (error) {
				// The row appears a moment after the run starts.
				if (!(error instanceof N8nApiError && error.status === 404)) throw error;
			}
			if (Date.now() > deadline) throw new Error(`execution ${id} did not finish within ${timeoutMs} ms`);
			await sleep(200);
		}
	}

	/** Waits until the workflow has at least `count` executions (e.g. after a webhook call). */
	async waitForExecutions(workflowId: string, count = 1, { timeoutMs = 60_000 } = {}): Promise<ExecutionSummary[]> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const executions = (await this.listExecutions(workflowId)).filter((e) => TERMINAL.has(e.status));
			if (executions.length >= count) return executions;
			if (Date.now() > deadline) throw new Error(`workflow ${workflowId}: ${executions.length}/${count} finished executions after ${timeoutMs} ms`);
			await sleep(250);
		}
	}

	/**
	 * Saves the workflow, runs it from its Manual Trigger (or `triggerName`), waits for the end and
	 * returns each node's output items. The workflow is kept so its execution can be inspected.
	 */
	async runWorkflow(workflow: WorkflowJson, { triggerName, timeoutMs }: { triggerName?: string; timeoutMs?: number } = {}): Promise<RunResult & { workflowId: string }> {
		const trigger = triggerName ?? workflow.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger')?.name;
		if (!trigger) throw new Error(`workflow "${workflow.name}" has no Manual Trigger; pass triggerName`);
		const saved = await this.createWorkflow(workflow);
		const executionId = await this.startManualRun(saved.id, trigger);
		const execution = await this.waitForExecution(executionId, { timeoutMs });
		return { workflowId: saved.id, ...toRunResult(execution) };
	}
}

export function toRunResult(execution: Execution): RunResult {
	const nodes: Record<string, NodeResult> = {};
	for (const [name, runs] of Object.entries(execution.data.resultData.runData ?? {})) {
		const last = runs[runs.length - 1];
		const outputs = (last?.data?.main ?? []).map((items) => items ?? []);
		const items = outputs[0] ?? [];
		nodes[name] = { outputs, items, json: items.map((item) => item.json), error: last?.error, runs };
	}
	return {
		executionId: execution.id,
		status: execution.status,
		error: execution.data.resultData.error,
		nodes,
		execution,
	};
}
