import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../transport';
import { locatorId } from '../locator';
import { accountIdLocator } from '../common.descriptions';
import type { TokPortalOperation } from '../operation';

const description: INodeProperties[] = [accountIdLocator];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const accountId = locatorId.call(this, 'accountId', itemIndex);
	const { body } = await apiRequest.call(this, {
		method: 'GET',
		path: apiPath`/accounts/${accountId}`,
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
	description,
	execute,
};
