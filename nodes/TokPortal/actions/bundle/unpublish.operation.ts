import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { apiPath, apiRequest, errorCodeOf } from '../../transport';
import { bundleIdLocator } from '../common.descriptions';
import type { TokPortalOperation } from '../operation';
import { locatorId } from '../locator';
import { chargeInfo } from './orderOptions';

const description: INodeProperties[] = [
	{
		displayName:
			'Only possible until a TokPortal account manager accepts the bundle. Unpublishing refunds nothing: the bundle goes back to setup so you can change it and publish again.',
		name: 'unpublishNotice',
		type: 'notice',
		default: '',
	},
	bundleIdLocator,
];

/** Says which status blocked the unpublish: "accepted" means it is too late for good. */
function explainStatus(error: unknown): unknown {
	if (!(error instanceof NodeApiError) || errorCodeOf(error) !== 'BUNDLE_INVALID_STATUS') return error;
	const status = (error.context.tokportalDetails as IDataObject | undefined)?.current_status;
	if (status === 'accepted' || status === 'completed') {
		error.message = `This bundle is ${status}: a TokPortal account manager already accepted it, so it can no longer be unpublished. Nothing was changed or refunded.`;
	} else if (typeof status === 'string') {
		error.message = `Only published bundles can be unpublished; this one is ${status}. Nothing was changed.`;
	}
	return error;
}

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const bundleId = locatorId.call(this, 'bundleId', itemIndex);
	try {
		const response = await apiRequest.call(this, {
			method: 'POST',
			path: apiPath`/bundles/${bundleId}/unpublish`,
			itemIndex,
		});
		return { ...((response.body.data ?? {}) as IDataObject), ...chargeInfo(response) };
	} catch (error) {
		throw explainStatus(error);
	}
}

export const unpublish: TokPortalOperation = {
	option: {
		name: 'Unpublish',
		value: 'unpublish',
		action: 'Unpublish a bundle',
		description:
			'Take a published bundle back to pending_setup so its configuration can be changed. Refused once a TokPortal account manager has accepted it; refunds nothing.',
	},
	description,
	execute,
};
