import type { IDataObject, INodeProperties } from 'n8n-workflow';

/** Optional order fields shared by Create and Create Bulk (each also adds its own). */

export const autoFinalizeVideosField: INodeProperties = {
	displayName: 'Auto-Finalize Videos',
	name: 'autoFinalizeVideos',
	type: 'boolean',
	default: true,
	description:
		'Whether videos are finalized automatically once ready, without your review. TokPortal’s default is on.',
};

export const externalRefField: INodeProperties = {
	displayName: 'External Reference',
	name: 'externalRef',
	type: 'string',
	default: '',
	placeholder: 'e.g. acme-spring-2026-us',
	description:
		'Your own ID for this order, such as a client or campaign ID (max 200 characters). It stays the same when TokPortal remakes the account, and Get Many can filter on it.',
};

export const nicheWarmingFields: INodeProperties[] = [
	{
		displayName: 'Deep Warming',
		name: 'wantsDeepWarming',
		type: 'boolean',
		default: false,
		description:
			'Whether to order deep warming. Instagram only, cannot be combined with Niche Warming. TokPortal may refuse it as discontinued.',
	},
	{
		displayName: 'Niche Warming',
		name: 'wantsNicheWarming',
		type: 'boolean',
		default: false,
		description:
			'Whether the account is warmed up on a niche before use (7 credits per account). Needs Niche Warming Instructions; cannot be combined with Deep Warming.',
	},
	{
		displayName: 'Niche Warming Instructions',
		name: 'nicheWarmingInstructions',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		placeholder: 'e.g. Fitness content for women 25–35: home workouts, healthy recipes',
		description: 'The niche the account should be warmed up on. Required with Niche Warming.',
	},
];

/** Text from a field or an expression; numbers from a sheet become text, absent stays absent. */
export function optionalText(value: unknown): string | undefined {
	return value === undefined || value === null ? undefined : String(value);
}

/** A collection field's text: '' when the user added it but its expression gave nothing. */
export function addedText(fields: IDataObject, name: string): string | undefined {
	if (!(name in fields)) return undefined;
	return optionalText(fields[name]) ?? '';
}

/** The warming and shared flags of an additionalFields collection, in TokPortal's names. */
export function sharedOrderBody(fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (fields.externalRef !== undefined) body.external_ref = String(fields.externalRef);
	if (fields.autoFinalizeVideos !== undefined) body.auto_finalize_videos = fields.autoFinalizeVideos;
	if (fields.wantsNicheWarming !== undefined) body.wants_niche_warming = fields.wantsNicheWarming;
	if (fields.nicheWarmingInstructions !== undefined && String(fields.nicheWarmingInstructions).trim() !== '') {
		body.niche_warming_instructions = String(fields.nicheWarmingInstructions);
	}
	if (fields.wantsDeepWarming !== undefined) body.wants_deep_warming = fields.wantsDeepWarming;
	return body;
}
