import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { eventCatalogue } from '../shared/eventCatalogue';
import { eventOptions } from '../shared/events';

/** The Events dropdown. */
export async function getEvents(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return eventOptions(await eventCatalogue(this));
}
