// A hand-made IWebhookFunctions: one delivery (raw bytes + headers) as n8n hands it to webhook().
import type { IDataObject, INode, IWebhookFunctions } from 'n8n-workflow';

export const PRODUCTION_URL = 'http://127.0.0.1:5678/webhook/0b5c9a0e-trigger/webhook';
export const TEST_URL = 'http://127.0.0.1:5678/webhook-test/0b5c9a0e-trigger/webhook';

export const TRIGGER_NODE: INode = {
	id: 'trigger-node-id',
	name: 'TokPortal Trigger',
	type: 'n8n-nodes-tokportal.tokPortalTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

export interface Delivery {
	rawBody: Buffer;
	headers: Record<string, string>;
	staticData: IDataObject;
	parameters: IDataObject;
	/** The URL the request arrived on (test or production); default the production URL. */
	servedUrl?: string;
	/** The workflow's production URL (n8n 2.x's getNodeWebhookUrl inside webhook()). */
	productionUrl?: string;
	/** Simulates n8n not having read the body yet: webhook() must call readRawBody(). */
	rawBodyUnread?: boolean;
}

export interface RecordedResponse {
	status?: number;
	body?: unknown;
	ended: boolean;
}

export interface FakeWebhook {
	context: IWebhookFunctions;
	response: RecordedResponse;
	warnings: string[];
}

export function webhookContext(delivery: Delivery): FakeWebhook {
	const response: RecordedResponse = { ended: false };
	const warnings: string[] = [];
	const request: { rawBody?: Buffer; readRawBody(): Promise<void> } = {
		rawBody: delivery.rawBodyUnread ? undefined : delivery.rawBody,
		async readRawBody() {
			request.rawBody = delivery.rawBody;
		},
	};
	const res = {
		status(code: number) {
			response.status = code;
			return res;
		},
		json(body: unknown) {
			response.body = body;
			response.ended = true;
			return res;
		},
		send(body: unknown) {
			response.body = body;
			response.ended = true;
			return res;
		},
		end() {
			response.ended = true;
			return res;
		},
	};
	const headers = Object.fromEntries(
		Object.entries(delivery.headers).map(([name, value]) => [name.toLowerCase(), value]),
	);
	const noop = () => undefined;
	const context = {
		getNode: () => TRIGGER_NODE,
		getNodeParameter: (name: string, fallback?: unknown) => delivery.parameters[name] ?? fallback,
		getWorkflowStaticData: () => delivery.staticData,
		getNodeWebhookUrl: () => delivery.productionUrl ?? PRODUCTION_URL,
		getWebhookResourceUrl: () => delivery.servedUrl ?? delivery.productionUrl ?? PRODUCTION_URL,
		getRequestObject: () => request,
		getResponseObject: () => res,
		getHeaderData: () => headers,
		// What n8n's JSON body parser yields for these bytes.
		getBodyData: () => JSON.parse(delivery.rawBody.toString('utf8')) as IDataObject,
		logger: { debug: noop, info: noop, error: noop, warn: (message: string) => warnings.push(message) },
		helpers: { returnJsonArray: (items: IDataObject[]) => items.map((json) => ({ json })) },
	};
	return { context: context as unknown as IWebhookFunctions, response, warnings };
}
