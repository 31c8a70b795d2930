import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import { boolean, collection, readItem } from '../../../shared/validation';
import { subscribedEvents } from '../../../shared/events';
import { setAndClearProblem, setOrClear } from '../clearable';
import type { TokPortalOperation } from '../operation';
import { ownWebhooksNotice, webhookDescription, webhookEvents, webhookId, webhookUrl, webhookUrlProblem } from './fields';

const updateFields = collection({
	name: 'updateFields',
	displayName: 'Update Fields',
	placeholder: 'Add Field',
	description: 'At least one is required',
	fields: {
		clearDescription: boolean({
			name: 'clearDescription',
			displayName: 'Clear Description',
			default: true,
			description: 'Whether to remove the webhook’s description (an empty Description is refused instead of clearing it by accident)',
		}),
		description: webhookDescription({
			refuseBlank: true,
			blankRule: 'is empty. To remove the description, use "Clear Description" instead',
		}),
		enabled: boolean({
			name: 'enabled',
			displayName: 'Enabled',
			default: true,
			description: 'Whether TokPortal sends events to this webhook (off: nothing is sent, and failed deliveries cannot be retried)',
		}),
		events: webhookEvents({ refuseBlank: true }),
		url: webhookUrl({ refuseBlank: true }),
	},
});

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { webhookId, updateFields }, ({ updateFields: fields }) => [
		fields.url === undefined && fields.events === undefined && fields.description === undefined &&
			!fields.clearDescription && fields.enabled === undefined &&
			'Add at least one field to update under "Update Fields" (or turn on Clear Description)',
		setAndClearProblem('Description', fields.description, fields.clearDescription),
		webhookUrlProblem(fields.url),
	]);
	const fields = input.updateFields;
	const body: IDataObject = {};
	if (fields.url !== undefined) body.url = fields.url;
	if (fields.events !== undefined) body.events = subscribedEvents(fields.events);
	setOrClear(body, 'description', fields.description, fields.clearDescription);
	if (fields.enabled !== undefined) body.enabled = fields.enabled;
	const { body: response } = await apiRequest.call(this, {
		method: 'PATCH',
		path: apiPath`/webhooks/${input.webhookId}`,
		body,
		itemIndex,
	});
	return (response.data ?? {}) as IDataObject;
}

export const update: TokPortalOperation = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a webhook',
		description:
			'Change a webhook’s URL, events or description, or turn it off and on. Its signing secret stays the same.',
	},
	fields: [ownWebhooksNotice, webhookId, updateFields],
	execute,
};
