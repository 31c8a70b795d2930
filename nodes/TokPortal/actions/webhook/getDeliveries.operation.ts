import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequestAllItems } from '../../../shared/transport';
import { options } from '../../../shared/validation';
import { filtersOf, listFields, readListInput } from '../common.fields';
import type { TokPortalOperation } from '../operation';
import { eventTypeFilter, webhookId } from './fields';

const filters = filtersOf({
	events: eventTypeFilter('Only deliveries of these events'),
	success: options({
		name: 'success',
		displayName: 'Outcome',
		default: 'false',
		description: 'Only failed deliveries (e.g. to retry them), only successful ones, or both',
		options: [
			{ name: 'Any', value: 'any' },
			{ name: 'Failed Only', value: 'false' },
			{ name: 'Successful Only', value: 'true' },
		],
	}),
});

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { paging, ...input } = readListInput(this, itemIndex, { webhookId, filters });
	const qs: IDataObject = {};
	if (input.filters.events?.length) qs.event_type = input.filters.events;
	if (input.filters.success !== undefined && input.filters.success !== 'any') qs.success = input.filters.success;
	return await apiRequestAllItems.call(this, {
		path: apiPath`/webhooks/${input.webhookId}/deliveries`,
		qs,
		...paging,
		itemIndex,
	});
}

export const getDeliveries: TokPortalOperation = {
	option: {
		name: 'Get Deliveries',
		value: 'getDeliveries',
		action: 'Get the deliveries of a webhook',
		description:
			'One item per delivery attempt to a webhook, newest first (event, attempt, success, response status, error, duration), optionally only failed or successful ones or given events',
	},
	fields: [webhookId, ...listFields(filters)],
	execute,
};
