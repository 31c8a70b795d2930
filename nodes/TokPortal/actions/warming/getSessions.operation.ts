import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import { readItem } from '../../../shared/validation';
import { accountId } from '../common.fields';
import type { TokPortalOperation } from '../operation';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const input = readItem(this, itemIndex, { accountId });
	const { body } = await apiRequest.call(this, {
		method: 'GET',
		path: apiPath`/accounts/${input.accountId}/warming-sessions`,
		itemIndex,
	});
	return Array.isArray(body.data) ? (body.data as IDataObject[]) : [];
}

export const getSessions: TokPortalOperation = {
	option: {
		name: 'Get Sessions',
		value: 'getSessions',
		action: 'Get the warming sessions of a delivered account',
		description:
			'List the warming sessions of a delivered account (from its bundle or from rewarms), newest first: status, terms verified so far and the proof of each term. One item per session.',
	},
	fields: [accountId],
	execute,
};
