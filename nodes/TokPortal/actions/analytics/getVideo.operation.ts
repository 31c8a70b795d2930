import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath } from '../../../shared/transport';
import { readItem } from '../../../shared/validation';
import type { TokPortalOperation } from '../operation';
import { videoId } from './fields';
import { analyticsRequest } from './plan';
import { VIDEO_ERRORS } from './videoErrors';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { videoId });
	const { body } = await analyticsRequest(this, itemIndex, { method: 'GET', template: '/videos/{id}/analytics' }, {
		path: apiPath`/videos/${input.videoId}/analytics`,
	});
	return (body.data ?? {}) as IDataObject;
}

export const getVideo: TokPortalOperation = {
	option: {
		name: 'Get Video',
		value: 'getVideo',
		action: 'Get the analytics of a video',
		description:
			'Views, likes, comments, shares, bookmarks and engagement rate of one posted video, with its account, post URL and publication date',
	},
	fields: [videoId],
	errors: VIDEO_ERRORS,
	execute,
};
