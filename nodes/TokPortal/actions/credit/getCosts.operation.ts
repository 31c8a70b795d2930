import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiRequest } from '../../../shared/transport';
import type { TokPortalOperation } from '../operation';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { body } = await apiRequest.call(this, { method: 'GET', path: '/credit-costs', itemIndex });
	return (body.data ?? {}) as IDataObject;
}

export const getCosts: TokPortalOperation = {
	option: {
		name: 'Get Costs',
		value: 'getCosts',
		action: 'Get the current credit prices',
		description:
			'What each thing costs in credits today (account creation, video slot, edit slot, warming, comment task, ad code, Coverage…), to price an order before placing it',
	},
	fields: [],
	execute,
};
