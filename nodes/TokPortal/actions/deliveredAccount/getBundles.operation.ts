import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequestAllItems } from '../../../shared/transport';
import { accountId, bundleStatusFilter, filtersOf, listFields, readListInput } from '../common.fields';
import type { TokPortalOperation } from '../operation';

const filters = filtersOf({ status: bundleStatusFilter });

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { paging, ...input } = readListInput(this, itemIndex, { accountId, filters });
	const qs: IDataObject = {};
	if (input.filters.status) qs.status = input.filters.status;
	return await apiRequestAllItems.call(this, {
		path: apiPath`/accounts/${input.accountId}/bundles`,
		qs,
		...paging,
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
	fields: [accountId, ...listFields(filters)],
	execute,
};
