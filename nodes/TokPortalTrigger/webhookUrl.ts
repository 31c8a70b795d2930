import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getBaseUrl } from '../shared/transport';

/** The URL n8n serves this trigger on in the current lifecycle call: test or production. */
export function lifecycleWebhookUrl(this: IHookFunctions): string {
	const url = this.getNodeWebhookUrl('default');
	if (!url) {
		throw new NodeOperationError(this.getNode(), 'n8n did not provide a webhook URL for the TokPortal Trigger');
	}
	return url;
}

/**
 * The endpoint's identity without host or path prefix: the last three path segments, e.g.
 * `webhook/<webhookId>/webhook` (production) or `webhook-test/<webhookId>/webhook` (test). Every n8n
 * process computes the same identity, whatever it believes the public URL is (WEBHOOK_URL set on main
 * only, a load balancer in front of webhook processors, a tunnel that changed).
 */
export function endpointKey(url: string): string {
	let path: string;
	try {
		path = new URL(url).pathname;
	} catch {
		path = url;
	}
	return path.split('/').filter(Boolean).slice(-3).join('/');
}

/** TokPortal itself (not a simulator): it only delivers to https URLs. */
function isTokPortalHost(baseUrl: string): boolean {
	const host = new URL(baseUrl).hostname.toLowerCase();
	return host === 'tokportal.com' || host.endsWith('.tokportal.com');
}

/** Fails activation early, with the fix, when TokPortal would refuse to deliver to this URL. */
export async function assertDeliverable(this: IHookFunctions, url: string): Promise<void> {
	const baseUrl = await getBaseUrl.call(this);
	if (!isTokPortalHost(baseUrl) || new URL(url).protocol === 'https:') return;
	throw new NodeOperationError(
		this.getNode(),
		`TokPortal only delivers webhooks to https URLs, and this trigger's URL is ${url}`,
		{
			description:
				"Make n8n reachable over https: set n8n's WEBHOOK_URL environment variable to your public https address (for example https://n8n.example.com/) and restart n8n, or run n8n behind a tunnel (n8n start --tunnel, ngrok, Cloudflare Tunnel). To try workflows locally, point the credential's Base URL at the TokPortal simulator, which accepts http.",
		},
	);
}

/**
 * The URL this delivery arrived on. Inside webhook(), n8n 2.x's `getNodeWebhookUrl` always names the
 * production URL; `getWebhookResourceUrl` names the one actually served (test or production). Older
 * n8n versions only have the former.
 */
export function servedWebhookUrl(this: IWebhookFunctions): string | undefined {
	return typeof this.getWebhookResourceUrl === 'function'
		? this.getWebhookResourceUrl('default')
		: this.getNodeWebhookUrl('default');
}
