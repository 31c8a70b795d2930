import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readItem } from '../../../shared/validation';
import { filtersOf } from '../common.fields';
import type { TokPortalOperation } from '../operation';
import { accounts, countries, dateRange, filterQuery, platforms, rangeProblem, workspace } from './fields';
import { analyticsRequest } from './plan';

const filters = filtersOf({ accounts, countries, platforms, workspace, ...dateRange('posts published') });

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { filters }, (values) => [rangeProblem(values.filters)]);
	const { body } = await analyticsRequest(this, itemIndex, { method: 'GET', template: '/analytics' }, {
		path: '/analytics',
		qs: filterQuery(input.filters),
	});
	return (body.data ?? {}) as IDataObject;
}

export const getDashboard: TokPortalOperation = {
	option: {
		name: 'Get Dashboard',
		value: 'getDashboard',
		action: 'Get the analytics dashboard',
		description:
			'Totals of your delivered accounts (followers, posts, views, likes, comments, shares, engagement), each account’s numbers, the top posts and, on Marketer plans, the audience; optionally filtered by workspace, platform, country, account and publication dates',
	},
	fields: [filters],
	execute,
};
