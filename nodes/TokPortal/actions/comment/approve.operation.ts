import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import { readItem } from '../../../shared/validation';
import type { TokPortalOperation } from '../operation';
import { COMMENT_ERRORS, commentTaskId } from './fields';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { commentTaskId });
	const { body } = await apiRequest.call(this, {
		method: 'POST',
		path: apiPath`/comments/${input.commentTaskId}/approve`,
		itemIndex,
	});
	return body.data as IDataObject;
}

export const approve: TokPortalOperation = {
	option: {
		name: 'Approve',
		value: 'approve',
		action: 'Approve a manually confirmed comment task',
		description:
			'Accept a comment task TokPortal confirmed by hand (status manually_confirmed): it becomes finalized and can no longer be disputed. Needs active Coverage on the account.',
	},
	fields: [commentTaskId],
	errors: COMMENT_ERRORS,
	execute,
};
