import type { TokPortalResource } from '../operation';
import { approve } from './approve.operation';
import { create } from './create.operation';
import { deleteTask } from './delete.operation';
import { dispute } from './dispute.operation';
import { get } from './get.operation';
import { getMany } from './getMany.operation';
import { getVerifications } from './getVerifications.operation';

export const comment: TokPortalResource = {
	name: 'Comment',
	value: 'comment',
	description: 'Comment tasks: a delivered account posts a comment on a TikTok or Instagram post (1 credit each)',
	defaultOperation: 'create',
	operations: [approve, create, deleteTask, dispute, get, getMany, getVerifications],
};
