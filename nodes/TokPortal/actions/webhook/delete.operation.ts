import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import { notice, readItem } from '../../../shared/validation';
import type { TokPortalOperation } from '../operation';
import { ownWebhooksNotice, webhookId } from './fields';

const deleteNotice = notice(
	'webhookDeleteNotice',
	'Deleting is final: TokPortal stops sending events to this URL at once (pending retries included), its delivery history goes with it, and its signing secret is gone. Creating the webhook again gives it a new signing secret, which your receiver must then use.',
);

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { webhookId });
	await apiRequest.call(this, { method: 'DELETE', path: apiPath`/webhooks/${input.webhookId}`, itemIndex });
	return { id: input.webhookId, deleted: true };
}

export const deleteWebhook: TokPortalOperation = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete a webhook',
		description:
			'Remove a webhook endpoint for good: TokPortal stops sending events to it, and its signing secret cannot be recovered',
	},
	fields: [ownWebhooksNotice, deleteNotice, webhookId],
	execute,
};
