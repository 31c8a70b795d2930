import { MAX_WEBHOOK_DESCRIPTION_LENGTH } from '../../../shared/constants';
import { list, locator, notice, text, url } from '../../../shared/validation';

/** Fields the webhook operations share. */

export const webhookId = locator({
	name: 'webhookId',
	displayName: 'Webhook',
	required: true,
	description: 'A webhook endpoint of your TokPortal organization',
	searchListMethod: 'searchWebhooks',
	listPlaceholder: 'Select a webhook…',
	idPlaceholder: 'e.g. 0d4c6e2a-3b5f-4a7e-9c1d-8e2f4a6b0c3d',
});

/** Which webhooks this resource is for, shown on every operation that changes one. */
export const ownWebhooksNotice = notice(
	'webhookScopeNotice',
	'For webhooks that send TokPortal events to your own systems (e.g. an agency dashboard). To start an n8n workflow on TokPortal events, use the TokPortal Trigger instead: it creates and removes its own webhook (its URL is an n8n webhook URL), and changing or deleting that webhook here stops the workflow from receiving events until it is published again.',
);

const LOCAL_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

export function webhookUrl<R extends boolean = false>(spec: { required?: R; refuseBlank?: boolean }) {
	return url({
		name: 'url',
		displayName: 'URL',
		placeholder: 'e.g. https://dashboard.example.com/webhooks/tokportal',
		description:
			'Where TokPortal sends the events: an https:// address that answers 2xx (http:// only for 127.0.0.1 or localhost, e.g. with the TokPortal simulator)',
		...spec,
	});
}

/** TokPortal delivers only to HTTPS; plain HTTP is let through only to this machine (local testing). */
export function webhookUrlProblem(value: string | undefined): string | undefined {
	if (value === undefined) return undefined;
	const parsed = new URL(value);
	if (parsed.protocol === 'https:' || LOCAL_HOSTS.includes(parsed.hostname)) return undefined;
	return `"URL" must start with https:// — TokPortal delivers events only to HTTPS addresses (got "${parsed.protocol}//${parsed.host}")`;
}

export function webhookDescription(spec: { refuseBlank?: boolean; blankRule?: string } = {}) {
	return text({
		name: 'description',
		displayName: 'Description',
		maxLength: MAX_WEBHOOK_DESCRIPTION_LENGTH,
		placeholder: 'e.g. Agency client dashboard',
		description: `How the webhook is labelled in TokPortal (max ${MAX_WEBHOOK_DESCRIPTION_LENGTH} characters)`,
		...spec,
	});
}

export function webhookEvents<R extends boolean = false>(spec: { required?: R; refuseBlank?: boolean }) {
	return list({
		name: 'events',
		displayName: 'Event Names or IDs',
		loadOptionsMethod: 'getWebhookEvents',
		item: text({
			name: 'event',
			displayName: 'Event',
			pattern: /^(\*|[a-z0-9_]+(\.[a-z0-9_]+)+)$/,
			patternRule: 'must be an event type such as account.finalized (Webhook → Get Events lists them)',
		}),
		unique: true,
		description:
			'The events TokPortal sends to this URL; All Events subscribes to every documented type. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		...spec,
	});
}

/** A filter on event types (no "All Events": leaving the filter out means every type). */
export function eventTypeFilter(description: string) {
	return list({
		name: 'events',
		displayName: 'Event Names or IDs',
		loadOptionsMethod: 'getWebhookEventTypes',
		item: text({
			name: 'event',
			displayName: 'Event',
			pattern: /^[a-z0-9_]+(\.[a-z0-9_]+)+$/,
			patternRule: 'must be an event type such as account.finalized (Webhook → Get Events lists them)',
		}),
		unique: true,
		refuseBlank: true,
		blankRule: 'is empty, which would select every event. Choose at least one (check its expression) or remove the filter',
		description: `${description}. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
	});
}
