import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiRequest } from '../../../shared/transport';
import type { TokPortalOperation } from '../operation';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { body } = await apiRequest.call(this, { method: 'GET', path: '/credits/balance', itemIndex });
	return (body.data ?? {}) as IDataObject;
}

export const getBalance: TokPortalOperation = {
	option: {
		name: 'Get Balance',
		value: 'getBalance',
		action: 'Get the credit balance',
		description:
			'Your organization’s credits (total_credits, shared by every API key and the web app), how many expire within 7 days, and the upcoming expirations',
	},
	fields: [],
	execute,
};
