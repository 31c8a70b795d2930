import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import { readItem, text } from '../../../shared/validation';
import type { TokPortalOperation } from '../operation';
import { COMMENT_ERRORS, commentTaskId } from './fields';

const reason = text({
	name: 'reason',
	displayName: 'Reason',
	required: true,
	minLength: 1,
	maxLength: 1000,
	rows: 3,
	placeholder: 'e.g. The comment is not under the post, or its text differs from what was ordered',
	description: 'What is wrong with the comment (1–1000 characters)',
});

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { commentTaskId, reason });
	const { body } = await apiRequest.call(this, {
		method: 'POST',
		path: apiPath`/comments/${input.commentTaskId}/dispute`,
		body: { reason: input.reason },
		itemIndex,
	});
	return body.data as IDataObject;
}

export const dispute: TokPortalOperation = {
	option: {
		name: 'Dispute',
		value: 'dispute',
		action: 'Dispute a comment task',
		description:
			'Contest a verified or manually confirmed comment task, with a reason, within 72 hours of its confirmation (client_dispute_deadline_at)',
	},
	fields: [commentTaskId, reason],
	errors: COMMENT_ERRORS,
	execute,
};
