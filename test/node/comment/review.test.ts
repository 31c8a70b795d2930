// Comment → Approve, Dispute and Get Verifications: what happens once TokPortal checked a comment.
import type { DeliveredAccount, Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { run } from '../accountFixtures';
import { managedAccount } from '../careFixtures';
import { byTask, commentTask } from './commentFixtures';

let sim: Simulator;
let account: DeliveredAccount;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
	account = await managedAccount(sim);
});
afterAll(async () => await sim.close());

async function checkedTask(result: 'matched' | 'manually_confirmed' | 'not_found') {
	const task = await commentTask(sim, account.id);
	sim.operator.submitComment(task.id);
	sim.operator.verifyComment(task.id, result);
	return task;
}

describe('Comment → Approve', () => {
	it('finalizes a manually confirmed task', async () => {
		const task = await checkedTask('manually_confirmed');
		const { items, requests } = await run(sim, { resource: 'comment', operation: 'approve', commentTaskId: byTask(task.id) });
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST /comments/${task.id}/approve`]);
		expect(requests[0].body).toBeUndefined();
		expect(items[0].json).toMatchObject({ id: task.id, status: 'finalized' });
	});

	it('refuses a task that does not wait for approval', async () => {
		const task = await checkedTask('matched');
		const { error } = await run(sim, { resource: 'comment', operation: 'approve', commentTaskId: byTask(task.id) });
		expect(error?.message).toBe('This comment task is verified; this needs it to be manually_confirmed. Nothing was changed or charged.');
	});
});

describe('Comment → Dispute', () => {
	it('disputes a verified task with the reason', async () => {
		const task = await checkedTask('matched');
		const { items, requests } = await run(sim, {
			resource: 'comment',
			operation: 'dispute',
			commentTaskId: byTask(task.id),
			reason: 'The comment is under another post',
		});
		expect(requests[0]).toMatchObject({ method: 'POST', path: `/comments/${task.id}/dispute`, body: { reason: 'The comment is under another post' } });
		expect(items[0].json).toMatchObject({ status: 'disputed', dispute: { reason: 'The comment is under another post' } });
	});

	it('refuses an empty or too long reason before sending, and says when the window closed', async () => {
		const task = await checkedTask('matched');
		for (const reason of ['={{ "  " }}', 'r'.repeat(1001)]) {
			const { error, requests } = await run(sim, { resource: 'comment', operation: 'dispute', commentTaskId: byTask(task.id), reason });
			expect(requests).toHaveLength(0);
			expect(error?.message).toMatch(/^"Reason" (is required|must be at most 1000 characters long \(it has 1001\))$/);
		}
		task.client_dispute_deadline_at = new Date(Date.now() - 1000).toISOString();
		const { error } = await run(sim, { resource: 'comment', operation: 'dispute', commentTaskId: byTask(task.id), reason: 'Too late?' });
		expect(error?.message).toBe(
			`The dispute window of this comment task closed at ${task.client_dispute_deadline_at} (72 hours after it was confirmed). Nothing was changed.`,
		);
	});
});

describe('Comment → Get Verifications', () => {
	it('lists each check of the task, one item each', async () => {
		const task = await commentTask(sim, account.id);
		const none = await run(sim, { resource: 'comment', operation: 'getVerifications', commentTaskId: byTask(task.id) });
		expect(none.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /comments/${task.id}/verifications`]);
		expect(none.items).toHaveLength(0);

		sim.operator.submitComment(task.id);
		sim.operator.verifyComment(task.id, 'not_found');
		sim.operator.verifyComment(task.id, 'matched');
		const { items } = await run(sim, { resource: 'comment', operation: 'getVerifications', commentTaskId: byTask(task.id) });
		expect(items.map((item) => [item.json.attempt, item.json.result, item.json.task_id])).toEqual([
			[1, 'not_found', task.id],
			[2, 'matched', task.id],
		]);
	});
});
