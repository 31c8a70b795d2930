import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiRequest } from '../../../shared/transport';
import type { TokPortalOperation } from '../operation';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { body } = await apiRequest.call(this, { method: 'GET', path: '/analytics/contract', itemIndex });
	return (body.data ?? {}) as IDataObject;
}

export const getContract: TokPortalOperation = {
	option: {
		name: 'Get Contract',
		value: 'getContract',
		action: 'Get what the analytics plan can read',
		description:
			'What this API key’s plan can read: the plan, each analytics feature (series, CSV export, reports, comments, raw snapshots…) as true/false, every analytics endpoint with the plan it needs, and the plans that exist',
	},
	fields: [],
	execute,
};
