// Comment tasks (notes §12.6): create one or a batch (rows validated first; rejected rows are never
// charged; accepted rows debited in one transaction), list, read, cancel with refund, approve,
// dispute, and the verifier timeline.
import { assertTaskAccess } from '../coverage';
import { buildTask, COMMENT_STATUSES, finalizeTask, invalidStatus, MAX_BATCH, refund, taskView } from '../commentTasks';
import { ApiError, validationError } from '../errors';
import { paginate } from '../pagination';
import type { RouteContext, RouteDef, RouteResult } from '../router';
import { SERVICE_PRICES } from '../servicePricing';
import type { CommentTask } from '../serviceTypes';
import { objectBody, queryValues } from '../validate';
import { newestFirst } from './bundles';

function ownedTask(ctx: RouteContext): CommentTask {
	const task = ctx.store.state.commentTasks.find((t) => t.id === ctx.params.id && t.owner_id === ctx.owner);
	if (!task) throw new ApiError(404, 'COMMENT_TASK_NOT_FOUND', 'Comment task not found.', { task_id: ctx.params.id });
	return task;
}

function createTasks(ctx: RouteContext): RouteResult {
	const o = objectBody(ctx.body);
	const batch = o.tasks !== undefined;
	if (batch && Object.keys(o).length > 1) {
		throw validationError('tasks', 'Send either one task (its fields at the top level) or {"tasks": [...]}, not both.');
	}
	if (batch && (!Array.isArray(o.tasks) || o.tasks.length === 0 || o.tasks.length > MAX_BATCH)) {
		throw validationError('tasks', `tasks must be an array of 1 to ${MAX_BATCH} tasks.`);
	}
	const created: CommentTask[] = [];
	const rejected: Array<Record<string, unknown>> = [];
	if (!batch) {
		// A single task answers its typed 4xx instead of a rejected row.
		created.push(buildTask(ctx.store, ctx.owner, o));
	} else {
		(o.tasks as unknown[]).forEach((raw, index) => {
			try {
				created.push(buildTask(ctx.store, ctx.owner, raw));
			} catch (err) {
				if (!(err instanceof ApiError)) throw err;
				rejected.push({ index, code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) });
			}
		});
	}
	const price = created.length * SERVICE_PRICES.comment_task;
	if (price > 0) ctx.store.debit(ctx.owner, { comment_tasks: price, total: price }, `Comment tasks (${created.length})`, null);
	ctx.store.state.commentTasks.push(...created);
	return {
		status: 201,
		body: {
			data: { created: created.map(taskView), rejected },
			created_count: created.length,
			rejected_count: rejected.length,
			credits_charged: price,
			credits_remaining: ctx.store.state.credits,
		},
	};
}

function listTasks(ctx: RouteContext): RouteResult {
	// `status` is comma-separated (and may repeat).
	const statuses = queryValues(ctx.query, 'status').flatMap((v) => v.split(',').map((s) => s.trim()).filter(Boolean));
	const bad = statuses.find((s) => !COMMENT_STATUSES.includes(s as CommentTask['status']));
	if (bad) throw validationError('status', `Unknown status "${bad}"; use: ${COMMENT_STATUSES.join(', ')}.`);
	const accounts = queryValues(ctx.query, 'saved_account_id');
	const items = newestFirst(ctx.store.state.commentTasks).filter(
		(t) =>
			t.owner_id === ctx.owner &&
			(statuses.length === 0 || statuses.includes(t.status)) &&
			(accounts.length === 0 || accounts.includes(t.saved_account_id)),
	);
	const page = paginate(items, ctx.query);
	return { status: 200, body: { data: page.data.map(taskView), pagination: page.pagination } };
}

function getTask(ctx: RouteContext): RouteResult {
	return { status: 200, body: { data: taskView(ownedTask(ctx)) } };
}

/** Cancel while pending (allowed even when Coverage is paused); repeating it refunds nothing more. */
function deleteTask(ctx: RouteContext): RouteResult {
	const task = ownedTask(ctx);
	if (task.status === 'cancelled') {
		return { status: 200, body: { data: taskView(task), credits_refunded: 0, credits_remaining: ctx.store.state.credits } };
	}
	if (task.status !== 'pending') throw invalidStatus(task, ['pending'], 'Only pending comment tasks can be cancelled.');
	const refunded = refund(ctx.store, task, 'cancelled', 'cancelled');
	return { status: 200, body: { data: taskView(task), credits_refunded: refunded, credits_remaining: ctx.store.state.credits } };
}

function approveTask(ctx: RouteContext): RouteResult {
	const task = ownedTask(ctx);
	if (task.status !== 'manually_confirmed') {
		throw invalidStatus(task, ['manually_confirmed'], 'Only manually confirmed comment tasks wait for your approval.');
	}
	const account = ctx.store.state.accounts.find((a) => a.id === task.saved_account_id);
	if (account) assertTaskAccess(ctx.store, account);
	finalizeTask(ctx.store, task);
	return { status: 200, body: { data: taskView(task) } };
}

function disputeTask(ctx: RouteContext): RouteResult {
	const task = ownedTask(ctx);
	const reason = objectBody(ctx.body).reason;
	if (typeof reason !== 'string' || reason.trim() === '' || reason.length > 1000) {
		throw validationError('reason', 'reason (1 to 1000 characters) is required.');
	}
	if (task.status !== 'verified' && task.status !== 'manually_confirmed') {
		throw invalidStatus(task, ['verified', 'manually_confirmed'], 'Only verified or manually confirmed comment tasks can be disputed.');
	}
	if (task.client_dispute_deadline_at && Date.now() > Date.parse(task.client_dispute_deadline_at)) {
		throw new ApiError(409, 'COMMENT_TASK_DISPUTE_WINDOW_CLOSED', 'The dispute window of this comment task has closed.', {
			task_id: task.id,
			client_dispute_deadline_at: task.client_dispute_deadline_at,
		});
	}
	const now = ctx.store.now();
	task.status = 'disputed';
	task.dispute = { reason, disputed_at: now };
	task.updated_at = now;
	return { status: 200, body: { data: taskView(task) } };
}

function verifications(ctx: RouteContext): RouteResult {
	const task = ownedTask(ctx);
	return { status: 200, body: { data: task.verifications.map((v) => ({ ...v, task_id: task.id })) } };
}

export const commentRoutes: Array<RouteDef<RouteContext>> = [
	{ method: 'POST', path: '/comments', handler: createTasks },
	{ method: 'GET', path: '/comments', handler: listTasks },
	{ method: 'GET', path: '/comments/:id', handler: getTask },
	{ method: 'DELETE', path: '/comments/:id', handler: deleteTask },
	{ method: 'POST', path: '/comments/:id/approve', handler: approveTask },
	{ method: 'POST', path: '/comments/:id/dispute', handler: disputeTask },
	{ method: 'GET', path: '/comments/:id/verifications', handler: verifications },
];
