// The bundle's account slot: spec 004 field rules (lowercase codes) and the finalize transition,
// shared by the API routes and the operator.
import { ApiError, validationError } from './errors';
import type { AccountListing, Bundle } from './types';
import { isHttpUrl, isStoragePath, type Json } from './validate';

function invalid(code: string, field: string, message: string): ApiError {
	return new ApiError(400, code, message, { field });
}

const codePoints = (s: string) => [...s].length;

export function checkUsername(v: unknown): string {
	if (typeof v !== 'string' || !/^[a-zA-Z0-9_.]{1,24}$/.test(v)) {
		throw invalid('invalid_username', 'username', 'Username must be 1-24 characters of [a-zA-Z0-9_.].');
	}
	return v;
}

export function checkVisibleName(v: unknown): string {
	if (typeof v !== 'string' || v.trim() === '' || codePoints(v) > 30) {
		throw invalid('invalid_visible_name', 'visible_name', 'Visible name must be 1-30 characters.');
	}
	return v;
}

/**
 * Spec 004 marks biography as required but defines no code for a missing one; `invalid_biography`
 * follows the `invalid_<field>` pattern of that document (README "Beyond the seeds").
 */
export function checkBiography(v: unknown): string {
	if (typeof v !== 'string' || v.trim() === '') {
		throw invalid('invalid_biography', 'biography', 'Biography is required (at most 80 characters).');
	}
	if (codePoints(v) > 80) throw invalid('biography_too_long', 'biography', 'Biography exceeds 80 characters.');
	return v;
}

/** Required too (spec 004); a missing picture is "not a valid URL" (`invalid_url`). Upload storage paths count as URLs. */
export function checkPictureUrl(v: unknown): string {
	if (typeof v !== 'string' || !(isHttpUrl(v) || isStoragePath(v))) {
		throw invalid('invalid_url', 'profile_picture_url', 'profile_picture_url is required and must be a valid URL.');
	}
	return v;
}

function checkLinkInBio(v: unknown, platform: string): string | null {
	if (v === undefined || v === null) return null;
	if (platform !== 'instagram') {
		throw invalid('link_in_bio_instagram_only', 'link_in_bio', 'link_in_bio is only supported on Instagram.');
	}
	if (typeof v !== 'string' || !isHttpUrl(v)) {
		throw invalid('invalid_url', 'link_in_bio', 'link_in_bio is not a valid URL.');
	}
	return v;
}

export type AccountConfig = Pick<
	AccountListing,
	'username' | 'visible_name' | 'biography' | 'profile_picture_url' | 'link_in_bio' | 'niche_warming_instructions'
>;

/** PUT semantics (full replacement): all four profile fields are required (spec 004). */
export function parseAccountConfig(o: Json, platform: string): AccountConfig {
	const niche = o.niche_warming_instructions;
	if (niche !== undefined && niche !== null && typeof niche !== 'string') {
		throw validationError('niche_warming_instructions', 'niche_warming_instructions must be a string.');
	}
	return {
		username: checkUsername(o.username),
		visible_name: checkVisibleName(o.visible_name),
		biography: checkBiography(o.biography),
		profile_picture_url: checkPictureUrl(o.profile_picture_url),
		link_in_bio: checkLinkInBio(o.link_in_bio, platform),
		niche_warming_instructions: niche ?? null,
	};
}

/** videos_only bundles have no account step. */
export function requireListing(b: Bundle): AccountListing {
	if (!b.account) throw new ApiError(404, 'ACCOUNT_NOT_FOUND', 'This videos_only bundle has no account to manage.');
	return b.account;
}

export function requireInReview(a: AccountListing): void {
	if (a.status !== 'in_review') {
		throw new ApiError(409, 'invalid_status', 'Account is not in in_review status.', { current_status: a.status });
	}
}

/**
 * Returns the previous status. `auto` = the 72 h auto-finalize. Finalizing "advances the bundle
 * lifecycle" (spec 003): a bundle without video slots has no work left, so it is completed.
 */
export function finalizeAccount(b: Bundle, by: 'api' | 'auto', now: string): string {
	const account = requireListing(b);
	const previous = account.status;
	account.status = 'finalized';
	account.finalized_at = now;
	account.feedback_history.push({ type: 'finalized', finalized_at: now, finalized_by: by });
	b.updated_at = now;
	if (b.videos.length === 0 && b.status === 'accepted') {
		b.status = 'completed';
		b.completed_at = now;
	}
	return previous;
}
