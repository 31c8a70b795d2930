import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiRequestAllItems } from '../../../shared/transport';
import { options } from '../../../shared/validation';
import { filtersOf, listFields, readListInput } from '../common.fields';
import type { TokPortalOperation } from '../operation';
import { eventTypeFilter } from './fields';

const filters = filtersOf({
	enabled: options({
		name: 'enabled',
		displayName: 'Enabled',
		default: 'any',
		description: 'Whether to list only enabled webhooks, only disabled ones, or both',
		options: [
			{ name: 'Any', value: 'any' },
			{ name: 'Disabled Only', value: 'false' },
			{ name: 'Enabled Only', value: 'true' },
		],
	}),
	events: eventTypeFilter('Only webhooks subscribed to at least one of these events'),
});

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { filters: chosen, paging } = readListInput(this, itemIndex, { filters });
	const qs: IDataObject = {};
	if (chosen.enabled !== undefined && chosen.enabled !== 'any') qs.enabled = chosen.enabled;
	if (chosen.events?.length) qs.event = chosen.events;
	return await apiRequestAllItems.call(this, { path: '/webhooks', qs, ...paging, itemIndex });
}

export const getMany: TokPortalOperation = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		action: 'Get many webhooks',
		description:
			'List your webhook endpoints (URL, events, description, enabled), one item each, optionally only enabled or disabled ones or those subscribed to given events. Signing secrets are never listed.',
	},
	fields: listFields(filters),
	execute,
};
