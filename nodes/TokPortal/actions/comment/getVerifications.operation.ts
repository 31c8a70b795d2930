import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import { readItem } from '../../../shared/validation';
import type { TokPortalOperation } from '../operation';
import { COMMENT_ERRORS, commentTaskId } from './fields';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const input = readItem(this, itemIndex, { commentTaskId });
	const { body } = await apiRequest.call(this, {
		method: 'GET',
		path: apiPath`/comments/${input.commentTaskId}/verifications`,
		itemIndex,
	});
	return Array.isArray(body.data) ? (body.data as IDataObject[]) : [];
}

export const getVerifications: TokPortalOperation = {
	option: {
		name: 'Get Verifications',
		value: 'getVerifications',
		action: 'Get the verifications of a comment task',
		description:
			'List how TokPortal checked a comment task, oldest first: each attempt’s result (matched, not found, manually confirmed), similarity, comments scanned and the matched comment. One item per check; none before the first.',
	},
	fields: [commentTaskId],
	errors: COMMENT_ERRORS,
	execute,
};
