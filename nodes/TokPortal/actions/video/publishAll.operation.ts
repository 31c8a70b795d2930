import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import { readItem } from '../../../shared/validation';
import { bundleId } from '../common.fields';
import type { TokPortalOperation } from '../operation';
import { chargeInfo } from '../paidCall';
import { videoErrors } from './common';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { bundleId });
	const response = await apiRequest.call(this, {
		method: 'POST',
		path: apiPath`/bundles/${input.bundleId}/videos/publish-all`,
		itemIndex,
	});
	return { ...((response.body.data ?? {}) as IDataObject), ...chargeInfo(response) };
}

export const publishAll: TokPortalOperation = {
	option: {
		name: 'Publish All',
		value: 'publishAll',
		action: 'Publish all configured videos of a bundle',
		description:
			'Submit every configured video of a published bundle for posting (videos_published says how many; 0 when none was waiting). Dates that no longer meet the lead time are moved forward together (adjusted_videos).',
	},
	fields: [bundleId],
	errors: videoErrors,
	execute,
};
