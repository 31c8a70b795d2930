import { resourceProperties } from '../operation';
import type { TokPortalOperation } from '../operation';
import { create } from './create.operation';
import { createBulk } from './createBulk.operation';
import { get } from './get.operation';
import { getMany } from './getMany.operation';
import { getPublishReadiness } from './getPublishReadiness.operation';
import { publish } from './publish.operation';
import { unpublish } from './unpublish.operation';
import { update } from './update.operation';

export const operations: TokPortalOperation[] = [
	create,
	createBulk,
	get,
	getMany,
	getPublishReadiness,
	publish,
	unpublish,
	update,
];

export const description = resourceProperties('bundle', operations, 'create');
