import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import { readItem } from '../../../shared/validation';
import type { TokPortalOperation } from '../operation';
import { videoErrors } from './common';
import { videoId } from './fields';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { videoId });
	const { body } = await apiRequest.call(this, { method: 'GET', path: apiPath`/videos/${input.videoId}/ad-code-request`, itemIndex });
	return (body.data ?? {}) as IDataObject;
}

export const getAdCode: TokPortalOperation = {
	option: {
		name: 'Get Ad Code',
		value: 'getAdCode',
		action: 'Get the ad code of a video',
		description:
			'The latest ad code request of a video: its status (pending, in_review, finalized) and the code once TokPortal delivers it (code stays empty until then), with code_expires_at',
	},
	fields: [videoId],
	errors: {
		...videoErrors,
		AD_CODE_REQUEST_NOT_FOUND: 'No ad code was requested for this video yet. Use Video → Request Ad Code first.',
	},
	execute,
};
