import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiRequest } from '../../../shared/transport';
import { notice, readItem } from '../../../shared/validation';
import { subscribedEvents } from '../../../shared/events';
import type { TokPortalOperation } from '../operation';
import { ownWebhooksNotice, webhookDescription, webhookEvents, webhookUrl, webhookUrlProblem } from './fields';

const secretNotice = notice(
	'signingSecretNotice',
	'TokPortal shows the signing secret only once: it is in this node’s output (signing_secret) and in this execution’s data. Store it where your receiver can check signatures (TokPortal-Signature: HMAC-SHA256 of "t.body"), and never share it. It cannot be read again: if it is lost, delete the webhook and create a new one. Each run creates a new webhook.',
);

const url = webhookUrl({ required: true });
const events = webhookEvents({ required: true });
const description = webhookDescription();

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { url, events, description }, (values) => [webhookUrlProblem(values.url)]);
	const body: IDataObject = { url: input.url, events: subscribedEvents(input.events) };
	if (input.description !== undefined) body.description = input.description;
	// Returns the signing secret: the transport sends no Idempotency-Key (TokPortal refuses one) and never retries it.
	const { body: response } = await apiRequest.call(this, { method: 'POST', path: '/webhooks', body, itemIndex });
	return (response.data ?? {}) as IDataObject;
}

export const create: TokPortalOperation = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a webhook',
		description:
			'Register a URL of your own systems to receive signed TokPortal events. The output holds the signing secret, which TokPortal shows only once. To start an n8n workflow on events, use the TokPortal Trigger instead.',
	},
	fields: [ownWebhooksNotice, secretNotice, url, events, description],
	execute,
};
