import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiPath, apiRequestAllItems } from '../../transport';
import { locatorId } from '../locator';
import { accountIdLocator, listOptions, readPaging, returnAllAndLimit } from '../common.descriptions';
import type { TokPortalOperation } from '../operation';

const description: INodeProperties[] = [
	accountIdLocator,
	...returnAllAndLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'accepted',
				description: 'Only bundles in this status',
				options: [
					{ name: 'Accepted', value: 'accepted', description: 'An account manager is working on it' },
					{ name: 'Completed', value: 'completed' },
					{ name: 'Pending Setup', value: 'pending_setup', description: 'Not published yet' },
					{ name: 'Published', value: 'published', description: 'Waiting for an account manager' },
				],
			},
		],
	},
	listOptions,
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const accountId = locatorId.call(this, 'accountId', itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (filters.status) qs.status = filters.status;
	return await apiRequestAllItems.call(this, {
		path: apiPath`/accounts/${accountId}/bundles`,
		qs,
		...readPaging.call(this, itemIndex),
		itemIndex,
	});
}

export const getBundles: TokPortalOperation = {
	option: {
		name: 'Get Bundles',
		value: 'getBundles',
		action: 'Get the bundles of a delivered account',
		description:
			'List the bundles of a delivered account (the one that created it and any Videos Only bundles posting to it), each with a count of its video slots by status; videos.pending is the number of free slots',
	},
	description,
	execute,
};
