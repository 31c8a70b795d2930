import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { identifier, integer, list, readItem } from '../../../shared/validation';
import { filtersOf } from '../common.fields';
import type { TokPortalOperation } from '../operation';
import { accounts, countries, dateRange, filterQuery, platforms, rangeProblem, snapshotLimit } from './fields';
import { analyticsRequest } from './plan';

const posts = list({
	name: 'posts',
	displayName: 'Video IDs',
	item: identifier({ name: 'post', displayName: 'Video ID' }),
	unique: true,
	refuseBlank: true,
	blankRule: 'is empty, which would select every video. Give at least one ID (check its expression) or remove the filter',
	placeholder: 'e.g. 5b1c9e2a-7d3f-4a8b-9c6e-0f1a2b3c4d5e',
	description: 'Only these posted videos (video_id values), comma-separated or a list from an expression',
});

const filters = filtersOf({ accounts, countries, platforms, posts, ...dateRange('comments posted') });

// Required like every top-level number: the panel always holds one, so an empty value is a broken
// expression, not "TokPortal's default".
const postLimit = integer({
	name: 'postLimit',
	displayName: 'Max Posts',
	required: true,
	min: 1,
	max: 50,
	default: 10,
	description: 'How many posts to analyse: those with the most comments (1–50)',
});

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { filters, postLimit, limit: snapshotLimit }, (values) => [rangeProblem(values.filters)]);
	const qs = filterQuery(input.filters);
	if (input.filters.posts?.length) qs.post = input.filters.posts;
	qs.limit = input.limit;
	qs.postLimit = input.postLimit;
	const { body } = await analyticsRequest(this, itemIndex, { method: 'GET', template: '/analytics/comments' }, {
		path: '/analytics/comments',
		qs,
	});
	return (body.data ?? {}) as IDataObject;
}

export const getCommentPulse: TokPortalOperation = {
	option: {
		name: 'Get Comment Pulse',
		value: 'getCommentPulse',
		action: 'Get the comment pulse of your posts',
		description:
			'What people say under your posts: comment and sentiment counts (positive, neutral, negative), the posts with the most comments, and the latest comments; filtered by platform, country, account, video and dates. Marketer plan and above.',
	},
	fields: [filters, postLimit, snapshotLimit],
	execute,
};
