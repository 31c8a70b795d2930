import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import { readItem } from '../../../shared/validation';
import { bundleId, NO_ACCOUNT_STEP } from '../common.fields';
import type { TokPortalOperation } from '../operation';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { bundleId });
	const { body } = await apiRequest.call(this, {
		method: 'GET',
		path: apiPath`/bundles/${input.bundleId}/account`,
		itemIndex,
	});
	return body.data as IDataObject;
}

export const get: TokPortalOperation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get the account configuration of a bundle',
		description:
			"Read the username, visible name, biography, profile picture, link in bio and warming instructions set for a bundle's account, with the account's status",
	},
	fields: [bundleId],
	errors: { ACCOUNT_NOT_FOUND: NO_ACCOUNT_STEP },
	execute,
};
