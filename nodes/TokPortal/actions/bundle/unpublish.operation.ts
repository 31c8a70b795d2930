import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import { notice, readItem } from '../../../shared/validation';
import { bundleId } from '../common.fields';
import type { TokPortalOperation } from '../operation';
import { chargeInfo } from '../paidCall';

/** Says which status blocked the unpublish: "accepted" means it is too late for good. */
function statusMessage(details: IDataObject): string | undefined {
	const status = details.current_status;
	if (status === 'accepted' || status === 'completed') {
		return `This bundle is ${status}: a TokPortal account manager already accepted it, so it can no longer be unpublished. Nothing was changed or refunded.`;
	}
	return typeof status === 'string'
		? `Only published bundles can be unpublished; this one is ${status}. Nothing was changed.`
		: undefined;
}

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { bundleId });
	const response = await apiRequest.call(this, {
		method: 'POST',
		path: apiPath`/bundles/${input.bundleId}/unpublish`,
		itemIndex,
	});
	return { ...((response.body.data ?? {}) as IDataObject), ...chargeInfo(response) };
}

export const unpublish: TokPortalOperation = {
	option: {
		name: 'Unpublish',
		value: 'unpublish',
		action: 'Unpublish a bundle',
		description:
			'Take a published bundle back to pending_setup so its configuration can be changed. Refused once a TokPortal account manager has accepted it; refunds nothing.',
	},
	fields: [
		notice(
			'unpublishNotice',
			'Only possible until a TokPortal account manager accepts the bundle. Unpublishing refunds nothing: the bundle goes back to setup so you can change it and publish again.',
		),
		bundleId,
	],
	errors: { BUNDLE_INVALID_STATUS: statusMessage },
	execute,
};
