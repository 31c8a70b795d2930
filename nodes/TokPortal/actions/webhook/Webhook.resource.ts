import type { TokPortalResource } from '../operation';
import { create } from './create.operation';
import { deleteWebhook } from './delete.operation';
import { get } from './get.operation';
import { getDeliveries } from './getDeliveries.operation';
import { getEvents } from './getEvents.operation';
import { getMany } from './getMany.operation';
import { retryDelivery } from './retryDelivery.operation';
import { test } from './test.operation';
import { update } from './update.operation';

export const webhook: TokPortalResource = {
	name: 'Webhook',
	value: 'webhook',
	description:
		'Webhook endpoints that send TokPortal events to your own systems: register, change, test, see and retry deliveries (the TokPortal Trigger manages its own)',
	defaultOperation: 'getMany',
	operations: [create, deleteWebhook, get, getDeliveries, getEvents, getMany, retryDelivery, test, update],
};
