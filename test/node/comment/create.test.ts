// Comment → Create: one task per input item (1 credit each), paired with its item; the post's
// platform rules are checked before anything is charged.
import type { DeliveredAccount, Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { byId, run } from '../accountFixtures';
import { managedAccount } from '../careFixtures';
import { INSTAGRAM_POST, TIKTOK_POST } from './commentFixtures';

let sim: Simulator;
let tiktok: DeliveredAccount;
let instagram: DeliveredAccount;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
	tiktok = await managedAccount(sim, 'tiktok');
	instagram = await managedAccount(sim, 'instagram');
});
afterAll(async () => await sim.close());

const create = (extra: Record<string, unknown> = {}) => ({
	resource: 'comment',
	operation: 'create',
	accountId: byId(tiktok.id),
	targetVideoUrl: '={{ $json.post }}',
	commentText: '={{ $json.text }}',
	...extra,
});

describe('Comment → Create', () => {
	it('creates one task per input item, each paired with its item and carrying its charge', async () => {
		const before = sim.state.credits;
		const { items, requests, error } = await run(sim, create({ additionalFields: { briefId: 'brief-9' } }), {
			items: [
				{ post: TIKTOK_POST, text: 'First!' },
				{ post: TIKTOK_POST, text: 'Where is this from?' },
			],
		});
		expect(error).toBeUndefined();
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /comments', 'POST /comments']);
		expect(requests[0].body).toEqual({
			saved_account_id: tiktok.id,
			target_video_url: TIKTOK_POST,
			comment_text: 'First!',
			brief_id: 'brief-9',
		});
		expect(requests[0].headers['idempotency-key']).not.toBe(requests[1].headers['idempotency-key']);
		expect(items.map((item) => [item.json.comment_text, item.pairedItem])).toEqual([
			['First!', { item: 0 }],
			['Where is this from?', { item: 1 }],
		]);
		expect(items[0].json).toMatchObject({
			status: 'pending',
			saved_account_id: tiktok.id,
			target_author_handle: 'creator',
			credits_charged: 1,
		});
		expect(sim.state.credits).toBe(before - 2);
	});

	it('replies to a TikTok comment', async () => {
		const commentUrl = `${TIKTOK_POST}?comment_id=42`;
		const { items, requests } = await run(sim, create({ targetType: 'comment', targetCommentUrl: commentUrl }), {
			items: [{ post: TIKTOK_POST, text: 'Agreed' }],
		});
		expect(requests[0].body).toEqual({
			saved_account_id: tiktok.id,
			target_video_url: TIKTOK_POST,
			comment_text: 'Agreed',
			target_type: 'comment',
			target_comment_url: commentUrl,
		});
		expect(items[0].json).toMatchObject({ target_type: 'comment', target_comment_url: commentUrl });
	});

	it('checks the platform’s rules from the post URL before sending, and keeps pairing under Continue On Fail', async () => {
		const long = 'x'.repeat(151);
		const { items, requests } = await run(sim, create({ accountId: '={{ $json.account }}' }), {
			continueOnFail: true,
			items: [
				{ account: tiktok.id, post: TIKTOK_POST, text: long },
				{ account: instagram.id, post: INSTAGRAM_POST, text: long },
				{ account: tiktok.id, post: 'https://www.youtube.com/watch?v=abc', text: 'Nice' },
				{ account: tiktok.id, post: 'http://www.tiktok.com/@a/video/1', text: 'Nice' },
			],
		});
		expect(requests.map((r) => (r.body as { comment_text: string }).comment_text)).toEqual([long]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(items[0].json.error).toBe('"Comment Text" must be at most 150 characters on TikTok (it has 151)');
		expect(items[1].json).toMatchObject({ saved_account_id: instagram.id, credits_charged: 1 });
		expect(items[2].json.error).toBe(
			'"Post URL" must be a TikTok (tiktok.com) or Instagram (instagram.com) post (got https://www.youtube.com/watch?v=abc)',
		);
		expect(items[3].json.error).toBe('"Post URL" must start with https:// (got "http://www.tiktok.com/@a/video/1")');
	});

	it('takes Comment On from an expression, needing a Comment URL only for replies', async () => {
		const { items, error, requests } = await run(sim, create({ targetType: '={{ $json.kind }}', targetCommentUrl: '={{ $json.reply }}' }), {
			continueOnFail: true,
			items: [
				{ kind: 'video', post: TIKTOK_POST, text: 'On the post' },
				{ kind: 'comment', post: TIKTOK_POST, text: 'A reply', reply: `${TIKTOK_POST}?comment_id=7` },
				{ kind: 'comment', post: TIKTOK_POST, text: 'A reply to nothing' },
			],
		});
		expect(error).toBeUndefined();
		expect(requests.map((r) => (r.body as { target_type?: string }).target_type)).toEqual([undefined, 'comment']);
		expect(items[0].json).toMatchObject({ target_type: 'video', comment_text: 'On the post' });
		expect(items[1].json).toMatchObject({ target_type: 'comment', target_comment_url: `${TIKTOK_POST}?comment_id=7` });
		expect(items[2].json.error).toBe('"Comment URL" is required to reply to a comment');

		// Without any Comment URL parameter: n8n shows every field for an expression, but must not demand it.
		const posts = await run(sim, create({ targetType: '={{ $json.kind }}' }), { items: [{ kind: 'video', post: TIKTOK_POST, text: 'Plain' }] });
		expect(posts.error).toBeUndefined();
		expect(posts.items[0].json).toMatchObject({ comment_text: 'Plain', target_type: 'video' });
	});

	it('refuses a reply on Instagram or without a TikTok comment URL, with zero requests', async () => {
		const instagramReply = await run(sim, create({ accountId: byId(instagram.id), targetType: 'comment', targetCommentUrl: INSTAGRAM_POST }), {
			items: [{ post: INSTAGRAM_POST, text: 'Hi' }],
		});
		expect(instagramReply.requests).toHaveLength(0);
		expect(instagramReply.error?.message).toBe(
			'2 fields need fixing: "Comment On: A Comment (Reply)" is available on TikTok only; "Comment URL" must be a TikTok (tiktok.com) comment',
		);

		const noUrl = await run(sim, create({ targetType: 'comment', targetCommentUrl: '={{ "" }}' }), { items: [{ post: TIKTOK_POST, text: 'Hi' }] });
		expect(noUrl.requests).toHaveLength(0);
		expect(noUrl.error?.message).toBe('"Comment URL" is required to reply to a comment');
	});

	it('Dry Run prices without creating; an Idempotency Key makes a re-run replay', async () => {
		const before = sim.state.credits;
		const tasks = sim.state.commentTasks.length;
		const dry = await run(sim, create({ options: { dryRun: true } }), { items: [{ post: TIKTOK_POST, text: 'Dry' }] });
		expect(dry.requests[0].headers['x-tokportal-dry-run']).toBe('true');
		expect(dry.items[0].json).toMatchObject({ dry_run: true, credits_charged: 0, credits_would_charge: 1 });
		expect(sim.state.commentTasks).toHaveLength(tasks);

		const keyed = create({ options: { idempotencyKey: '={{ $json.row }}' } });
		const first = await run(sim, keyed, { items: [{ post: TIKTOK_POST, text: 'Once', row: 'c-1' }] });
		const second = await run(sim, keyed, { items: [{ post: TIKTOK_POST, text: 'Once', row: 'c-1' }] });
		expect(first.requests[0].headers['idempotency-key']).toBe('comment.create:c-1');
		expect(second.items[0].json).toMatchObject({ id: first.items[0].json.id, idempotent_replay: true });
		expect(sim.state.credits).toBe(before - 1);
	});

	it('says why TokPortal refuses: a post on another platform than the account, a banned account', async () => {
		const mismatch = await run(sim, create({ accountId: byId(instagram.id) }), { items: [{ post: TIKTOK_POST, text: 'Hi' }] });
		expect(mismatch.error?.message).toMatch(/^TokPortal rejected a field of this request/);
		expect(mismatch.error?.description).toContain('target_video_url');

		const banned = await managedAccount(sim, 'tiktok');
		sim.operator.banAccount(banned.id);
		const blocked = await run(sim, create({ accountId: byId(banned.id) }), { items: [{ post: TIKTOK_POST, text: 'Hi' }] });
		expect(blocked.error?.message).toMatch(/^This delivered account is banned/);
	});
});
