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
}

/** The credential's Base URL (checked: no user info, query or key in it) and its rate limiter. */
export async function connect(context: TokPortalContext): Promise<Connection> {
	const credentials = await context.getCredentials<{ baseUrl?: string; apiKey?: string }>(CREDENTIAL_NAME);
	const apiKey = typeof credentials.apiKey === 'string' ? credentials.apiKey : '';
	const check = checkBaseUrl(credentials.baseUrl, apiKey);
	if (!check.ok) {
		throw new NodeOperationError(context.getNode(), 'The Base URL in the TokPortal API credential cannot be used', {
			description: `${check.problem} Nothing was sent.`,
		});
	}
	return { baseUrl: check.baseUrl, limiter: rateLimiterFor(check.baseUrl, apiKey), secrets: apiKey ? [apiKey] : [] };
}

export async function getBaseUrl(this: TokPortalContext): Promise<string> {
	return (await connect(this)).baseUrl;
}
