// Comment tasks (notes §12.6): a delivered account posts a comment (1 credit, debited up front).
// pending → submitted → verified (auto-match) | manually_confirmed (client approves) → finalized;
// a verified/confirmed task can be disputed inside its window; pending tasks can be cancelled
// (refunded); unfinished tasks expire after 72 h (refunded).
import { assertTaskAccess } from './coverage';
import { ApiError, validationError } from './errors';
import type { CommentStatus, CommentTask } from './serviceTypes';
import { SERVICE_PRICES } from './servicePricing';
import { stableHex } from './stable';
import type { Store } from './store';
import { isHttpUrl, isObject, type Json } from './validate';

export const COMMENT_STATUSES: readonly CommentStatus[] = [
	'pending',
	'submitted',
	'verified',
	'manually_confirmed',
	'disputed',
	'finalized',
	'cancelled',
	'expired',
];
export const MAX_BATCH = 200;
const TASK_FIELDS = ['saved_account_id', 'target_type', 'target_video_url', 'target_comment_url', 'comment_text', 'brief_id'];
const MAX_LENGTH: Record<string, number> = { tiktok: 150, instagram: 2200 };
const HOSTS: Record<string, string> = { tiktok: 'tiktok.com', instagram: 'instagram.com' };
const HOURS_72 = 72 * 3_600_000;
/** What the commenting account manager earns per task (USD); informational. */
const CM_PAYOUT = 0.3;

function urlOn(value: unknown, field: string, platform: string): string {
	if (typeof value !== 'string' || !isHttpUrl(value)) throw validationError(field, `${field} must be a URL.`);
	const host = new URL(value).hostname.replace(/^www\./, '');
	if (host !== HOSTS[platform] && !host.endsWith(`.${HOSTS[platform]}`)) {
		throw validationError(field, `${field} must be a ${platform} URL (${HOSTS[platform]}).`);
	}
	return value;
}

/** Validates one task body and builds it; throws the typed error a single-task request answers. */
export function buildTask(store: Store, owner: string, raw: unknown): CommentTask {
	if (!isObject(raw)) throw validationError('task', 'Each task must be a JSON object.');
	const o: Json = raw;
	const unknown = Object.keys(o).find((k) => !TASK_FIELDS.includes(k));
	if (unknown) {
		throw new ApiError(400, 'UNKNOWN_FIELD', `Unknown field: ${unknown}. Allowed: ${TASK_FIELDS.join(', ')}.`, {
			field: unknown,
			allowed: TASK_FIELDS,
		});
	}
	if (typeof o.saved_account_id !== 'string' || o.saved_account_id === '') {
		throw validationError('saved_account_id', 'saved_account_id (the delivered account that comments) is required.');
	}
	const account = store.ownedAccount(o.saved_account_id, owner);
	const max = MAX_LENGTH[account.platform];
	if (max === undefined) {
		throw new ApiError(400, 'COMMENT_PLATFORM_NOT_SUPPORTED', 'Comment tasks are available on TikTok and Instagram accounts only.', {
			field: 'saved_account_id',
			platform: account.platform,
		});
	}
	const targetType = o.target_type ?? 'video';
	if (targetType !== 'video' && targetType !== 'comment') throw validationError('target_type', 'target_type must be video or comment.');
	if (targetType === 'comment' && account.platform !== 'tiktok') {
		throw validationError('target_type', 'Replies to comments (target_type comment) are available on TikTok only.');
	}
	const videoUrl = urlOn(o.target_video_url, 'target_video_url', account.platform);
	const commentUrl = targetType === 'comment' ? urlOn(o.target_comment_url, 'target_comment_url', account.platform) : null;
	if (targetType === 'video' && o.target_comment_url !== undefined && o.target_comment_url !== null) {
		throw validationError('target_comment_url', 'target_comment_url is only used with target_type comment.');
	}
	const text = o.comment_text;
	if (typeof text !== 'string' || text.trim() === '') throw validationError('comment_text', 'comment_text is required.');
	if ([...text].length > max) {
		throw new ApiError(400, 'COMMENT_TOO_LONG', `A ${account.platform} comment is at most ${max} characters.`, {
			field: 'comment_text',
			max_length: max,
			length: [...text].length,
		});
	}
	const brief = o.brief_id ?? null;
	if (brief !== null && (typeof brief !== 'string' || brief.length > 100)) throw validationError('brief_id', 'brief_id must be a string.');
	assertTaskAccess(store, account);
	const created = Date.now();
	const now = new Date(created).toISOString();
	return {
		id: store.newId(),
		owner_id: owner,
		status: 'pending',
		platform: account.platform,
		saved_account_id: account.id,
		target_type: targetType,
		target_video_url: videoUrl,
		target_comment_url: commentUrl,
		target_author_handle: /\/@([^/?#]+)/.exec(videoUrl)?.[1] ?? null,
		comment_text: text,
		brief_id: brief as string | null,
		cm_payout_amount: CM_PAYOUT,
		submitted_at: null,
		verified_at: null,
		manually_confirmed_at: null,
		client_dispute_deadline_at: null,
		finalized_at: null,
		cancelled_at: null,
		correction_required: false,
		deadline_at: new Date(created + HOURS_72).toISOString(),
		dispute: null,
		credits_charged: SERVICE_PRICES.comment_task,
		credits_refunded: 0,
		verifications: [],
		created_at: now,
		updated_at: now,
	};
}

export function taskView(t: CommentTask): Record<string, unknown> {
	const { owner_id: _owner, verifications: _verifications, ...rest } = t;
	return { ...rest, dispute: t.dispute ? { ...t.dispute } : null };
}

export function invalidStatus(t: CommentTask, allowed: CommentStatus[], message: string): ApiError {
	return new ApiError(409, 'COMMENT_TASK_INVALID_STATUS', message, { task_id: t.id, current_status: t.status, allowed_statuses: allowed });
}

/** Cancel/expire with the refund of what the task cost, once. */
export function refund(store: Store, t: CommentTask, status: 'cancelled' | 'expired', reason: string): number {
	const amount = t.credits_charged - t.credits_refunded;
	const now = store.now();
	t.status = status;
	if (status === 'cancelled') t.cancelled_at = now;
	t.updated_at = now;
	if (amount > 0) {
		store.credit(amount, `Comment task ${reason}: refund`);
		t.credits_refunded += amount;
	}
	return amount;
}

/** Operator: the account manager posted the comment. */
export function submitTask(store: Store, t: CommentTask): void {
	if (t.status !== 'pending') throw new ApiError(409, 'SIM_INVALID_STATE', 'Only pending tasks can be submitted.', { current_status: t.status });
	t.status = 'submitted';
	t.submitted_at = t.updated_at = store.now();
}

/** Operator: one verifier pass — matched (verified), not_found (stays submitted) or manually_confirmed. */
export function verifyTask(store: Store, t: CommentTask, result: 'matched' | 'not_found' | 'manually_confirmed'): void {
	if (t.status !== 'submitted') throw new ApiError(409, 'SIM_INVALID_STATE', 'Only submitted tasks are verified.', { current_status: t.status });
	const now = store.now();
	const matched = result !== 'not_found';
	t.verifications.push({
		id: store.newId(),
		attempt: t.verifications.length + 1,
		checked_at: now,
		result,
		similarity: result === 'matched' ? 0.97 : null,
		comments_scanned: 100,
		matched_comment_url: matched ? `${t.target_video_url.split('?')[0]}?comment_id=${stableHex(t.id, 16)}` : null,
		matched_author_handle: matched ? (store.state.accounts.find((a) => a.id === t.saved_account_id)?.username ?? null) : null,
	});
	t.updated_at = now;
	t.correction_required = result === 'not_found';
	if (result === 'matched') t.verified_at = now;
	if (result === 'manually_confirmed') t.manually_confirmed_at = now;
	if (matched) {
		t.status = result === 'matched' ? 'verified' : 'manually_confirmed';
		t.client_dispute_deadline_at = new Date(Date.parse(now) + HOURS_72).toISOString();
	}
}

/** Finalized by approval (manually_confirmed) or once the dispute window of a verified task passed. */
export function finalizeTask(store: Store, t: CommentTask): void {
	t.status = 'finalized';
	t.finalized_at = t.updated_at = store.now();
}
