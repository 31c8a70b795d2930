import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath } from '../../../shared/transport';
import { identifier, readItem, text } from '../../../shared/validation';
import { accountId, filtersOf } from '../common.fields';
import type { TokPortalOperation } from '../operation';
import { snapshotLimit } from './fields';
import { analyticsRequest } from './plan';

const filters = filtersOf({
	platformPostId: text({
		name: 'platformPostId',
		displayName: 'Platform Post ID',
		maxLength: 100,
		refuseBlank: true,
		placeholder: 'e.g. 7351234567890123456',
		description: 'Only comments of the post with this ID on TikTok/Instagram (the last part of its URL)',
	}),
	videoId: identifier({
		name: 'videoId',
		displayName: 'Video ID',
		refuseBlank: true,
		placeholder: 'e.g. 5b1c9e2a-7d3f-4a8b-9c6e-0f1a2b3c4d5e',
		description: 'Only comments of this posted video (its TokPortal video_id)',
	}),
});

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const input = readItem(this, itemIndex, { accountId, filters, limit: snapshotLimit });
	const qs: IDataObject = { limit: input.limit };
	if (input.filters.videoId !== undefined) qs.trackedPostId = input.filters.videoId;
	if (input.filters.platformPostId !== undefined) qs.postId = input.filters.platformPostId;
	const { body } = await analyticsRequest(this, itemIndex, { method: 'GET', template: '/analytics/accounts/{id}/comments' }, {
		path: apiPath`/analytics/accounts/${input.accountId}/comments`,
		qs,
	});
	return Array.isArray(body.data) ? (body.data as IDataObject[]) : [];
}

export const getAccountComments: TokPortalOperation = {
	option: {
		name: 'Get Account Comments',
		value: 'getAccountComments',
		action: 'Get the comments on the posts of a delivered account',
		description:
			'One item per comment under the posts of a delivered account (author, text, sentiment, likes, time), newest first; optionally only one post. Marketer plan and above.',
	},
	fields: [accountId, filters, snapshotLimit],
	execute,
};
