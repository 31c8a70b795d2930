// The TokPortal credential applied to a request the way n8n applies it, for the test doubles that
// send requests as a node would (load-options and hook contexts, the credential dialog's test): the
// credential's own `authenticate` and expressions resolved against its values, so a change to the
// credential's authentication breaks these tests as it would break n8n.
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestOptions, INode } from 'n8n-workflow';

import { TokPortalApi } from '../../credentials/TokPortalApi.credentials';
import { TestCredentialsHelper } from './credentialsHelper';
import { buildWorkflow } from './runWorkflow';

export interface FullResponse {
	body: unknown;
	headers: Record<string, string>;
	statusCode: number;
}

const credential = new TokPortalApi();
// Credential expressions are resolved in a workflow's context; which node's does not matter.
const workflow = buildWorkflow({ nodes: [{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', parameters: {} }], connections: {} });
const start = workflow.getNode('Start') as INode;

/** A credential expression (e.g. the test request's `={{ … $credentials.baseUrl … }}`) resolved against `values`. */
export function resolveCredentialExpression(values: ICredentialDataDecryptedObject, expression: string): string {
	return workflow.expression.getSimpleParameterValue(start, expression, 'internal', { $credentials: values }, undefined, '') as string;
}

/** `request` with the credential's `authenticate` applied for `values`, as n8n does before sending it. */
export async function authenticate(
	values: ICredentialDataDecryptedObject,
	request: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const helper = new TestCredentialsHelper({ [credential.name]: credential }, { [credential.name]: values });
	return await helper.authenticate(values, credential.name, request, workflow, start);
}

function withQuery(url: string, qs: IDataObject | undefined): string {
	const target = new URL(url);
	for (const [name, value] of Object.entries(qs ?? {})) {
		if (value === undefined || value === null) continue;
		for (const one of Array.isArray(value) ? value : [value]) target.searchParams.append(name, String(one));
	}
	return target.toString();
}

/**
 * What n8n's `helpers.httpRequestWithAuthentication('tokPortalApi', request)` does, with real HTTP:
 * authenticates the request with the credential's `values`, sends it (JSON body, query) and returns
 * the full response, its body parsed when it is JSON. Only 127.0.0.1 is ever contacted.
 */
export async function sendAuthenticated(
	values: ICredentialDataDecryptedObject,
	request: IHttpRequestOptions,
): Promise<FullResponse> {
	const authenticated = await authenticate(values, request);
	const url = withQuery(String(authenticated.url), authenticated.qs);
	// These tests only ever talk to this machine.
	if (new URL(url).hostname !== '127.0.0.1') {
		throw Object.assign(new Error(`refused: ${url} is not on 127.0.0.1`), { code: 'ECONNREFUSED' });
	}
	const response = await fetch(url, {
		method: authenticated.method ?? 'GET',
		headers: authenticated.headers as Record<string, string>,
		body: authenticated.body === undefined ? undefined : JSON.stringify(authenticated.body),
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
