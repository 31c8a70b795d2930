import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiRequest } from '../../../shared/transport';
import type { TokPortalOperation } from '../operation';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { body } = await apiRequest.call(this, { method: 'GET', path: '/platforms', itemIndex });
	return Array.isArray(body.data) ? (body.data as IDataObject[]) : [];
}

export const getPlatforms: TokPortalOperation = {
	option: {
		name: 'Get Platforms',
		value: 'getPlatforms',
		action: 'Get the platforms',
		description: 'List the platforms TokPortal works on (TikTok, Instagram, YouTube) and whether new accounts can be ordered on each. One item per platform.',
	},
	fields: [],
	execute,
};
