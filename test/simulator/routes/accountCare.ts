// Paid and configuration work on a delivered account (notes §10.6, §10.7, §10.9): the profile edit
// request (8 credits), the rewarm (5 credits per term) and the commenting profile.
import { ORDERABLE_PLATFORMS } from '../catalog';
import { assertTaskAccess } from '../coverage';
import { ApiError, validationError } from '../errors';
import type { RouteContext, RouteDef, RouteResult } from '../router';
import { SERVICE_PRICES } from '../servicePricing';
import type { CommentingProfile, EditRequest } from '../serviceTypes';
import type { DeliveredAccount } from '../types';
import { isHttpUrl, isStoragePath, type Json, objectBody, optBool, optInt, optString } from '../validate';
import { ACTIVE_WARMING, checkTerms, newSession, sessionView, startIfReady } from '../warming';

const EDIT_FIELDS = [
	'requested_username',
	'requested_visible_name',
	'requested_biography',
	'requested_profile_picture_url',
	'requested_link_in_bio',
];
const TONES = ['neutral', 'friendly', 'professional', 'playful', 'enthusiastic'];
const PROFILE_FIELDS = ['enabled', 'persona', 'tone', 'languages', 'topics', 'avoid_topics', 'max_comments_per_day'];

function rejectUnknown(o: Json, allowed: string[]): void {
	const unknown = Object.keys(o).find((k) => !allowed.includes(k));
	if (unknown) {
		throw new ApiError(400, 'UNKNOWN_FIELD', `Unknown field: ${unknown}. Allowed: ${allowed.join(', ')}.`, { field: unknown, allowed });
	}
}

/**
 * Bundles an account manager took on: accepted, its video phase (in_review, finalized; spec 001) and
 * completed — not before acceptance, nor once cancelled.
 */
const MANAGED_BUNDLE_STATUSES: readonly string[] = ['accepted', 'in_review', 'finalized', 'completed'];
const NO_MANAGER = 'it needs a bundle accepted by TokPortal: accepted, in review, finalized or completed';

/** A bundle of the account that an account manager took on, i.e. someone can do the work. */
function hasActiveOrder(ctx: RouteContext, account: DeliveredAccount): boolean {
	return ctx.store.state.bundles.some(
		(b) =>
			(b.saved_account_id === account.id || b.existing_account_id === account.id || b.id === account.origin_bundle_id) &&
			MANAGED_BUNDLE_STATUSES.includes(b.status),
	);
}

function editView(r: EditRequest): Record<string, unknown> {
	return {
		edit_request_id: r.id,
		account_id: r.account_id,
		status: r.status,
		requested_username: r.requested_username,
		requested_visible_name: r.requested_visible_name,
		requested_biography: r.requested_biography,
		requested_profile_picture_url: r.requested_profile_picture_url,
		requested_link_in_bio: r.requested_link_in_bio,
		credits_charged: r.credits_charged,
		created_at: r.created_at,
		updated_at: r.updated_at,
		completed_at: r.completed_at,
	};
}

function parseEdit(o: Json, platform: string): Pick<EditRequest, 'requested_username' | 'requested_visible_name' | 'requested_biography' | 'requested_profile_picture_url' | 'requested_link_in_bio'> {
	rejectUnknown(o, EDIT_FIELDS);
	const username = o.requested_username;
	if (typeof username !== 'string' || !/^[a-zA-Z0-9_.]{1,24}$/.test(username)) {
		throw validationError('requested_username', 'requested_username is required: 1-24 characters of [a-zA-Z0-9_.].');
	}
	const name = o.requested_visible_name;
	if (typeof name !== 'string' || name.trim() === '' || [...name].length > 30) {
		throw validationError('requested_visible_name', 'requested_visible_name is required: 1-30 characters.');
	}
	const bio = o.requested_biography ?? null;
	if (bio !== null && (typeof bio !== 'string' || [...bio].length > 80)) {
		throw validationError('requested_biography', 'requested_biography must be at most 80 characters.');
	}
	const picture = o.requested_profile_picture_url ?? null;
	if (picture !== null && (typeof picture !== 'string' || !(isHttpUrl(picture) || isStoragePath(picture)))) {
		throw validationError('requested_profile_picture_url', 'requested_profile_picture_url must be a URL or an upload storage_path.');
	}
	const link = o.requested_link_in_bio ?? null;
	if (link !== null) {
		if (platform !== 'instagram') throw validationError('requested_link_in_bio', 'requested_link_in_bio is only supported on Instagram.');
		if (typeof link !== 'string' || !isHttpUrl(link)) throw validationError('requested_link_in_bio', 'requested_link_in_bio must be a URL.');
	}
	return {
		requested_username: username,
		requested_visible_name: name,
		requested_biography: bio as string | null,
		requested_profile_picture_url: picture as string | null,
		requested_link_in_bio: link as string | null,
	};
}

function createEditRequest(ctx: RouteContext): RouteResult {
	const account = ctx.store.ownedAccount(ctx.params.id, ctx.owner);
	const fields = parseEdit(objectBody(ctx.body), account.platform);
	assertTaskAccess(ctx.store, account);
	if (!hasActiveOrder(ctx, account)) {
		throw new ApiError(409, 'EDIT_REQUEST_NO_ACTIVE_ORDER', `No account manager is assigned to this account (${NO_MANAGER}).`, {
			account_id: account.id,
		});
	}
	const pending = ctx.store.state.editRequests.find((r) => r.account_id === account.id && r.status === 'pending');
	if (pending) {
		throw new ApiError(409, 'EDIT_REQUEST_ALREADY_PENDING', 'An edit request is already in progress for this account.', {
			account_id: account.id,
			edit_request_id: pending.id,
		});
	}
	const price = SERVICE_PRICES.edit_request;
	const now = ctx.store.now();
	const request: EditRequest = {
		id: ctx.store.newId(),
		owner_id: ctx.owner,
		account_id: account.id,
		status: 'pending',
		...fields,
		credits_charged: price,
		created_at: now,
		updated_at: now,
		completed_at: null,
	};
	ctx.store.debit(ctx.owner, { edit_request: price, total: price }, `Profile edit request: @${account.username}`, request.id);
	ctx.store.state.editRequests.push(request);
	return {
		status: 201,
		body: {
			data: editView(request),
			credits_charged: price,
			credits_remaining: ctx.store.state.credits,
			cost_breakdown: { edit_request: price, total: price },
		},
	};
}

/** The latest request of the account (pending, completed or rejected), or null. */
function getEditRequest(ctx: RouteContext): RouteResult {
	const account = ctx.store.ownedAccount(ctx.params.id, ctx.owner);
	const latest = ctx.store.state.editRequests.filter((r) => r.account_id === account.id).at(-1);
	return { status: 200, body: { data: latest ? editView(latest) : null } };
}

function rewarm(ctx: RouteContext): RouteResult {
	const account = ctx.store.ownedAccount(ctx.params.id, ctx.owner);
	const o = objectBody(ctx.body);
	rejectUnknown(o, ['search_terms']);
	const terms = checkTerms(o.search_terms, 'search_terms');
	if (!ORDERABLE_PLATFORMS.includes(account.platform)) {
		throw new ApiError(400, 'ADVANCED_WARMING_PLATFORM', 'Warming is available on TikTok and Instagram accounts only.', {
			account_id: account.id,
			platform: account.platform,
		});
	}
	assertTaskAccess(ctx.store, account);
	if (!hasActiveOrder(ctx, account)) {
		throw new ApiError(409, 'REWARM_NO_ACTIVE_ORDER', `No account manager can take this rewarm (${NO_MANAGER}).`, {
			account_id: account.id,
		});
	}
	const active = ctx.store.state.warmingSessions.find((s) => s.saved_account_id === account.id && ACTIVE_WARMING.includes(s.status));
	if (active) {
		throw new ApiError(409, 'REWARM_ALREADY_ACTIVE', 'A warming session is already running on this account.', {
			account_id: account.id,
			session_id: active.id,
			current_status: active.status,
		});
	}
	const price = terms.length * SERVICE_PRICES.advanced_warming_term;
	ctx.store.assertCredits({ advanced_warming: price, total: price });
	const session = newSession(
		ctx.store,
		ctx.owner,
		{ source: 'rewarm', bundle_id: null, saved_account_id: account.id, platform: account.platform, terms_total: terms.length, credits_charged: price },
		terms,
	);
	ctx.store.debit(ctx.owner, { advanced_warming: price, total: price }, `Rewarm (${terms.length} terms): @${account.username}`, session.id);
	startIfReady(ctx.store, session, ctx.emit);
	return {
		status: 201,
		body: {
			data: sessionView(session),
			credits_charged: price,
			credits_remaining: ctx.store.state.credits,
			cost_breakdown: { advanced_warming: price, total: price },
		},
	};
}

function stringArray(o: Json, field: string, maxItems: number, check: (s: string) => boolean, rule: string): string[] | undefined {
	const v = o[field];
	if (v === undefined) return undefined;
	if (!Array.isArray(v) || v.length > maxItems || v.some((x) => typeof x !== 'string' || !check(x))) {
		throw validationError(field, `${field} must be an array of at most ${maxItems} ${rule}.`);
	}
	return [...new Set(v as string[])];
}

const DEFAULT_PROFILE: Omit<CommentingProfile, 'updated_at'> = {
	enabled: false,
	persona: null,
	tone: 'neutral',
	languages: ['en'],
	topics: [],
	avoid_topics: [],
	max_comments_per_day: 10,
};

function updateCommentingProfile(ctx: RouteContext): RouteResult {
	const account = ctx.store.ownedAccount(ctx.params.id, ctx.owner);
	const o = objectBody(ctx.body);
	rejectUnknown(o, PROFILE_FIELDS);
	if (!PROFILE_FIELDS.some((k) => o[k] !== undefined)) {
		throw validationError('body', `Provide at least one of: ${PROFILE_FIELDS.join(', ')}.`);
	}
	const tone = optString(o, 'tone', 20);
	if (tone !== undefined && tone !== null && !TONES.includes(tone)) throw validationError('tone', `tone must be one of: ${TONES.join(', ')}.`);
	const patch = {
		enabled: optBool(o, 'enabled'),
		persona: optString(o, 'persona', 500, true),
		tone: tone ?? undefined,
		languages: stringArray(o, 'languages', 5, (s) => /^[a-z]{2}$/.test(s), 'two-letter language codes (e.g. "en")'),
		topics: stringArray(o, 'topics', 20, (s) => s.trim().length > 0 && s.length <= 50, 'topics of 1-50 characters'),
		avoid_topics: stringArray(o, 'avoid_topics', 20, (s) => s.trim().length > 0 && s.length <= 50, 'topics of 1-50 characters'),
		max_comments_per_day: optInt(o, 'max_comments_per_day', 1, 50),
	};
	if (account.banned || account.management_ended) {
		throw new ApiError(409, 'MANAGED_ACCOUNT_TASK_BLOCKED', 'TokPortal can no longer work on this account.', {
			account_id: account.id,
			reason: account.banned ? 'account_banned' : 'management_ended',
		});
	}
	const profile: CommentingProfile = {
		...DEFAULT_PROFILE,
		...ctx.store.state.commentingProfiles[account.id],
		...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
		updated_at: ctx.store.now(),
	};
	ctx.store.state.commentingProfiles[account.id] = profile;
	return { status: 200, body: { data: { account_id: account.id, commenting_profile: { ...profile } } } };
}

export const accountCareRoutes: Array<RouteDef<RouteContext>> = [
	{ method: 'GET', path: '/accounts/:id/edit-request', handler: getEditRequest },
	{ method: 'POST', path: '/accounts/:id/edit-request', handler: createEditRequest },
	{ method: 'POST', path: '/accounts/:id/rewarm', handler: rewarm },
	{ method: 'PATCH', path: '/accounts/:id/commenting-profile', handler: updateCommentingProfile },
];
