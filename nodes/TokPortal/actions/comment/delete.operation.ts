import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import { notice, readItem } from '../../../shared/validation';
import type { TokPortalOperation } from '../operation';
import { COMMENT_ERRORS, COMMENT_TASK_CREDITS, commentTaskId } from './fields';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { commentTaskId });
	const { body } = await apiRequest.call(this, { method: 'DELETE', path: apiPath`/comments/${input.commentTaskId}`, itemIndex });
	const result: IDataObject = { ...((body.data ?? {}) as IDataObject) };
	for (const field of ['credits_refunded', 'credits_remaining']) if (body[field] !== undefined) result[field] = body[field];
	return result;
}

export const deleteTask: TokPortalOperation = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Cancel a pending comment task',
		description: `Cancel a comment task that is still pending: it will not be posted and its ${COMMENT_TASK_CREDITS} credit is refunded (credits_refunded). Works while Coverage is paused; cancelling again refunds nothing more. Tasks already taken on cannot be cancelled.`,
	},
	fields: [
		notice(
			'deleteCommentNotice',
			`Cancels the comment for good: it will not be posted. Only pending tasks can be cancelled; the ${COMMENT_TASK_CREDITS} credit is refunded once.`,
		),
		commentTaskId,
	],
	errors: COMMENT_ERRORS,
	execute,
};
