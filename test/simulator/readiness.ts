// Publish readiness and the computed `next_action` (spec 001), derived from bundle/account state.
import type { AccountListing, Bundle } from './types';
import { configuredVideoCount } from './videoLifecycle';

// Spec 001's list, plus the video-phase statuses that come after `accepted` (README "Contradictions").
const PUBLISHED_STATUSES: readonly string[] = [
	'published',
	'published_priority',
	'accepted',
	'in_review',
	'finalized',
	'completed',
];
// Spec 001's ACCOUNT_MISSING_FIELDS list; biography is not in it (README "Contradictions").
const REQUIRED_ACCOUNT_FIELDS = ['username', 'visible_name', 'profile_picture_url'] as const;

export interface Blocker {
	code: string;
	message: string;
	details: Record<string, unknown>;
}

export function isPublished(bundle: Bundle): boolean {
	return PUBLISHED_STATUSES.includes(bundle.status);
}

function missingAccountFields(account: AccountListing): string[] {
	return REQUIRED_ACCOUNT_FIELDS.filter((f) => !account[f]);
}

function accountReady(account: AccountListing): boolean {
	return (
		(account.status === 'configured' || account.status === 'finalized') && missingAccountFields(account).length === 0
	);
}

/** Spec 001's blocker codes, plus NO_VIDEOS_CONFIGURED (notes §7.8) for bundles with video slots. */
export function publishBlockers(bundle: Bundle): Blocker[] {
	if (isPublished(bundle)) {
		return [
			{
				code: 'BUNDLE_ALREADY_PUBLISHED',
				message: 'The bundle is already published or accepted.',
				details: { current_status: bundle.status },
			},
		];
	}
	if (bundle.status !== 'pending_setup') {
		return [
			{
				code: 'BUNDLE_NOT_IN_SETUP',
				message: `The bundle is ${bundle.status}, not pending_setup.`,
				details: { current_status: bundle.status },
			},
		];
	}
	const blockers: Blocker[] = [...accountBlockers(bundle.account)];
	if (bundle.videos.length > 0 && configuredVideoCount(bundle) === 0) {
		blockers.push({
			code: 'NO_VIDEOS_CONFIGURED',
			message: 'Configure at least one video before publishing (PUT /bundles/{id}/videos/batch).',
			details: { videos_total: bundle.videos.length },
		});
	}
	return blockers;
}

function accountBlockers(account: AccountListing | null): Blocker[] {
	if (!account) return [];
	if (!account.configured_at) {
		return [{ code: 'ACCOUNT_MISSING', message: 'No account configuration exists yet.', details: {} }];
	}
	const blockers: Blocker[] = [];
	if (account.status !== 'configured' && account.status !== 'finalized') {
		blockers.push({
			code: 'ACCOUNT_NOT_CONFIGURED',
			message: 'The account is not configured.',
			details: { current_status: account.status },
		});
	}
	const missing = missingAccountFields(account);
	if (missing.length > 0) {
		blockers.push({
			code: 'ACCOUNT_MISSING_FIELDS',
			message: 'Account is missing required fields.',
			details: { missing_fields: missing },
		});
	}
	return blockers;
}

export function nextAction(bundle: Bundle, videosConfigured: number): string | null {
	if (bundle.status !== 'pending_setup') return null;
	if (bundle.account && !accountReady(bundle.account)) return 'configure_account';
	if (bundle.bundle_type !== 'account_only' && videosConfigured === 0) return 'configure_videos';
	return 'publish_bundle';
}
