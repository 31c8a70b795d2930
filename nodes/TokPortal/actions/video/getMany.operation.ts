import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import { boolean, ItemReader, options } from '../../../shared/validation';
import { bundleId, filtersOf, limit, returnAll } from '../common.fields';
import type { TokPortalOperation } from '../operation';
import { videoErrors } from './common';

const filters = filtersOf({
	onlyFree: boolean({
		name: 'onlyFree',
		displayName: 'Only Free Slots',
		default: true,
		description: 'Whether to return only the slots that are still free (pending: nothing configured yet)',
	}),
	status: options({
		name: 'status',
		displayName: 'Status',
		default: 'configured',
		description: 'Only videos in this status',
		options: [
			{ name: 'Accepted', value: 'accepted', description: 'Accepted by an account manager, waiting to be posted' },
			{ name: 'Cancelled', value: 'cancelled', description: 'Stopped with its bundle (e.g. after a ban)' },
			{ name: 'Configured', value: 'configured', description: 'Configured, not yet submitted' },
			{ name: 'Finalized', value: 'finalized', description: 'Posted and approved' },
			{ name: 'In Review', value: 'in_review', description: 'Posted, waiting for your review' },
			{ name: 'Pending', value: 'pending', description: 'Free: nothing configured yet' },
			{ name: 'Pending Corrections', value: 'pending_corrections', description: 'You asked for corrections' },
			{ name: 'Published', value: 'published', description: 'Submitted for posting' },
		],
	}),
});

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const reader = new ItemReader(this, itemIndex);
	const input = reader.read({ bundleId, filters, returnAll });
	const paging = input.returnAll ? { limit: undefined } : reader.read({ limit });
	reader.check(
		input.filters.onlyFree === true && input.filters.status !== undefined && input.filters.status !== 'pending' &&
			'"Only Free Slots" returns pending slots only, so it cannot be combined with another "Status": remove one of them',
	);
	reader.done();
	// TokPortal returns every slot of a bundle at once (no pages); the filters apply here.
	const { body } = await apiRequest.call(this, { method: 'GET', path: apiPath`/bundles/${input.bundleId}/videos`, itemIndex });
	const wanted = input.filters.onlyFree ? 'pending' : input.filters.status;
	const slots = (Array.isArray(body.data) ? (body.data as IDataObject[]) : []).filter(
		(slot) => wanted === undefined || slot.status === wanted,
	);
	return paging.limit === undefined ? slots : slots.slice(0, paging.limit);
}

export const getMany: TokPortalOperation = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		action: 'Get many videos of a bundle',
		description: 'The video slots of a bundle, one item per slot in position order, optionally only the free ones or one status',
	},
	fields: [bundleId, returnAll, limit, filters],
	errors: videoErrors,
	execute,
};
