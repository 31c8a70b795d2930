// A hand-made IHookFunctions (also usable as ILoadOptionsFunctions) whose
// helpers.httpRequestWithAuthentication does REAL HTTP with fetch, authenticated by the tokPortalApi
// credential's own `authenticate` — what n8n does for it.
import type {
	IDataObject,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
} from 'n8n-workflow';

import type { FullResponse } from '../harness/credentialAuthentication';
import { sendAuthenticated } from '../harness/credentialAuthentication';
import { TRIGGER_NODE } from './webhookContext';

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

export function hookContext(options: HookOptions): FakeHook {
	const calls: FakeHook['calls'] = [];
	const logs: string[] = [];
	const log = (message: string) => logs.push(message);
	const parameters: IDataObject = { events: options.events, options: options.options ?? {} };
	const credentials = { apiKey: options.apiKey, baseUrl: options.baseUrl };
	const context = {
		getNode: () => TRIGGER_NODE,
		getWorkflow: () => ({ id: 'wf-1', name: options.workflowName ?? 'Order pipeline', active: true }),
		getExecutionId: () => '',
		getMode: () => 'trigger',
		getActivationMode: () => 'activate',
		getNodeWebhookUrl: () => options.webhookUrl,
		getWorkflowStaticData: () => options.staticData,
		getNodeParameter: (name: string, fallback?: unknown) => parameters[name] ?? fallback,
		getCredentials: async () => ({ ...credentials }),
		logger: { debug: log, info: log, warn: log, error: log },
		helpers: {
			async httpRequestWithAuthentication(credentialType: string, request: IHttpRequestOptions) {
				if (credentialType !== 'tokPortalApi') throw new Error(`unexpected credential ${credentialType}`);
				calls.push({ method: request.method ?? 'GET', url: String(request.url) });
				const forward = async () => await sendAuthenticated(credentials, request);
				return options.intercept ? await options.intercept(request, forward) : await forward();
			},
		},
	};
	return { context: context as unknown as FakeHook['context'], calls, logs };
}
