import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../transport';
import { bundleIdLocator } from '../common.descriptions';
import type { TokPortalOperation } from '../operation';
import { locatorId } from '../locator';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const bundleId = locatorId.call(this, 'bundleId', itemIndex);
	const { body } = await apiRequest.call(this, {
		method: 'GET',
		path: apiPath`/bundles/${bundleId}`,
		itemIndex,
	});
	return (body.data ?? {}) as IDataObject;
}

export const get: TokPortalOperation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a bundle',
		description:
			'Get one bundle with its status, next_action (what to do next), account (saved_account_id, status, feedback history), video slots and remake info',
	},
	description: [bundleIdLocator],
	execute,
};
