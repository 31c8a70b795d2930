import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import type { EventType } from './events';
import { EVENT_TYPES } from './events';
import { apiRequest } from './transport';

/** `data.events[]` (documented) or a bare `data[]`, keeping entries that name a type. */
function catalogueEvents(body: IDataObject): EventType[] {
	const data = body.data as IDataObject | IDataObject[] | undefined;
	const list = Array.isArray(data) ? data : data?.events;
	if (!Array.isArray(list)) return [];
	return (list as IDataObject[])
		.filter((entry) => typeof entry.type === 'string' && entry.type !== '')
		.map((entry) => ({
			type: entry.type as string,
			description: typeof entry.description === 'string' ? entry.description : '',
			...(entry.emitted === false ? { emitted: false } : {}),
		}));
}

/**
 * TokPortal's live catalogue, so new event types show up without an update; the built-in list when
 * TokPortal cannot be reached. Whether a type is emitted yet comes from the catalogue when it answers.
 */
export async function eventCatalogue(context: ILoadOptionsFunctions): Promise<EventType[]> {
	let events: EventType[] = [];
	try {
		const { body } = await apiRequest.call(context, {
			method: 'GET',
			path: '/webhooks/events',
			retry: { maxAttempts: 2 },
		});
		events = catalogueEvents(body);
	} catch (error) {
		// The dropdown must stay usable offline or with a wrong key: the built-in list follows.
		context.logger?.debug(`TokPortal event catalogue unavailable: ${(error as Error).message}`);
	}
	if (events.length === 0) return [...EVENT_TYPES];
	const builtIn = new Map(EVENT_TYPES.map((event) => [event.type, event.description]));
	return events.map((event) => ({ ...event, description: builtIn.get(event.type) ?? event.description }));
}
