import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import { notice, readItem } from '../../../shared/validation';
import { bundleId } from '../common.fields';
import type { TokPortalOperation } from '../operation';

/** The history lives on the bundle (GET /bundles/{id} → account.feedback_history), in the order it happened. */
async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const input = readItem(this, itemIndex, { bundleId });
	const { body } = await apiRequest.call(this, {
		method: 'GET',
		path: apiPath`/bundles/${input.bundleId}`,
		itemIndex,
	});
	const bundle = (body.data ?? {}) as IDataObject;
	const account = bundle.account as IDataObject | null | undefined;
	if (!account) {
		throw new NodeOperationError(this.getNode(), 'This bundle has no account, so it has no feedback history', {
			itemIndex,
			description: `Bundle ${input.bundleId} is a "${String(bundle.bundle_type ?? 'videos_only')}" bundle: it posts to an existing account and has no account review step. Use a bundle that creates an account.`,
		});
	}
	const history = account.feedback_history;
	return Array.isArray(history) ? (history as IDataObject[]) : [];
}

export const getFeedbackHistory: TokPortalOperation = {
	option: {
		name: 'Get Feedback History',
		value: 'getFeedbackHistory',
		action: 'Get the feedback history of a bundle account',
		description:
			"List every review event of a bundle's account, oldest first: corrections requested, corrections applied by the account manager, and finalization",
	},
	fields: [
		bundleId,
		notice(
			'historyNotice',
			'Returns one item per history entry, oldest first. A bundle without feedback yet returns no items; turn on "Always Output Data" in the node settings to continue the workflow anyway.',
		),
	],
	execute,
};
