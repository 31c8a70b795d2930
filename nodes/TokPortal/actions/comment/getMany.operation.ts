import type { IDataObject, IExecuteFunctions, INodePropertyOptions } from 'n8n-workflow';

import { apiRequestAllItems } from '../../../shared/transport';
import { list, options } from '../../../shared/validation';
import { deliveredAccountIdsFilter, filtersOf, listFields, readListInput } from '../common.fields';
import type { TokPortalOperation } from '../operation';

const STATUSES: Array<INodePropertyOptions & { value: string }> = [
	{ name: 'Cancelled', value: 'cancelled', description: 'Cancelled while pending (refunded)' },
	{ name: 'Disputed', value: 'disputed', description: 'You disputed it' },
	{ name: 'Expired', value: 'expired', description: 'Not done within 72 hours (refunded)' },
	{ name: 'Finalized', value: 'finalized', description: 'Done and accepted' },
	{ name: 'Manually Confirmed', value: 'manually_confirmed', description: 'Confirmed by TokPortal: waiting for your approval' },
	{ name: 'Pending', value: 'pending', description: 'Waiting for an account manager (can still be cancelled)' },
	{ name: 'Submitted', value: 'submitted', description: 'Posted, being verified' },
	{ name: 'Verified', value: 'verified', description: 'Found under the post automatically' },
];

const filters = filtersOf({
	accountIds: deliveredAccountIdsFilter('Only tasks of these delivered accounts'),
	status: list({
		name: 'status',
		displayName: 'Status',
		options: STATUSES,
		item: options({ name: 'status', displayName: 'Status', options: STATUSES, default: '' }),
		description: 'Only tasks in one of these statuses',
	}),
});

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { filters: chosen, paging } = readListInput(this, itemIndex, { filters });
	const qs: IDataObject = {};
	// TokPortal takes the statuses as one comma-separated value, and accounts as a repeated parameter.
	if (chosen.status?.length) qs.status = chosen.status.join(',');
	if (chosen.accountIds?.length) qs.saved_account_id = chosen.accountIds;
	return await apiRequestAllItems.call(this, { path: '/comments', qs, ...paging, itemIndex });
}

export const getMany: TokPortalOperation = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		action: 'Get many comment tasks',
		description: 'List your comment tasks, newest first, optionally filtered by status or delivered account. One item per task.',
	},
	fields: listFields(filters),
	execute,
};
