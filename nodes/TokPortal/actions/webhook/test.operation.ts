import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import { readItem } from '../../../shared/validation';
import type { TokPortalOperation } from '../operation';
import { webhookId } from './fields';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { webhookId });
	const { body } = await apiRequest.call(this, {
		method: 'POST',
		path: apiPath`/webhooks/${input.webhookId}/test`,
		itemIndex,
	});
	return (body.data ?? {}) as IDataObject;
}

export const test: TokPortalOperation = {
	option: {
		name: 'Test',
		value: 'test',
		action: 'Send a test event to a webhook',
		description:
			'Send a signed webhook.test event to the webhook’s URL now and report how it went (success, response_status, error, duration_ms); the attempt is recorded in its deliveries',
	},
	fields: [webhookId],
	execute,
};
