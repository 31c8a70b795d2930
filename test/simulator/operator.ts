// Operator-side actions (what TokPortal staff and account managers do), driving the lifecycle
// beyond what the public API can: accept, review, corrections applied, remake, ban, videos.
import { randomBytes, randomInt } from 'node:crypto';
import {
	checkBiography,
	checkPictureUrl,
	checkUsername,
	checkVisibleName,
	finalizeAccount,
	requireInReview,
	requireListing,
} from './accountConfig';
import { ApiError } from './errors';
import { accountEventData, bundleEventData } from './eventData';
import { buildDeliveredAccount, NEVER_REMADE, profileUrl } from './factories';
import type { Store } from './store';
import type {
	AccountListing,
	Bundle,
	BundleStatus,
	DeliveredAccount,
	Emit,
	FieldChange,
	RemadeInfo,
	VideoSlot,
} from './types';
import { UNPOSTED_STATUSES, type VideoCtx } from './videoLifecycle';
import {
	acceptVideo,
	applyVideoCorrections,
	autoFinalizeVideo,
	failVideoDownload,
	flagVideo,
	postVideo,
	type VideoChanges,
	type VideoFlag,
} from './videoOperator';

export interface AccountChanges {
	username?: string;
	visible_name?: string;
	biography?: string;
	profile_picture_url?: string;
}

export interface Operator {
	/** published → accepted. */
	acceptBundle(bundleId: string): Bundle;
	/** Account configured (bundle accepted) → in_review; creates the delivered account the first time. Emits account.in_review. */
	moveAccountToReview(bundleId: string): Bundle;
	/** corrections_requested → in_review, recording a corrections_applied entry. Without `changes`, fixes each requested field. */
	applyCorrections(bundleId: string, changes?: AccountChanges): Bundle;
	/** The 72 h auto-finalize of an account left in review. */
	autoFinalizeAccount(bundleId: string): Bundle;
	/** Puts a 6-digit code (random if omitted) in the account's TokMail inbox; returns it. */
	deliverVerificationCode(accountId: string, code?: string): string;
	/** New delivered account under the same bundle; emits account.remade. */
	remakeAccount(bundleId: string): Bundle;
	/** banned = true, active bundles cancelled; emits account.banned and bundle.cancelled. */
	banAccount(accountId: string, appealStatus?: string): DeliveredAccount;
	/** A submitted video (published) is taken by the account manager → accepted. */
	acceptVideo(bundleId: string, position: number): VideoSlot;
	/**
	 * Posts video `position` (1-based, published or accepted) with a platform_url: in_review
	 * (video.in_review), or finalized at once when auto_finalize_videos is on (video.finalized).
	 */
	postVideo(bundleId: string, position: number): VideoSlot;
	/** pending_corrections → in_review (video.in_review); by default the video is reposted (new platform_url). */
	applyVideoCorrections(bundleId: string, position: number, changes?: VideoChanges): VideoSlot;
	/** The 72 h auto-finalize of a video in review (video.finalized, finalized_by auto). */
	autoFinalizeVideo(bundleId: string, position: number): VideoSlot;
	/** Marks the media as not downloadable (download_error) until fix-download replaces it. */
	failVideoDownload(bundleId: string, position: number, reason?: string): VideoSlot;
	/** Emits video.not_recommended / video.ai_labeled / video.sound_restricted for a posted video. */
	flagVideo(bundleId: string, position: number, flag: VideoFlag): VideoSlot;
	/** accepted (no video slots) or finalized (videos) → completed. */
	completeBundle(bundleId: string): Bundle;
	/** Adds credits to the shared wallet; returns the new balance. */
	addCredits(n: number): number;
}

/** Orders still under way (spec 001 lifecycle before `completed`): a ban cancels them, a Coverage cancel pauses them. */
export const ACTIVE_STATUSES: readonly BundleStatus[] = [
	'pending_setup',
	'published',
	'published_priority',
	'accepted',
	'in_review',
	'finalized',
];

function invalidState(message: string, current: string): ApiError {
	return new ApiError(409, 'SIM_INVALID_STATE', message, { current_status: current });
}

/** What an account manager would change when asked to correct a field. */
function defaultFixes(a: AccountListing): AccountChanges {
	const last = [...a.feedback_history].reverse().find((e) => e.type === 'corrections_requested');
	const requested = last?.type === 'corrections_requested' ? Object.keys(last.fields) : [];
	const fixes: AccountChanges = {};
	if (requested.includes('username')) fixes.username = `${(a.username ?? 'account').slice(0, 21)}_v2`;
	if (requested.includes('visible_name')) fixes.visible_name = `${(a.visible_name ?? 'Account').slice(0, 22)} (fixed)`;
	if (requested.includes('biography')) fixes.biography = `${(a.biography ?? '').slice(0, 60)} (updated)`.trim();
	if (requested.includes('profile_picture')) {
		fixes.profile_picture_url = `https://cdn.tokportal.test/profile-pictures/${randomBytes(6).toString('hex')}.jpg`;
	}
	return fixes;
}

export class SimOperator implements Operator {
	constructor(
		private readonly store: Store,
		private readonly emit: Emit,
	) {}

	acceptBundle(bundleId: string): Bundle {
		const b = this.bundle(bundleId);
		if (b.status !== 'published' && b.status !== 'published_priority') {
			throw invalidState('Only published bundles can be accepted.', b.status);
		}
		b.status = 'accepted';
		b.accepted_at = b.updated_at = this.store.now();
		return b;
	}

	moveAccountToReview(bundleId: string): Bundle {
		const b = this.bundle(bundleId);
		const a = requireListing(b);
		if (b.status !== 'accepted') throw invalidState('Accept the bundle first.', b.status);
		if (a.status !== 'configured') throw invalidState('The account must be configured and published.', a.status);
		if (!b.saved_account_id) {
			const created = buildDeliveredAccount(this.store, b.owner_id, {
				platform: b.platform,
				country: b.country,
				username: a.username ?? `account_${randomBytes(3).toString('hex')}`,
				visible_name: a.visible_name ?? 'TokPortal account',
				biography: a.biography,
				profile_picture_url: a.profile_picture_url,
				link_in_bio: a.link_in_bio,
				password: randomBytes(9).toString('base64url'),
				current_cm_id: `cm_${randomBytes(4).toString('hex')}`,
				origin_bundle_id: b.id,
				remade: NEVER_REMADE,
			});
			this.store.state.accounts.push(created);
			b.saved_account_id = created.id;
		}
		a.status = 'in_review';
		b.updated_at = this.store.now();
		this.emit(b.owner_id, 'account.in_review', accountEventData(b, 'configured'));
		return b;
	}

	applyCorrections(bundleId: string, changes?: AccountChanges): Bundle {
		const b = this.bundle(bundleId);
		const a = requireListing(b);
		if (a.status !== 'corrections_requested') throw invalidState('No corrections are requested.', a.status);
		const fixes = changes ?? defaultFixes(a);
		const next: AccountChanges = {
			...(fixes.username !== undefined && { username: checkUsername(fixes.username) }),
			...(fixes.visible_name !== undefined && { visible_name: checkVisibleName(fixes.visible_name) }),
			...(fixes.biography !== undefined && { biography: checkBiography(fixes.biography) }),
			...(fixes.profile_picture_url !== undefined && { profile_picture_url: checkPictureUrl(fixes.profile_picture_url) }),
		};
		const diff: Record<string, FieldChange> = {};
		for (const [key, to] of Object.entries(next) as Array<[keyof AccountChanges, string | null]>) {
			if (a[key] !== to) diff[key] = { from: a[key], to };
		}
		Object.assign(a, next);
		const delivered = this.store.state.accounts.find((x) => x.id === b.saved_account_id);
		if (delivered) {
			Object.assign(delivered, next, { updated_at: this.store.now() });
			delivered.profile_url = profileUrl(delivered.platform, delivered.username);
		}
		const now = this.store.now();
		a.feedback_history.push({ type: 'corrections_applied', applied_at: now, changes: diff });
		a.status = 'in_review';
		b.updated_at = now;
		this.emit(b.owner_id, 'account.in_review', { ...accountEventData(b, 'corrections_requested'), changes: diff });
		return b;
	}

	autoFinalizeAccount(bundleId: string): Bundle {
		const b = this.bundle(bundleId);
		requireInReview(requireListing(b));
		const previous = finalizeAccount(b, 'auto', this.store.now());
		this.emit(b.owner_id, 'account.finalized', { ...accountEventData(b, previous), finalized_by: 'auto' });
		return b;
	}

	deliverVerificationCode(accountId: string, code?: string): string {
		const account = this.account(accountId);
		const value = code ?? String(randomInt(1_000_000)).padStart(6, '0');
		if (!/^\d{6}$/.test(value)) throw new ApiError(400, 'SIM_BAD_REQUEST', 'code must be 6 digits.');
		account.inbox.push({ code: value, received_at: this.store.now(), served: false });
		return value;
	}

	remakeAccount(bundleId: string): Bundle {
		const b = this.bundle(bundleId);
		const a = requireListing(b);
		if (!b.saved_account_id) throw invalidState('The bundle has no delivered account to remake yet.', a.status);
		const old = this.account(b.saved_account_id);
		const now = this.store.now();
		const remade: RemadeInfo = {
			was_remade: true,
			remade_count: b.remade.remade_count + 1,
			old_username: old.username,
			remade_at: now,
		};
		const fresh = buildDeliveredAccount(this.store, b.owner_id, {
			platform: old.platform,
			country: old.country,
			username: `${old.username.slice(0, 21)}_${remade.remade_count}`,
			visible_name: old.visible_name,
			biography: old.biography,
			profile_picture_url: old.profile_picture_url,
			link_in_bio: old.link_in_bio,
			password: randomBytes(9).toString('base64url'),
			current_cm_id: old.current_cm_id ?? `cm_${randomBytes(4).toString('hex')}`,
			origin_bundle_id: b.id,
			remade,
		});
		this.store.state.accounts.push(fresh);
		const previous = a.status;
		b.saved_account_id = fresh.id;
		b.remade = { ...remade };
		a.username = fresh.username;
		a.status = 'in_review';
		// The remake republishes the bundle in place; a ban-cancelled bundle becomes active again.
		if (b.status === 'cancelled') {
			b.status = 'accepted';
			b.cancelled_at = null;
		}
		b.updated_at = now;
		this.emit(b.owner_id, 'account.remade', {
			...accountEventData(b, previous),
			previous_saved_account_id: old.id,
			old_username: old.username,
			remade_count: remade.remade_count,
			remade_at: now,
		});
		return b;
	}

	/** `appealStatus`: how the ban was confirmed (`no_appeal_banned` or `appeal_refused`). */
	banAccount(accountId: string, appealStatus = 'no_appeal_banned'): DeliveredAccount {
		const account = this.account(accountId);
		if (account.banned) throw invalidState('The account is already banned.', 'banned');
		const now = this.store.now();
		account.banned = true;
		account.banned_at = account.updated_at = now;
		this.emit(account.owner_id, 'account.banned', {
			saved_account_id: account.id,
			bundle_id: account.origin_bundle_id,
			username: account.username,
			platform: account.platform,
			reason: 'platform_ban',
			appeal_status: appealStatus,
			banned_at: now,
		});
		for (const b of this.store.state.bundles) {
			const linked = b.saved_account_id === account.id || b.existing_account_id === account.id;
			if (!linked || !ACTIVE_STATUSES.includes(b.status)) continue;
			const previous = b.status;
			b.status = 'cancelled';
			b.cancelled_at = b.updated_at = now;
			// Videos not posted yet will never be: they stop holding a place in the 3-per-day count.
			for (const v of b.videos) if (UNPOSTED_STATUSES.includes(v.status)) v.status = 'cancelled';
			this.emit(b.owner_id, 'bundle.cancelled', {
				...bundleEventData(b, previous),
				reason: 'account_banned',
				saved_account_id: account.id,
			});
		}
		return account;
	}

	acceptVideo(bundleId: string, position: number): VideoSlot {
		const b = this.bundle(bundleId);
		return acceptVideo(this.videoCtx(b), b, position);
	}

	postVideo(bundleId: string, position: number): VideoSlot {
		const b = this.bundle(bundleId);
		return postVideo(this.videoCtx(b), b, position, this.store.state.accounts);
	}

	applyVideoCorrections(bundleId: string, position: number, changes?: VideoChanges): VideoSlot {
		const b = this.bundle(bundleId);
		return applyVideoCorrections(this.videoCtx(b), b, position, changes);
	}

	autoFinalizeVideo(bundleId: string, position: number): VideoSlot {
		const b = this.bundle(bundleId);
		return autoFinalizeVideo(this.videoCtx(b), b, position);
	}

	failVideoDownload(bundleId: string, position: number, reason?: string): VideoSlot {
		const b = this.bundle(bundleId);
		return failVideoDownload(this.videoCtx(b), b, position, reason);
	}

	flagVideo(bundleId: string, position: number, flag: VideoFlag): VideoSlot {
		const b = this.bundle(bundleId);
		return flagVideo(this.videoCtx(b), b, position, flag);
	}

	/** Spec 001: accepted → completed, or for bundles with videos accepted → in_review → finalized → completed. */
	completeBundle(bundleId: string): Bundle {
		const b = this.bundle(bundleId);
		const from = b.videos.length > 0 ? 'finalized' : 'accepted';
		if (b.status !== from) {
			throw invalidState(
				b.videos.length > 0
					? 'A bundle with videos is completed once its videos are finalized.'
					: 'Only accepted bundles can be completed.',
				b.status,
			);
		}
		b.status = 'completed';
		b.completed_at = b.updated_at = this.store.now();
		return b;
	}

	addCredits(n: number): number {
		if (!Number.isInteger(n) || n <= 0) throw new ApiError(400, 'SIM_BAD_REQUEST', 'n must be a positive integer.');
		return this.store.credit(n, 'Credits added by the simulator operator');
	}

	private videoCtx(b: Bundle): VideoCtx {
		return { store: this.store, owner: b.owner_id, emit: (type, data) => this.emit(b.owner_id, type, data) };
	}

	private bundle(id: string): Bundle {
		const b = this.store.state.bundles.find((x) => x.id === id);
		if (!b) throw new ApiError(404, 'BUNDLE_NOT_FOUND', 'Bundle not found.');
		return b;
	}

	private account(id: string): DeliveredAccount {
		const a = this.store.state.accounts.find((x) => x.id === id);
		if (!a) throw new ApiError(404, 'SAVED_ACCOUNT_NOT_FOUND', 'Account not found.');
		return a;
	}
}
