import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../transport';
import { bundleIdLocator } from '../common.descriptions';
import type { TokPortalOperation } from '../operation';
import { withBlockers } from './blockers';
import { locatorId } from '../locator';
import { chargeInfo, orderOptions, orderRequest, readOrderOptions } from './orderOptions';
import { throwIfInvalid } from './validation';

const description: INodeProperties[] = [
	bundleIdLocator,
	orderOptions('nothing is published; the call only checks that publishing would succeed'),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const bundleId = locatorId.call(this, 'bundleId', itemIndex);
	const { options, problems } = readOrderOptions.call(this, itemIndex);
	throwIfInvalid(this.getNode(), problems, itemIndex);
	try {
		const response = await apiRequest.call(this, {
			method: 'POST',
			path: apiPath`/bundles/${bundleId}/publish`,
			itemIndex,
			...orderRequest('publish', options),
		});
		return { ...((response.body.data ?? {}) as IDataObject), ...chargeInfo(response) };
	} catch (error) {
		throw withBlockers(error);
	}
}

export const publish: TokPortalOperation = {
	option: {
		name: 'Publish',
		value: 'publish',
		action: 'Publish a bundle',
		description:
			'Submit a configured bundle to TokPortal so the account (and videos) are made. The bundle itself was paid at creation; for Videos Only bundles a due TokPortal Coverage period of the account may renew first. If the bundle is not ready, the error lists what to fix (see Get Publish Readiness).',
	},
	description,
	execute,
};
