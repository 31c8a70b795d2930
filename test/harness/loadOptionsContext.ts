import type { ILoadOptionsFunctions, INode } from 'n8n-workflow';

/**
 * A load-options context (what n8n gives a dropdown or list search) whose HTTP helper really calls
 * the given TokPortal URL with the key in X-API-Key, as n8n's generic authentication would.
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
	return {
		getNode: () => node,
		getCurrentNodeParameter: (name: string, options?: { extractValue?: boolean }) => {
			const value = parameters[name];
			if (options?.extractValue && value !== null && typeof value === 'object' && 'value' in value) return (value as { value: unknown }).value;
			return value;
		},
		getCredentials: async () => ({ apiKey: target.apiKey, baseUrl: target.baseUrl }),
		helpers: {
			async httpRequestWithAuthentication(
				_credential: string,
				options: { url: string; method: string; qs?: Record<string, unknown>; headers: Record<string, string> },
			) {
				const url = new URL(options.url);
				for (const [key, value] of Object.entries(options.qs ?? {})) url.searchParams.set(key, String(value));
				const response = await fetch(url, {
					method: options.method,
					headers: { ...options.headers, 'X-API-Key': target.apiKey },
				});
				return {
					body: await response.json(),
					headers: Object.fromEntries(response.headers.entries()),
					statusCode: response.status,
				};
			},
		},
	} as unknown as ILoadOptionsFunctions;
}
