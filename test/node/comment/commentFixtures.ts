// Comment tasks created over HTTP (never through the node under test), and the node's parameters.
import type { CommentTask, Simulator } from '../../simulator';
import { callApi } from '../accountFixtures';

export const TIKTOK_POST = 'https://www.tiktok.com/@creator/video/7345678901234567890';
export const INSTAGRAM_POST = 'https://www.instagram.com/p/C1a2B3c4D5e/';

export async function commentTask(sim: Simulator, accountId: string, text = 'Love this!'): Promise<CommentTask> {
	const { status, json } = await callApi(sim, 'POST', '/comments', {
		saved_account_id: accountId,
		target_video_url: TIKTOK_POST,
		comment_text: text,
	});
	const created = (json.data?.created as Array<{ id: string }> | undefined)?.[0];
	if (status !== 201 || !created) throw new Error(`fixture comment: HTTP ${status} ${JSON.stringify(json)}`);
	return sim.state.commentTasks.find((task) => task.id === created.id)!;
}

export const byTask = (id: string) => ({ __rl: true, mode: 'id', value: id });
