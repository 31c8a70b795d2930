import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiRequest } from '../../../shared/transport';
import type { TokPortalOperation } from '../operation';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { body } = await apiRequest.call(this, { method: 'GET', path: '/me', itemIndex });
	return body.data as IDataObject;
}

export const get: TokPortalOperation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get the current user',
		description:
			'Read the TokPortal user this API key belongs to: email, organization, credit balance, plan, workspace and settings. Never returns the key itself.',
	},
	fields: [],
	execute,
};
