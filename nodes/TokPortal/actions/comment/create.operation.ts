import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apiRequest } from '../../../shared/transport';
import { characterCount, collection, ItemReader, notice, options, text, url } from '../../../shared/validation';
import { deliveredAccountLocator } from '../common.fields';
import type { TokPortalOperation } from '../operation';
import { chargeInfo, paidCallOptions, paidRequest } from '../paidCall';
import { COMMENT_ERRORS, COMMENT_TASK_CREDITS } from './fields';

/** Where each platform's posts live, and its comment length limit. */
const PLATFORMS = {
	tiktok: { host: 'tiktok.com', name: 'TikTok', maxLength: 150 },
	instagram: { host: 'instagram.com', name: 'Instagram', maxLength: 2200 },
} as const;
type CommentPlatform = keyof typeof PLATFORMS;

const accountId = deliveredAccountLocator({
	required: true,
	description: 'The delivered account that posts the comment (TikTok or Instagram). Its platform must be the post’s.',
});

const targetType = options({
	name: 'targetType',
	displayName: 'Comment On',
	default: 'video',
	options: [
		{ name: 'A Comment (Reply)', value: 'comment', description: 'Reply to a comment under the post (TikTok only)' },
		{ name: 'The Post', value: 'video', description: 'A new comment under the post' },
	],
	description: 'Whether to comment on the post itself or reply to one of its comments',
});

const targetVideoUrl = url({
	name: 'targetVideoUrl',
	displayName: 'Post URL',
	required: true,
	protocols: ['https:'],
	placeholder: 'e.g. https://www.tiktok.com/@creator/video/7345678901234567890',
	description: 'The TikTok or Instagram post to comment on (YouTube is not supported)',
});

// Not required in the panel: with Comment On set by an expression n8n shows every field and would
// demand a Comment URL for comments on the post too. The rules below require it for replies.
const targetCommentUrl = url({
	name: 'targetCommentUrl',
	displayName: 'Comment URL',
	protocols: ['https:'],
	placeholder: 'e.g. https://www.tiktok.com/@creator/video/7345678901234567890?comment_id=7345',
	description: 'Required for replies: the TikTok comment to reply to',
	displayOptions: { show: { targetType: ['comment'] } },
});

const commentText = text({
	name: 'commentText',
	displayName: 'Comment Text',
	required: true,
	maxLength: PLATFORMS.instagram.maxLength,
	rows: 3,
	placeholder: 'e.g. This fit is unreal 🔥 where is the jacket from?',
	description: `What the account writes: at most ${PLATFORMS.tiktok.maxLength} characters on TikTok, ${PLATFORMS.instagram.maxLength} on Instagram`,
});

const additionalFields = collection({
	name: 'additionalFields',
	displayName: 'Additional Fields',
	placeholder: 'Add Field',
	fields: {
		briefId: text({
			name: 'briefId',
			displayName: 'Brief ID',
			maxLength: 100,
			refuseBlank: true,
			placeholder: 'e.g. spring-campaign-brief-3',
			description: 'Your own reference for the brief or campaign this comment belongs to (max 100 characters)',
		}),
	},
});

const createOptions = paidCallOptions('nothing is created or charged; the output shows credits_would_charge');

function platformOf(address: string | undefined): CommentPlatform | undefined {
	if (address === undefined) return undefined;
	const host = new URL(address).hostname.toLowerCase();
	return (Object.keys(PLATFORMS) as CommentPlatform[]).find(
		(key) => host === PLATFORMS[key].host || host.endsWith(`.${PLATFORMS[key].host}`),
	);
}

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const reader = new ItemReader(this, itemIndex);
	const input = reader.read({ accountId, targetType, targetVideoUrl, commentText, additionalFields, options: createOptions });
	const reply = input.targetType === 'comment';
	const commentUrl = reply ? reader.read({ targetCommentUrl }).targetCommentUrl : undefined;
	if (reader.problems.length === 0) {
		// The post's address tells the platform, so its rules are checked before anything is charged.
		const platform = platformOf(input.targetVideoUrl);
		const rules = platform ? PLATFORMS[platform] : undefined;
		const length = characterCount(input.commentText);
		reader.check(
			!rules && `"Post URL" must be a TikTok (tiktok.com) or Instagram (instagram.com) post (got ${input.targetVideoUrl})`,
			rules !== undefined && length > rules.maxLength &&
				`"Comment Text" must be at most ${rules.maxLength} characters on ${rules.name} (it has ${length})`,
			reply && platform === 'instagram' && '"Comment On: A Comment (Reply)" is available on TikTok only',
			reply && !commentUrl && '"Comment URL" is required to reply to a comment',
			reply && commentUrl !== undefined && platformOf(commentUrl) !== 'tiktok' && '"Comment URL" must be a TikTok (tiktok.com) comment',
		);
	}
	reader.done();

	const body: IDataObject = {
		saved_account_id: input.accountId,
		target_video_url: input.targetVideoUrl,
		comment_text: input.commentText,
	};
	if (reply) Object.assign(body, { target_type: 'comment', target_comment_url: commentUrl });
	if (input.additionalFields.briefId !== undefined) body.brief_id = input.additionalFields.briefId;
	const response = await apiRequest.call(this, {
		method: 'POST',
		path: '/comments',
		body,
		itemIndex,
		...paidRequest('comment.create', input.options),
	});
	const data = (response.body.data ?? {}) as IDataObject;
	const [task] = Array.isArray(data.created) ? (data.created as IDataObject[]) : [];
	if (!task) {
		// One task is answered with an error, not a rejected row; should a row come back, say why.
		const [rejected] = Array.isArray(data.rejected) ? (data.rejected as IDataObject[]) : [];
		throw new NodeOperationError(
			this.getNode(),
			`TokPortal did not create the comment task: ${String(rejected?.message ?? 'no reason given')}`,
			{ itemIndex, description: `Nothing was charged for it.${rejected?.code ? ` Code: ${String(rejected.code)}` : ''}` },
		);
	}
	return { ...task, ...chargeInfo(response) };
}

export const create: TokPortalOperation = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a comment task',
		description: `Have one of your delivered accounts post a comment on a TikTok or Instagram post, or reply to a TikTok comment. One task per input item, ${COMMENT_TASK_CREDITS} credit each, charged at once and refunded if it is cancelled while pending or not done within 72 hours.`,
	},
	fields: [
		notice(
			'createCommentNotice',
			`Each comment task costs ${COMMENT_TASK_CREDITS} credit, charged as soon as it is created (one task per input item). It is refunded if you cancel it while pending (Comment → Delete) or if it is not done within 72 hours.`,
		),
		accountId,
		targetType,
		targetVideoUrl,
		targetCommentUrl,
		commentText,
		additionalFields,
		createOptions,
	],
	errors: COMMENT_ERRORS,
	execute,
};
