import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import { readItem } from '../../../shared/validation';
import { bundleId } from '../common.fields';
import type { TokPortalOperation } from '../operation';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { bundleId });
	const { body } = await apiRequest.call(this, {
		method: 'GET',
		path: apiPath`/bundles/${input.bundleId}`,
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
	fields: [bundleId],
	execute,
};
