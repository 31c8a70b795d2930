import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiRequest } from '../../../shared/transport';
import type { TokPortalOperation } from '../operation';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { body } = await apiRequest.call(this, { method: 'GET', path: '/webhooks/events', itemIndex });
	const data = body.data as IDataObject | IDataObject[] | undefined;
	const events = Array.isArray(data) ? data : data?.events;
	return Array.isArray(events) ? (events as IDataObject[]) : [];
}

export const getEvents: TokPortalOperation = {
	option: {
		name: 'Get Events',
		value: 'getEvents',
		action: 'Get the webhook event types',
		description:
			'One item per event type TokPortal documents (type, description), with emitted: true when TokPortal sends it today and false when it is announced for later',
	},
	fields: [],
	execute,
};
