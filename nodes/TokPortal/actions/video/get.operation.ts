import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import { readItem } from '../../../shared/validation';
import type { TokPortalOperation } from '../operation';
import { slotFields, videoErrors } from './common';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, slotFields);
	const { body } = await apiRequest.call(this, {
		method: 'GET',
		path: apiPath`/bundles/${input.bundleId}/videos/${input.position}`,
		itemIndex,
	});
	return (body.data ?? {}) as IDataObject;
}

export const get: TokPortalOperation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a video of a bundle',
		description: 'One video slot with its status, content, target dates, posted link (platform_url) and feedback history',
	},
	fields: [slotFields.bundleId, slotFields.position],
	errors: videoErrors,
	execute,
};
