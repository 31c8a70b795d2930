import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import { readItem } from '../../../shared/validation';
import { accountId } from '../common.fields';
import type { TokPortalOperation } from '../operation';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const input = readItem(this, itemIndex, { accountId });
	const { body } = await apiRequest.call(this, {
		method: 'GET',
		path: apiPath`/accounts/${input.accountId}/edit-request`,
		itemIndex,
	});
	// No request yet: no item, rather than an item that looks like a request.
	const data = body.data;
	return data !== null && typeof data === 'object' && !Array.isArray(data) ? [data as IDataObject] : [];
}

export const getEditRequest: TokPortalOperation = {
	option: {
		name: 'Get Edit Request',
		value: 'getEditRequest',
		action: 'Get the profile edit request of a delivered account',
		description:
			'Read the latest profile edit request of a delivered account and its status (pending, completed or rejected). No item when the account never had one.',
	},
	fields: [accountId],
	execute,
};
