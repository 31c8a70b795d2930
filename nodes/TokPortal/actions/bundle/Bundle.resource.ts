import type { TokPortalResource } from '../operation';
import { addEditSlots } from './addEditSlots.operation';
import { addVideoSlots } from './addVideoSlots.operation';
import { create } from './create.operation';
import { createBulk } from './createBulk.operation';
import { get } from './get.operation';
import { getMany } from './getMany.operation';
import { getPublishReadiness } from './getPublishReadiness.operation';
import { publish } from './publish.operation';
import { unpublish } from './unpublish.operation';
import { update } from './update.operation';

export const bundle: TokPortalResource = {
	name: 'Bundle',
	value: 'bundle',
	description: 'An order for one TikTok/Instagram account and/or video slots: create, list, update, publish',
	defaultOperation: 'create',
	operations: [addEditSlots, addVideoSlots, create, createBulk, get, getMany, getPublishReadiness, publish, unpublish, update],
};
