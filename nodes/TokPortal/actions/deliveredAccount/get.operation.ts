import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import { readItem } from '../../../shared/validation';
import { accountId } from '../common.fields';
import type { TokPortalOperation } from '../operation';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { accountId });
	const { body } = await apiRequest.call(this, {
		method: 'GET',
		path: apiPath`/accounts/${input.accountId}`,
		itemIndex,
	});
	return body.data as IDataObject;
}

export const get: TokPortalOperation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a delivered account',
		description:
			'Read the profile of one delivered account (username, platform, country, profile URL, remade info). Never returns the password and does not affect TokPortal support.',
	},
	fields: [accountId],
	execute,
};
