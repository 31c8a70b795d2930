import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../transport';
import { explainError, NO_ACCOUNT_STEP } from '../explainError';
import { locatorId } from '../locator';
import { bundleIdLocator } from '../common.descriptions';
import type { TokPortalOperation } from '../operation';

const description: INodeProperties[] = [bundleIdLocator];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const bundleId = locatorId.call(this, 'bundleId', itemIndex);
	try {
		const { body } = await apiRequest.call(this, {
			method: 'GET',
			path: apiPath`/bundles/${bundleId}/account`,
			itemIndex,
		});
		return body.data as IDataObject;
	} catch (error) {
		throw explainError(error, { ACCOUNT_NOT_FOUND: NO_ACCOUNT_STEP });
	}
}

export const get: TokPortalOperation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get the account configuration of a bundle',
		description:
			"Read the username, visible name, biography, profile picture, link in bio and warming instructions set for a bundle's account, with the account's status",
	},
	description,
	execute,
};
