import type { IDataObject } from 'n8n-workflow';

import { MAX_TEXT_LENGTH, MAX_VIDEO_SLOTS } from '../../../shared/constants';
import { boolean, integer, text } from '../../../shared/validation';

/** Fields shared by the bundle operations that order (Create, Create Bulk, add slots) or update. */

export const BUNDLE_TYPES = ['account_only', 'account_and_videos', 'videos_only'] as const;
export type BundleType = (typeof BUNDLE_TYPES)[number];

export function hasVideos(type: BundleType): boolean {
	return type !== 'account_only';
}

/** videos_only posts to an account you already own; the other types create (and charge) a new one. */
export function createsAccount(type: BundleType): boolean {
	return type !== 'videos_only';
}

export const autoFinalizeVideos = boolean({
	name: 'autoFinalizeVideos',
	displayName: 'Auto-Finalize Videos',
	default: true,
	description: 'Whether videos are finalized automatically once ready, without your review. TokPortal’s default is on.',
});

export function externalRefField(
	description = `Your own ID for this order, such as a client or campaign ID (max ${MAX_TEXT_LENGTH} characters). It stays the same when TokPortal remakes the account, and Get Many can filter on it.`,
) {
	return text({
		name: 'externalRef',
		displayName: 'External Reference',
		maxLength: MAX_TEXT_LENGTH,
		refuseBlank: true,
		placeholder: 'e.g. acme-spring-2026-us',
		description,
	});
}

export const externalRef = externalRefField();

export const title = text({
	name: 'title',
	displayName: 'Title',
	maxLength: MAX_TEXT_LENGTH,
	placeholder: 'e.g. Acme - US TikTok',
	description: `A name for the bundle in TokPortal (max ${MAX_TEXT_LENGTH} characters)`,
});

export const wantsDeepWarming = boolean({
	name: 'wantsDeepWarming',
	displayName: 'Deep Warming',
	default: false,
	description:
		'Whether to order deep warming. Instagram only, cannot be combined with Niche Warming. TokPortal may refuse it as discontinued.',
});

export const wantsNicheWarming = boolean({
	name: 'wantsNicheWarming',
	displayName: 'Niche Warming',
	default: false,
	description:
		'Whether the account is warmed up on a niche before use (7 credits per account). Needs Niche Warming Instructions; cannot be combined with Deep Warming.',
});

export const nicheWarmingInstructions = text({
	name: 'nicheWarmingInstructions',
	displayName: 'Niche Warming Instructions',
	rows: 3,
	refuseBlank: true,
	placeholder: 'e.g. Fitness content for women 25–35: home workouts, healthy recipes',
	description: 'The niche the account should be warmed up on. Required with Niche Warming.',
});

export const editsQuantity = integer({
	name: 'editsQuantity',
	displayName: 'Edit Slots',
	min: 0,
	max: MAX_VIDEO_SLOTS,
	default: 0,
	description: 'How many of the videos TokPortal edits for you, 3 credits each. At most Videos Quantity.',
});

export interface Warming {
	/** Every platform the order covers; empty when it comes from a delivered account. */
	platforms: readonly string[];
	wantsNicheWarming?: boolean;
	nicheWarmingInstructions?: string;
	wantsDeepWarming?: boolean;
}

export function warmingProblems(input: Warming): Array<string | undefined> {
	const notInstagram = input.platforms.filter((platform) => platform !== 'instagram');
	return [
		input.wantsNicheWarming && !input.nicheWarmingInstructions
			? '"Niche Warming" needs "Niche Warming Instructions" that describe the niche to warm the account for'
			: undefined,
		!input.wantsNicheWarming && input.nicheWarmingInstructions
			? '"Niche Warming Instructions" are only used with "Niche Warming": turn it on or remove the instructions'
			: undefined,
		input.wantsDeepWarming && input.wantsNicheWarming
			? '"Deep Warming" and "Niche Warming" cannot be combined: keep one'
			: undefined,
		input.wantsDeepWarming && notInstagram.length > 0
			? `"Deep Warming" is only available on Instagram (not on ${notInstagram.join(', ')})`
			: undefined,
	];
}

/** The order flags Create and Create Bulk share, in TokPortal's names (only those the user set). */
export function sharedOrderBody(fields: Omit<Warming, 'platforms'> & { externalRef?: string; autoFinalizeVideos?: boolean }): IDataObject {
	const body: IDataObject = {};
	if (fields.externalRef !== undefined) body.external_ref = fields.externalRef;
	if (fields.autoFinalizeVideos !== undefined) body.auto_finalize_videos = fields.autoFinalizeVideos;
	if (fields.wantsNicheWarming !== undefined) body.wants_niche_warming = fields.wantsNicheWarming;
	if (fields.nicheWarmingInstructions !== undefined) body.niche_warming_instructions = fields.nicheWarmingInstructions;
	if (fields.wantsDeepWarming !== undefined) body.wants_deep_warming = fields.wantsDeepWarming;
	return body;
}
