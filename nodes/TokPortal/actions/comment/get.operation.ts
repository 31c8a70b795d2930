import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import { readItem } from '../../../shared/validation';
import type { TokPortalOperation } from '../operation';
import { COMMENT_ERRORS, commentTaskId } from './fields';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { commentTaskId });
	const { body } = await apiRequest.call(this, { method: 'GET', path: apiPath`/comments/${input.commentTaskId}`, itemIndex });
	return body.data as IDataObject;
}

export const get: TokPortalOperation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a comment task',
		description: 'Read one comment task: its status, target, text, deadlines, dispute and refund',
	},
	fields: [commentTaskId],
	errors: COMMENT_ERRORS,
	execute,
};
