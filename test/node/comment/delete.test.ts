// Comment → Delete: cancels a pending task and refunds its credit, once.
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

const remove = (id: string) => ({ resource: 'comment', operation: 'delete', commentTaskId: byTask(id) });

describe('Comment → Delete', () => {
	it('cancels a pending task and refunds its credit; cancelling again refunds nothing more', async () => {
		const task = await commentTask(sim, account.id);
		const before = sim.state.credits;
		const { items, requests } = await run(sim, remove(task.id));
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`DELETE /comments/${task.id}`]);
		expect(requests[0].headers['idempotency-key']).toMatch(/^n8n-/);
		expect(items[0].json).toMatchObject({ id: task.id, status: 'cancelled', credits_refunded: 1, credits_remaining: before + 1 });
		expect(sim.state.credits).toBe(before + 1);

		const again = await run(sim, remove(task.id));
		expect(again.items[0].json).toMatchObject({ status: 'cancelled', credits_refunded: 0 });
		expect(sim.state.credits).toBe(before + 1);
	});

	it('still cancels while Coverage is cancelled', async () => {
		const other = await managedAccount(sim);
		const task = await commentTask(sim, other.id);
		await run(sim, { resource: 'deliveredAccount', operation: 'cancelCoverage', accountId: { __rl: true, mode: 'id', value: other.id }, acknowledgeCoverageEnds: true });
		const { items, error } = await run(sim, remove(task.id));
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ status: 'cancelled', credits_refunded: 1 });
	});

	it('refuses a task already taken on, saying its status', async () => {
		const task = await commentTask(sim, account.id);
		sim.operator.submitComment(task.id);
		const { error } = await run(sim, remove(task.id));
		expect(error?.message).toBe('This comment task is submitted; this needs it to be pending. Nothing was changed or charged.');
		expect(error?.description).toContain('COMMENT_TASK_INVALID_STATUS');
	});
});
