import type { IDataObject } from 'n8n-workflow';

import { locator } from '../../../shared/validation';
import { TASK_ACCESS_ERRORS } from '../taskAccess';

/** What the comment task operations share: the task picker and what TokPortal's codes mean. */

export const COMMENT_TASK_CREDITS = 1;

export const commentTaskId = locator({
	name: 'commentTaskId',
	displayName: 'Comment Task',
	required: true,
	description: 'The comment task to work on',
	searchListMethod: 'searchCommentTasks',
	listPlaceholder: 'Select a comment task…',
	idPlaceholder: 'e.g. 7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
});

function statuses(value: unknown): string {
	return Array.isArray(value) ? value.map(String).join(' or ') : 'another status';
}

export const COMMENT_ERRORS = {
	...TASK_ACCESS_ERRORS,
	COMMENT_TASK_NOT_FOUND:
		'Comment task not found. Use an ID from Comment → Get Many: it must be a task of this API key’s organization.',
	COMMENT_TASK_INVALID_STATUS: (details: IDataObject) =>
		`This comment task is ${String(details.current_status ?? 'in another status')}; this needs it to be ${statuses(details.allowed_statuses)}. Nothing was changed or charged.`,
	COMMENT_TASK_DISPUTE_WINDOW_CLOSED: (details: IDataObject) =>
		`The dispute window of this comment task closed${details.client_dispute_deadline_at ? ` at ${String(details.client_dispute_deadline_at)}` : ''} (72 hours after it was confirmed). Nothing was changed.`,
	COMMENT_TOO_LONG: (details: IDataObject) =>
		`The comment is too long for this account’s platform: at most ${String(details.max_length ?? 150)} characters${details.length !== undefined ? ` (it has ${String(details.length)})` : ''}. Nothing was charged.`,
	COMMENT_PLATFORM_NOT_SUPPORTED:
		'Comment tasks are available on TikTok and Instagram accounts only. Choose another delivered account. Nothing was charged.',
} as const;
