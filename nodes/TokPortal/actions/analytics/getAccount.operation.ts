import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath } from '../../../shared/transport';
import { options, readItem } from '../../../shared/validation';
import { accountId } from '../common.fields';
import type { TokPortalOperation } from '../operation';
import { analyticsRequest } from './plan';

const detail = options({
	name: 'detail',
	displayName: 'Detail',
	default: 'full',
	description: 'How much to read',
	options: [
		{
			name: 'Full',
			value: 'full',
			description:
				'The account, its totals, top 5 posts, audience (Marketer plans) and when it can be refreshed next (GET /analytics/accounts/{ID})',
		},
		{
			name: 'Totals Only',
			value: 'totals',
			description:
				'Only the flat totals: followers_count, total_views, average_engagement_rate… (GET /accounts/{ID}/analytics)',
		},
	],
});

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { accountId, detail });
	const { body } =
		input.detail === 'totals'
			? await analyticsRequest(this, itemIndex, { method: 'GET', template: '/accounts/{id}/analytics' }, {
					path: apiPath`/accounts/${input.accountId}/analytics`,
				})
			: await analyticsRequest(this, itemIndex, { method: 'GET', template: '/analytics/accounts/{id}' }, {
					path: apiPath`/analytics/accounts/${input.accountId}`,
				});
	return (body.data ?? {}) as IDataObject;
}

export const getAccount: TokPortalOperation = {
	option: {
		name: 'Get Account',
		value: 'getAccount',
		action: 'Get the analytics of a delivered account',
		description:
			'Followers, views, likes, comments, shares and engagement of one delivered account, with its top posts and refresh times (or only the flat totals)',
	},
	fields: [accountId, detail],
	execute,
};
