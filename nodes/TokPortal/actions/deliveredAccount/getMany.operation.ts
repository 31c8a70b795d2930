import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequestAllItems } from '../../transport';
import {
	countryFilter,
	listOptions,
	platformFilter,
	readPaging,
	returnAllAndLimit,
} from '../common.descriptions';
import type { TokPortalOperation } from '../operation';

const description: INodeProperties[] = [
	...returnAllAndLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Banned',
				name: 'banned',
				type: 'options',
				default: 'any',
				description: 'Whether to list only banned accounts, only accounts that are not banned, or both',
				options: [
					{ name: 'Any', value: 'any' },
					{ name: 'Banned Only', value: 'true' },
					{ name: 'Not Banned Only', value: 'false' },
				],
			},
			countryFilter,
			platformFilter,
		],
	},
	listOptions,
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (filters.platform) qs.platform = filters.platform;
	if (filters.country) qs.country = filters.country;
	if (filters.banned !== undefined && filters.banned !== 'any') qs.banned = filters.banned;
	return await apiRequestAllItems.call(this, {
		path: '/accounts',
		qs,
		...readPaging.call(this, itemIndex),
		itemIndex,
	});
}

export const getMany: TokPortalOperation = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		action: 'Get many delivered accounts',
		description: 'List your delivered TikTok/Instagram accounts, optionally filtered by platform, country or ban state',
	},
	description,
	execute,
};
