import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import { identifier, readItem } from '../../../shared/validation';
import type { TokPortalOperation } from '../operation';
import { webhookId } from './fields';

const deliveryId = identifier({
	name: 'deliveryId',
	displayName: 'Delivery ID',
	required: true,
	placeholder: 'e.g. 7e1d2c3b-4a5f-4e6d-8c7b-9a0f1e2d3c4b',
	description: 'The ID of a delivery of this webhook (Webhook → Get Deliveries lists them)',
});

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { webhookId, deliveryId });
	const { body } = await apiRequest.call(this, {
		method: 'POST',
		path: apiPath`/webhooks/${input.webhookId}/deliveries/${input.deliveryId}/retry`,
		itemIndex,
	});
	return (body.data ?? {}) as IDataObject;
}

export const retryDelivery: TokPortalOperation = {
	option: {
		name: 'Retry Delivery',
		value: 'retryDelivery',
		action: 'Retry a webhook delivery',
		description:
			'Send a delivered (or failed) event again to the webhook’s current URL, with the same event ID and a fresh signature, and report how it went. Receivers that deduplicate by event ID ignore it if they already processed it.',
	},
	fields: [webhookId, deliveryId],
	execute,
};
