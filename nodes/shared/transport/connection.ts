import type { ICredentialsDecrypted } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { checkBaseUrl } from '../baseUrl';
import { CREDENTIAL_NAME } from '../constants';
import type { RateLimiter } from './rateLimiter';
import { rateLimiterFor } from './rateLimiter';
import type { TokPortalContext } from './types';

export interface Connection {
	baseUrl: string;
	limiter: RateLimiter;
	/** Values to scrub from every error this connection produces. */
	secrets: string[];
	/**
	 * The credential as read once, handed to n8n with every request of this connection: n8n then
	 * authenticates without reading (in n8n: loading and decrypting) the credential again per request.
	 */
	credential: ICredentialsDecrypted;
}

/**
 * The credential's Base URL (checked: no user info, query or key in it), its rate limiter and the
 * credential itself. A list makes one connection for all its pages.
 */
export async function connect(context: TokPortalContext): Promise<Connection> {
	const credentials = await context.getCredentials<{ baseUrl?: string; apiKey?: string }>(CREDENTIAL_NAME);
	const apiKey = typeof credentials.apiKey === 'string' ? credentials.apiKey : '';
	const check = checkBaseUrl(credentials.baseUrl, apiKey);
	const node = context.getNode();
	if (!check.ok) {
		throw new NodeOperationError(node, 'The Base URL in the TokPortal API credential cannot be used', {
			description: `${check.problem} Nothing was sent.`,
		});
	}
	const details = node.credentials?.[CREDENTIAL_NAME];
	return {
		baseUrl: check.baseUrl,
		limiter: rateLimiterFor(check.baseUrl, apiKey),
		secrets: apiKey ? [apiKey] : [],
		credential: { id: details?.id ?? '', name: details?.name ?? '', type: CREDENTIAL_NAME, data: credentials },
	};
}

export async function getBaseUrl(this: TokPortalContext): Promise<string> {
	return (await connect(this)).baseUrl;
}
