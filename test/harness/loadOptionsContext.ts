import type { IHttpRequestOptions, ILoadOptionsFunctions, INode } from 'n8n-workflow';

import { sendAuthenticated } from './credentialAuthentication';

/**
 * A load-options context (what n8n gives a dropdown or list search) whose HTTP helper really calls
 * the given TokPortal URL, authenticated by the credential's own `authenticate` as n8n does.
 */
export function loadOptionsContext(
	target: { baseUrl: string; apiKey: string },
	/** The node's current parameters (what getCurrentNodeParameter reads), e.g. the chosen bundle. */
	parameters: Record<string, unknown> = {},
): ILoadOptionsFunctions {
	const node: INode = {
		id: 'node-1',
		name: 'TokPortal',
		type: 'n8n-nodes-tokportal.tokPortal',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const credentials = { apiKey: target.apiKey, baseUrl: target.baseUrl };
	return {
		getNode: () => node,
		getCurrentNodeParameter: (name: string, options?: { extractValue?: boolean }) => {
			const value = parameters[name];
			if (options?.extractValue && value !== null && typeof value === 'object' && 'value' in value) return (value as { value: unknown }).value;
			return value;
		},
		getCredentials: async () => ({ ...credentials }),
		helpers: {
			async httpRequestWithAuthentication(credentialType: string, request: IHttpRequestOptions) {
				if (credentialType !== 'tokPortalApi') throw new Error(`unexpected credential ${credentialType}`);
				return await sendAuthenticated(credentials, request);
			},
		},
	} as unknown as ILoadOptionsFunctions;
}
