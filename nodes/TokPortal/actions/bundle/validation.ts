import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * The rules TokPortal applies to bundle orders, checked before anything is sent so a typo costs
 * nothing and the message names the field as the user sees it. Each rule returns a problem, or
 * undefined when the value is fine.
 */

export const MAX_TEXT_LENGTH = 200;
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;
export const MAX_ACCOUNTS_PER_PLATFORM = 100;
/** TokPortal's ceiling for video slots bought at once (bulk and add-slots); also guards typos on create. */
export const MAX_VIDEO_SLOTS = 500;

export const BUNDLE_TYPES = ['account_only', 'account_and_videos', 'videos_only'] as const;
export type BundleType = (typeof BUNDLE_TYPES)[number];

export function isBundleType(value: unknown): value is BundleType {
	return (BUNDLE_TYPES as readonly unknown[]).includes(value);
}

export function hasVideos(type: BundleType): boolean {
	return type !== 'account_only';
}

/** videos_only posts to an account you already own; the other types create (and charge) a new one. */
export function createsAccount(type: BundleType): boolean {
	return type !== 'videos_only';
}

export function bundleTypeProblem(type: unknown): string | undefined {
	if (isBundleType(type)) return undefined;
	return `"Bundle Type" must be one of ${BUNDLE_TYPES.join(', ')} (got "${String(type)}")`;
}

export function maxLengthProblem(label: string, value: string | undefined, max: number): string | undefined {
	if (value === undefined || value.length <= max) return undefined;
	return `"${label}" must be at most ${max} characters (it has ${value.length})`;
}

/** A field the user added but whose expression produced nothing: sending without it could cost money. */
export function blankProblem(label: string, value: string | undefined): string | undefined {
	if (value === undefined || value.trim() !== '') return undefined;
	return `"${label}" is empty. Give it a value (check its expression) or remove the field`;
}

export function integerProblem(label: string, value: number, min: number, max: number): string | undefined {
	if (Number.isInteger(value) && value >= min && value <= max) return undefined;
	return `"${label}" must be a whole number from ${min} to ${max} (got ${String(value)})`;
}

export function requiredProblem(label: string, value: string | undefined): string | undefined {
	return value ? undefined : `"${label}" is required`;
}

export function editsProblem(edits: number | undefined, videos: number): string | undefined {
	if (edits === undefined) return undefined;
	if (!Number.isInteger(edits) || edits < 0) {
		return `"Edit Slots" must be a whole number of 0 or more (got ${String(edits)})`;
	}
	if (edits > videos) {
		return `"Edit Slots" (${edits}) cannot exceed the number of video slots (${videos})`;
	}
	return undefined;
}

export function accountIdProblem(type: BundleType, accountId: string | undefined): string | undefined {
	if (type === 'videos_only' && !accountId) {
		return '"Delivered Account" is required for Videos Only bundles: choose the account the videos are posted to';
	}
	if (type !== 'videos_only' && accountId) {
		return '"Delivered Account" can only be used with the Videos Only bundle type; other types create (and charge for) a new account';
	}
	return undefined;
}

export interface WarmingInput {
	/** Every platform the order covers; empty when it comes from a delivered account. */
	platforms: string[];
	nicheWarming?: boolean;
	nicheWarmingInstructions?: string;
	deepWarming?: boolean;
}

export function warmingProblems(input: WarmingInput): string[] {
	const problems: string[] = [];
	if (input.nicheWarming && !input.nicheWarmingInstructions?.trim()) {
		problems.push('"Niche Warming" needs "Niche Warming Instructions" that describe the niche to warm the account for');
	}
	if (!input.nicheWarming && input.nicheWarmingInstructions?.trim()) {
		problems.push('"Niche Warming Instructions" are only used with "Niche Warming": turn it on or remove the instructions');
	}
	if (input.deepWarming && input.nicheWarming) {
		problems.push('"Deep Warming" and "Niche Warming" cannot be combined: keep one');
	}
	const notInstagram = input.platforms.filter((platform) => platform !== 'instagram');
	if (input.deepWarming && notInstagram.length > 0) {
		problems.push(`"Deep Warming" is only available on Instagram (not on ${notInstagram.join(', ')})`);
	}
	return problems;
}

export function idempotencyKeyProblem(value: string | undefined): string | undefined {
	return (
		blankProblem('Idempotency Key', value) ??
		maxLengthProblem('Idempotency Key', value, MAX_IDEMPOTENCY_KEY_LENGTH)
	);
}

export interface CreateInput {
	bundleType: unknown;
	platform?: string;
	country?: string;
	videosQuantity?: number;
	accountId?: string;
	title?: string;
	externalRef?: string;
	editsQuantity?: number;
	nicheWarming?: boolean;
	nicheWarmingInstructions?: string;
	deepWarming?: boolean;
}

export function createProblems(input: CreateInput): string[] {
	const typeProblem = bundleTypeProblem(input.bundleType);
	if (typeProblem) return [typeProblem];
	const type = input.bundleType as BundleType;
	const videos = hasVideos(type) ? input.videosQuantity ?? 0 : 0;
	const problems = [
		createsAccount(type) ? requiredProblem('Platform', input.platform) : undefined,
		createsAccount(type) ? requiredProblem('Country', input.country) : undefined,
		hasVideos(type) ? integerProblem('Videos Quantity', videos, 1, MAX_VIDEO_SLOTS) : undefined,
		accountIdProblem(type, input.accountId),
		maxLengthProblem('Title', input.title, MAX_TEXT_LENGTH),
		blankProblem('External Reference', input.externalRef) ??
			maxLengthProblem('External Reference', input.externalRef, MAX_TEXT_LENGTH),
		hasVideos(type) || !input.editsQuantity
			? editsProblem(input.editsQuantity, videos)
			: '"Edit Slots" need video slots: use Account and Videos or Videos Only, or remove Edit Slots',
		...warmingProblems({
			platforms: createsAccount(type) && input.platform ? [input.platform] : [],
			nicheWarming: input.nicheWarming,
			nicheWarmingInstructions: input.nicheWarmingInstructions,
			deepWarming: input.deepWarming,
		}),
	];
	return problems.filter((problem): problem is string => problem !== undefined);
}

export interface BulkInput {
	platforms: string[];
	country?: string;
	accountsCount: number;
	uploadAccountsCount?: number;
	videosPerAccount?: number;
	externalRef?: string;
	nicheWarming?: boolean;
	nicheWarmingInstructions?: string;
	deepWarming?: boolean;
}

export function bulkProblems(input: BulkInput): string[] {
	const uploads = input.uploadAccountsCount ?? 0;
	const videos = input.videosPerAccount ?? 0;
	const problems = [
		input.platforms.length === 0 ? '"Platforms" needs at least one platform' : undefined,
		new Set(input.platforms).size < input.platforms.length
			? `"Platforms" lists a platform twice (${input.platforms.join(', ')}): raise "Accounts per Platform" instead`
			: undefined,
		requiredProblem('Country', input.country),
		integerProblem('Accounts per Platform', input.accountsCount, 1, MAX_ACCOUNTS_PER_PLATFORM),
		integerProblem('Upload Accounts per Platform', uploads, 0, MAX_ACCOUNTS_PER_PLATFORM) ??
			(uploads > input.accountsCount
				? `"Upload Accounts per Platform" (${uploads}) cannot exceed "Accounts per Platform" (${input.accountsCount})`
				: undefined),
		integerProblem('Videos per Upload Account', videos, 0, MAX_VIDEO_SLOTS) ??
			(uploads > 0 && videos === 0
				? '"Videos per Upload Account" must be at least 1 when "Upload Accounts per Platform" is above 0'
				: undefined) ??
			(uploads === 0 && videos > 0
				? '"Videos per Upload Account" is set but no account gets videos: set "Upload Accounts per Platform" too'
				: undefined),
		blankProblem('External Reference', input.externalRef) ??
			maxLengthProblem('External Reference', input.externalRef, MAX_TEXT_LENGTH),
		...warmingProblems({ ...input, platforms: input.platforms }),
	];
	return problems.filter((problem): problem is string => problem !== undefined);
}

export interface UpdateInput {
	title?: string;
	clearTitle?: boolean;
	externalRef?: string;
	clearExternalRef?: boolean;
	autoFinalizeVideos?: boolean;
}

/** An empty value never clears a field by accident (e.g. a missing sheet column): clearing is explicit. */
function clearInsteadProblem(label: string, value: string | undefined): string | undefined {
	if (value === undefined || value.trim() !== '') return undefined;
	return `"${label}" is empty. To remove it from the bundle, use "Clear ${label}" instead`;
}

export function updateProblems(input: UpdateInput): string[] {
	const changes = [
		input.title !== undefined || input.clearTitle,
		input.externalRef !== undefined || input.clearExternalRef,
		input.autoFinalizeVideos !== undefined,
	];
	if (!changes.some(Boolean)) {
		return ['Add at least one field to update under "Update Fields" (or turn on a Clear option)'];
	}
	const problems = [
		input.clearTitle && input.title !== undefined
			? '"Title" and "Clear Title" cannot be used together: remove one'
			: clearInsteadProblem('Title', input.title) ??
				maxLengthProblem('Title', input.title, MAX_TEXT_LENGTH),
		input.clearExternalRef && input.externalRef !== undefined
			? '"External Reference" and "Clear External Reference" cannot be used together: remove one'
			: clearInsteadProblem('External Reference', input.externalRef) ??
				maxLengthProblem('External Reference', input.externalRef, MAX_TEXT_LENGTH),
	];
	return problems.filter((problem): problem is string => problem !== undefined);
}

/** One error listing every problem of the item, so the user fixes them in one go. */
export function throwIfInvalid(node: INode, problems: string[], itemIndex: number): void {
	if (problems.length === 0) return;
	const message =
		problems.length === 1 ? problems[0] : `${problems.length} fields need fixing: ${problems.join('; ')}`;
	throw new NodeOperationError(node, message, {
		itemIndex,
		description: 'Nothing was sent to TokPortal and no credits were charged. Fix the field(s), then run again.',
	});
}
