import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiRequest } from '../../../shared/transport';
import type { TokPortalOperation } from '../operation';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { body } = await apiRequest.call(this, { method: 'GET', path: '/countries', itemIndex });
	return Array.isArray(body.data) ? (body.data as IDataObject[]) : [];
}

export const getCountries: TokPortalOperation = {
	option: {
		name: 'Get Countries',
		value: 'getCountries',
		action: 'Get the countries open for new accounts',
		description: 'List the countries TokPortal creates new accounts in, with their codes (e.g. USA, UK, FR). One item per country.',
	},
	fields: [],
	execute,
};
