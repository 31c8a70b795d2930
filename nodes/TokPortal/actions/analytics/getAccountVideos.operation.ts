import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequestAllItems } from '../../../shared/transport';
import { collection, options } from '../../../shared/validation';
import { accountId, listFields, readListInput } from '../common.fields';
import type { TokPortalOperation } from '../operation';
import { withPlanCheck } from './plan';

const sort = collection({
	name: 'sort',
	displayName: 'Sort',
	placeholder: 'Add Sort Option',
	fields: {
		sortBy: options({
			name: 'sortBy',
			displayName: 'Sort By',
			default: 'published_at',
			description: 'Which number orders the videos (default: publication date)',
			options: [
				{ name: 'Bookmarks', value: 'bookmarks' },
				{ name: 'Comments', value: 'comments' },
				{ name: 'Engagement Rate', value: 'engagement_rate' },
				{ name: 'Likes', value: 'likes' },
				{ name: 'Published At', value: 'published_at' },
				{ name: 'Shares', value: 'shares' },
				{ name: 'Views', value: 'views' },
			],
		}),
		sortOrder: options({
			name: 'sortOrder',
			displayName: 'Sort Order',
			default: 'desc',
			description: 'Highest or newest first (default), or the other way round',
			options: [
				{ name: 'Ascending', value: 'asc' },
				{ name: 'Descending', value: 'desc' },
			],
		}),
	},
});

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { paging, ...input } = readListInput(this, itemIndex, { accountId, sort });
	const qs: IDataObject = {};
	if (input.sort.sortBy) qs.sort_by = input.sort.sortBy;
	if (input.sort.sortOrder) qs.sort_order = input.sort.sortOrder;
	return await withPlanCheck(this, itemIndex, { method: 'GET', template: '/accounts/{id}/analytics/videos' }, async () =>
		await apiRequestAllItems.call(this, {
			path: apiPath`/accounts/${input.accountId}/analytics/videos`,
			qs,
			...paging,
			itemIndex,
		}),
	);
}

export const getAccountVideos: TokPortalOperation = {
	option: {
		name: 'Get Account Videos',
		value: 'getAccountVideos',
		action: 'Get the video analytics of a delivered account',
		description:
			'One item per posted video of a delivered account with its views, likes, comments, shares, bookmarks and engagement rate, sorted by any of them',
	},
	fields: [accountId, ...listFields(sort)],
	execute,
};
