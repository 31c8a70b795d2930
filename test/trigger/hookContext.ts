// A hand-made IHookFunctions (also usable as ILoadOptionsFunctions) whose
// helpers.httpRequestWithAuthentication does REAL HTTP with fetch, applying the credential's
// X-API-Key header itself — what the tokPortalApi credential's authenticate does in n8n.
import type {
	IDataObject,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
} from 'n8n-workflow';

import { TRIGGER_NODE } from './webhookContext';

export interface FullResponse {
	body: unknown;
	headers: Record<string, string>;
	statusCode: number;
}

export interface HookOptions {
	baseUrl: string;
	apiKey: string;
	/** What n8n's getNodeWebhookUrl('default') returns: a test or a production URL. */
	webhookUrl: string;
	/** The node's static data; the caller keeps it to play n8n persisting (or losing) it. */
	staticData: IDataObject;
	events: string[];
	options?: IDataObject;
	workflowName?: string;
	/** Replaces the network for one request, e.g. to alter a response; `forward` does the real call. */
	intercept?: (request: IHttpRequestOptions, forward: () => Promise<FullResponse>) => Promise<FullResponse>;
}

export interface FakeHook {
	context: IHookFunctions & ILoadOptionsFunctions;
	/** Every request the node made: method and URL. */
	calls: Array<{ method: string; url: string }>;
	logs: string[];
}

function withQuery(url: string, qs: IDataObject | undefined): string {
	const target = new URL(url);
	for (const [name, value] of Object.entries(qs ?? {})) {
		if (value === undefined || value === null) continue;
		for (const one of Array.isArray(value) ? value : [value]) target.searchParams.append(name, String(one));
	}
	return target.toString();
}

async function send(request: IHttpRequestOptions, apiKey: string): Promise<FullResponse> {
	const url = withQuery(String(request.url), request.qs);
	// These tests only ever talk to this machine.
	if (new URL(url).hostname !== '127.0.0.1') {
		throw Object.assign(new Error(`refused: ${url} is not on 127.0.0.1`), { code: 'ECONNREFUSED' });
	}
	const response = await fetch(url, {
		method: request.method ?? 'GET',
		headers: { ...(request.headers as Record<string, string>), 'X-API-Key': apiKey },
		body: request.body === undefined ? undefined : JSON.stringify(request.body),
	});
	const text = await response.text();
	let body: unknown = text;
	try {
		body = text ? JSON.parse(text) : undefined;
	} catch {
		// Not JSON: keep the text, as n8n would.
	}
	return { body, headers: Object.fromEntries(response.headers), statusCode: response.status };
}

export function hookContext(options: HookOptions): FakeHook {
	const calls: FakeHook['calls'] = [];
	const logs: string[] = [];
	const log = (message: string) => logs.push(message);
	const parameters: IDataObject = { events: options.events, options: options.options ?? {} };
	const context = {
		getNode: () => TRIGGER_NODE,
		getWorkflow: () => ({ id: 'wf-1', name: options.workflowName ?? 'Order pipeline', active: true }),
		getExecutionId: () => '',
		getMode: () => 'trigger',
		getActivationMode: () => 'activate',
		getNodeWebhookUrl: () => options.webhookUrl,
		getWorkflowStaticData: () => options.staticData,
		getNodeParameter: (name: string, fallback?: unknown) => parameters[name] ?? fallback,
		getCredentials: async () => ({ apiKey: options.apiKey, baseUrl: options.baseUrl }),
		logger: { debug: log, info: log, warn: log, error: log },
		helpers: {
			async httpRequestWithAuthentication(credentialType: string, request: IHttpRequestOptions) {
				if (credentialType !== 'tokPortalApi') throw new Error(`unexpected credential ${credentialType}`);
				calls.push({ method: request.method ?? 'GET', url: String(request.url) });
				const forward = async () => await send(request, options.apiKey);
				return options.intercept ? await options.intercept(request, forward) : await forward();
			},
		},
	};
	return { context: context as unknown as FakeHook['context'], calls, logs };
}
