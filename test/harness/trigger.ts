import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { HookContext, WebhookContext } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeParameters,
	IWebhookData,
	IWebhookResponseData,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import type { SimulatorTarget } from './index';
import { buildWorkflow, createAdditionalData } from './runWorkflow';

const TRIGGER_TYPE = 'n8n-nodes-tokportal.tokPortalTrigger';
const TRIGGER_NAME = 'TokPortal Trigger';

export interface TriggerOptions {
	/** The node's webhook id, part of its URLs (n8n gives each trigger node its own). */
	webhookId: string;
	events: string[];
	options?: IDataObject;
	/** n8n's public URL (WEBHOOK_URL), e.g. http://127.0.0.1:5678/; changes model a new tunnel or domain. */
	publicUrl: string;
	/** Caps n8n's HTTP timeout (see TestCredentialsHelper). */
	requestTimeoutMs?: number;
}

/** One execution a delivery started: the items the trigger emitted. */
export interface StartedExecution {
	url: string;
	items: IDataObject[];
}

/** What n8n answered TokPortal for one delivery. */
export interface DeliveryOutcome {
	status: number;
	body: unknown;
	started: boolean;
}

function joinUrl(publicUrl: string, endpoint: string): string {
	return `${publicUrl.replace(/\/+$/, '')}/${endpoint}`;
}

/**
 * A TokPortal Trigger in one n8n instance, driven the way n8n drives it: activation and deactivation
 * call the node's webhook methods through n8n-core's HookContext (checkExists, then create when it
 * answers false; delete), deliveries go through n8n-core's WebhookContext. `savedStaticData` is what
 * n8n keeps in its database between calls; a test can lose it, like a crash before n8n saved it.
 */
export class TriggerInstance {
	savedStaticData: IDataObject = {};

	active = false;

	listeningForTest = false;

	readonly started: StartedExecution[] = [];

	constructor(
		private readonly target: SimulatorTarget,
		private readonly setup: TriggerOptions,
	) {}

	get publicUrl(): string {
		return this.setup.publicUrl;
	}

	/** n8n restarted with another public URL: production webhooks are re-registered on the new one. */
	async changePublicUrl(publicUrl: string): Promise<void> {
		this.setup.publicUrl = publicUrl;
		if (this.active) await this.lifecycle('create', false, 'init');
	}

	private node(): INode {
		return {
			id: `trigger-${this.setup.webhookId}`,
			name: TRIGGER_NAME,
			type: TRIGGER_TYPE,
			typeVersion: 1,
			position: [0, 0],
			webhookId: this.setup.webhookId,
			parameters: { events: this.setup.events, options: (this.setup.options ?? {}) as INodeParameters },
			credentials: { tokPortalApi: { id: '1', name: 'TokPortal account' } },
		};
	}

	private workflow(staticData: IDataObject) {
		return buildWorkflow({ name: 'Orders to Slack', nodes: [this.node()], connections: {}, staticData });
	}

	private additionalData(extra: { httpRequest?: unknown; httpResponse?: unknown } = {}) {
		return createAdditionalData({
			credentials: { tokPortalApi: { apiKey: this.target.apiKey, baseUrl: this.target.baseUrl } },
			webhookBaseUrl: joinUrl(this.setup.publicUrl, 'webhook'),
			webhookTestBaseUrl: joinUrl(this.setup.publicUrl, 'webhook-test'),
			requestTimeoutMs: this.setup.requestTimeoutMs,
			...extra,
		});
	}

	private webhookData(isTest: boolean, additionalData = this.additionalData()): IWebhookData {
		const node = this.node();
		const description = this.workflow({}).nodeTypes.getByNameAndVersion(TRIGGER_TYPE, 1).description.webhooks?.[0];
		if (!description) throw new Error('the TokPortal Trigger declares no webhook');
		return {
			httpMethod: 'POST',
			node: node.name,
			path: `${this.setup.webhookId}/webhook`,
			webhookDescription: description,
			workflowId: 'harness-workflow',
			workflowExecuteAdditionalData: additionalData,
			webhookId: this.setup.webhookId,
			isTest,
		};
	}

	/** The URL n8n serves this trigger on: production (/webhook/…) or test (/webhook-test/…). */
	url(isTest = false): string {
		const base = joinUrl(this.setup.publicUrl, isTest ? 'webhook-test' : 'webhook');
		return NodeHelpers.getNodeWebhookUrl(base, 'harness-workflow', this.node(), 'webhook', false);
	}

	/** The URLs n8n serves right now. */
	servedUrls(): string[] {
		return [...(this.active ? [this.url(false)] : []), ...(this.listeningForTest ? [this.url(true)] : [])];
	}

	/**
	 * n8n's WebhookService: createWebhookIfNotExists (checkExists, then create) or deleteWebhook, on a
	 * workflow loaded with the saved static data, which n8n saves again afterwards.
	 */
	private async lifecycle(method: 'create' | 'delete', isTest: boolean, activation: WorkflowActivateMode): Promise<void> {
		const staticData = JSON.parse(JSON.stringify(this.savedStaticData)) as IDataObject;
		const workflow = this.workflow(staticData);
		const node = workflow.getNode(TRIGGER_NAME) as INode;
		const additionalData = this.additionalData();
		const webhookData = this.webhookData(isTest, additionalData);
		const mode: WorkflowExecuteMode = isTest ? 'manual' : 'trigger';
		const methods = workflow.nodeTypes.getByNameAndVersion(TRIGGER_TYPE, 1).webhookMethods?.default;
		if (!methods?.checkExists || !methods.create || !methods.delete) throw new Error('the TokPortal Trigger has no webhook methods');
		const context = () => new HookContext(workflow, node, additionalData, mode, activation, webhookData);
		try {
			if (method === 'delete') await methods.delete.call(context());
			else if (!(await methods.checkExists.call(context()))) await methods.create.call(context());
		} finally {
			this.savedStaticData = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
		}
	}

	async activate(): Promise<void> {
		await this.lifecycle('create', false, 'activate');
		this.active = true;
	}

	async deactivate(): Promise<void> {
		await this.lifecycle('delete', false, 'update');
		this.active = false;
	}

	/** "Listen for test event": subscribes the test URL until stopListening. */
	async listenForTestEvent(): Promise<void> {
		await this.lifecycle('create', true, 'manual');
		this.listeningForTest = true;
	}

	async stopListening(): Promise<void> {
		await this.lifecycle('delete', true, 'manual');
		this.listeningForTest = false;
	}

	/**
	 * One delivery to one of this trigger's URLs, through the node's webhook() in a WebhookContext.
	 * Static data changed by the call is not saved (n8n 2.40.7 does not save it when the call starts
	 * an execution), so only the node's in-process memory carries over to the next delivery.
	 */
	async deliver(url: string, rawBody: Buffer, headers: Record<string, string>): Promise<DeliveryOutcome> {
		const isTest = url === this.url(true);
		const response: { status?: number; body?: unknown } = {};
		const res = {
			status(code: number) {
				response.status = code;
				return res;
			},
			json(body: unknown) {
				response.body = body;
				return res;
			},
			send(body: unknown) {
				response.body = body;
				return res;
			},
			end() {
				return res;
			},
			setHeader() {
				return res;
			},
		};
		let parsed: unknown;
		try {
			parsed = JSON.parse(rawBody.toString('utf8'));
		} catch {
			parsed = {};
		}
		const req = {
			headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value])),
			body: parsed,
			rawBody,
			params: {},
			query: {},
			readRawBody: async () => undefined,
		};
		const staticData = JSON.parse(JSON.stringify(this.savedStaticData)) as IDataObject;
		const workflow = this.workflow(staticData);
		const node = workflow.getNode(TRIGGER_NAME) as INode;
		const additionalData = this.additionalData({ httpRequest: req, httpResponse: res });
		const context = new WebhookContext(
			workflow,
			node,
			additionalData,
			isTest ? 'manual' : 'webhook',
			this.webhookData(isTest, additionalData),
			[],
			null,
		);
		const nodeType = workflow.nodeTypes.getByNameAndVersion(TRIGGER_TYPE, 1);
		if (!nodeType.webhook) throw new Error('the TokPortal Trigger has no webhook()');
		const result: IWebhookResponseData = await nodeType.webhook.call(context);
		const items = result.workflowData?.[0]?.map((item) => item.json) ?? [];
		if (result.workflowData) this.started.push({ url, items });
		if (result.noWebhookResponse) return { status: response.status ?? 200, body: response.body, started: false };
		return {
			status: 200,
			body: result.webhookResponse ?? { message: 'Workflow was started' },
			started: result.workflowData !== undefined,
		};
	}
}

/**
 * n8n's HTTP front on 127.0.0.1: routes a delivery to the trigger serving its URL, and answers 404
 * for a URL no trigger serves any more (where an orphaned subscription still sends events).
 */
export interface WebhookServer {
	origin: string;
	/** Deliveries that reached a URL nobody serves. */
	readonly unserved: string[];
	serve(trigger: TriggerInstance): void;
	close(): Promise<void>;
}

export async function startWebhookServer(): Promise<WebhookServer> {
	const triggers: TriggerInstance[] = [];
	const unserved: string[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const url = `${origin}${req.url ?? '/'}`;
			const trigger = triggers.find((candidate) => candidate.servedUrls().includes(url));
			if (!trigger) {
				unserved.push(url);
				res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"code":404,"message":"not registered"}');
				return;
			}
			trigger
				.deliver(url, Buffer.concat(chunks), req.headers as Record<string, string>)
				.then((outcome) => {
					res.writeHead(outcome.status, { 'Content-Type': 'application/json' }).end(JSON.stringify(outcome.body ?? {}));
				})
				.catch((error: unknown) => {
					res.writeHead(500, { 'Content-Type': 'application/json' }).end(JSON.stringify({ message: String(error) }));
				});
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		origin,
		unserved,
		serve: (trigger) => triggers.push(trigger),
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}
