import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import { readItem } from '../../../shared/validation';
import { bundleId } from '../common.fields';
import type { TokPortalOperation } from '../operation';
import { blockersMessage } from './blockers';
import { chargeInfo, paidCallOptions, paidRequest } from '../paidCall';

const publishOptions = paidCallOptions('nothing is published; the call only checks that publishing would succeed');

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { bundleId, options: publishOptions });
	const response = await apiRequest.call(this, {
		method: 'POST',
		path: apiPath`/bundles/${input.bundleId}/publish`,
		itemIndex,
		...paidRequest('bundle.publish', input.options),
	});
	return { ...((response.body.data ?? {}) as IDataObject), ...chargeInfo(response) };
}

export const publish: TokPortalOperation = {
	option: {
		name: 'Publish',
		value: 'publish',
		action: 'Publish a bundle',
		description:
			'Submit a configured bundle to TokPortal so the account (and videos) are made. The bundle itself was paid at creation; for Videos Only bundles a due TokPortal Coverage period of the account may renew first. If the bundle is not ready, the error lists what to fix (see Get Publish Readiness).',
	},
	fields: [bundleId, publishOptions],
	errors: { '*': blockersMessage },
	execute,
};
