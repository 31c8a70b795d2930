import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import { readItem } from '../../../shared/validation';
import { bundleId, NO_ACCOUNT_STEP } from '../common.fields';
import type { TokPortalOperation } from '../operation';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { bundleId });
	const { body } = await apiRequest.call(this, {
		method: 'POST',
		path: apiPath`/bundles/${input.bundleId}/account/finalize`,
		itemIndex,
	});
	return body.data as IDataObject;
}

export const finalize: TokPortalOperation = {
	option: {
		name: 'Finalize',
		value: 'finalize',
		action: 'Approve the account of a bundle',
		description:
			'Approve the account TokPortal created for a bundle once it is in review (status in_review). Final: corrections can no longer be requested afterwards. Without it, TokPortal approves automatically after 72 hours.',
	},
	fields: [bundleId],
	errors: {
		ACCOUNT_NOT_FOUND: NO_ACCOUNT_STEP,
		INVALID_STATUS:
			'The account is not in review, so it cannot be finalized. Only an account TokPortal has delivered for review (status in_review) can be approved; use Account Configuration → Get to check its status.',
	},
	execute,
};
