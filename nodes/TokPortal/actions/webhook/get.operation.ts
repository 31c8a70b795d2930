import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import { readItem } from '../../../shared/validation';
import type { TokPortalOperation } from '../operation';
import { webhookId } from './fields';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { webhookId });
	const { body } = await apiRequest.call(this, { method: 'GET', path: apiPath`/webhooks/${input.webhookId}`, itemIndex });
	return (body.data ?? {}) as IDataObject;
}

export const get: TokPortalOperation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a webhook',
		description: 'Read one webhook endpoint: URL, events, description, enabled (never its signing secret)',
	},
	fields: [webhookId],
	execute,
};
