// Comment → Get Many, Get, and the Comment Task picker's list search.
import { searchCommentTasks } from '../../../nodes/TokPortal/methods/listSearch';
import { loadOptionsContext } from '../../harness/loadOptionsContext';
import type { CommentTask, DeliveredAccount, Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { run } from '../accountFixtures';
import { managedAccount } from '../careFixtures';
import { byTask, commentTask } from './commentFixtures';

let sim: Simulator;
let first: DeliveredAccount;
let second: DeliveredAccount;
let tasks: CommentTask[];
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
	first = await managedAccount(sim);
	second = await managedAccount(sim);
	tasks = [await commentTask(sim, first.id, 'one'), await commentTask(sim, first.id, 'two'), await commentTask(sim, second.id, 'three')];
	sim.operator.submitComment(tasks[1].id);
});
afterAll(async () => await sim.close());

describe('Comment → Get Many', () => {
	it('lists every task, newest first, one item each', async () => {
		const { items, requests } = await run(sim, { resource: 'comment', operation: 'getMany', returnAll: true });
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /comments']);
		expect(requests[0].query).toEqual({ page: '1', per_page: '100' });
		expect(items.map((item) => item.json.comment_text)).toEqual(['three', 'two', 'one']);
	});

	it('sends statuses comma-separated and accounts repeated; stops at the Limit', async () => {
		const { items, requests } = await run(sim, {
			resource: 'comment',
			operation: 'getMany',
			returnAll: false,
			limit: 1,
			filters: { status: ['pending', 'submitted'], accountIds: `${first.id},${second.id}` },
		});
		expect(requests[0].query).toEqual({
			page: '1',
			per_page: '1',
			status: 'pending,submitted',
			saved_account_id: [first.id, second.id],
		});
		expect(items.map((item) => item.json.comment_text)).toEqual(['three']);

		const submitted = await run(sim, { resource: 'comment', operation: 'getMany', returnAll: true, filters: { status: ['submitted'] } });
		expect(submitted.items.map((item) => item.json.id)).toEqual([tasks[1].id]);
	});
});

describe('Comment → Get', () => {
	it('reads one task', async () => {
		const { items, requests } = await run(sim, { resource: 'comment', operation: 'get', commentTaskId: byTask(tasks[0].id) });
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /comments/${tasks[0].id}`]);
		expect(items[0].json).toMatchObject({ id: tasks[0].id, comment_text: 'one', status: 'pending' });
	});

	it('explains an unknown task', async () => {
		const { error } = await run(sim, { resource: 'comment', operation: 'get', commentTaskId: byTask('00000000-0000-4000-8000-000000000000') });
		expect(error?.message).toMatch(/^Comment task not found/);
	});
});

describe('the Comment Task picker', () => {
	it('names each task by its text, target, platform and status, and links the post', async () => {
		const result = await searchCommentTasks.call(loadOptionsContext(sim), 'TWO');
		expect(result.results).toEqual([
			{ name: '“two” · on @creator · TikTok · submitted', value: tasks[1].id, url: tasks[1].target_video_url },
		]);
	});
});
