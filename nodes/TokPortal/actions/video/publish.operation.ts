import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import { readItem } from '../../../shared/validation';
import type { TokPortalOperation } from '../operation';
import { chargeInfo } from '../paidCall';
import { slotFields, videoErrors } from './common';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, slotFields);
	const response = await apiRequest.call(this, {
		method: 'POST',
		path: apiPath`/bundles/${input.bundleId}/videos/${input.position}/publish`,
		itemIndex,
	});
	return { ...((response.body.data ?? {}) as IDataObject), ...chargeInfo(response) };
}

export const publish: TokPortalOperation = {
	option: {
		name: 'Publish',
		value: 'publish',
		action: 'Publish a video',
		description:
			'Submit one configured video of a published bundle for posting. If its target date no longer meets the lead time, TokPortal moves it forward: date_adjusted, original_date and new_date say so.',
	},
	fields: [slotFields.bundleId, slotFields.position],
	errors: videoErrors,
	execute,
};
