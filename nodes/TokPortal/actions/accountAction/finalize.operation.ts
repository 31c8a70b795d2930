import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../transport';
import { bundleIdLocator } from '../common.descriptions';
import type { TokPortalOperation } from '../operation';
import { explainError, NO_ACCOUNT_STEP } from '../explainError';
import { locatorId } from '../locator';

const description: INodeProperties[] = [bundleIdLocator];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const bundleId = locatorId.call(this, 'bundleId', itemIndex);
	try {
		const { body } = await apiRequest.call(this, {
			method: 'POST',
			path: apiPath`/bundles/${bundleId}/account/finalize`,
			itemIndex,
		});
		return body.data as IDataObject;
	} catch (error) {
		throw explainError(error, {
			ACCOUNT_NOT_FOUND: NO_ACCOUNT_STEP,
			INVALID_STATUS:
				'The account is not in review, so it cannot be finalized. Only an account TokPortal has delivered for review (status in_review) can be approved; use Account Configuration → Get to check its status.',
		});
	}
}

export const finalize: TokPortalOperation = {
	option: {
		name: 'Finalize',
		value: 'finalize',
		action: 'Approve the account of a bundle',
		description:
			"Approve the account TokPortal created for a bundle once it is in review (status in_review). Final: corrections can no longer be requested afterwards. Without it, TokPortal approves automatically after 72 hours.",
	},
	description,
	execute,
};
