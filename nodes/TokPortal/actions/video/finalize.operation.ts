import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import { readItem } from '../../../shared/validation';
import type { TokPortalOperation } from '../operation';
import { slotFields, videoErrors } from './common';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, slotFields);
	const { body } = await apiRequest.call(this, {
		method: 'POST',
		path: apiPath`/bundles/${input.bundleId}/videos/${input.position}/finalize`,
		itemIndex,
	});
	return (body.data ?? {}) as IDataObject;
}

export const finalize: TokPortalOperation = {
	option: {
		name: 'Finalize',
		value: 'finalize',
		action: 'Finalize a posted video',
		description: 'Approve a posted video (in review, or accepted): it becomes finalized and TokPortal sends video.finalized',
	},
	fields: [slotFields.bundleId, slotFields.position],
	errors: videoErrors,
	execute,
};
