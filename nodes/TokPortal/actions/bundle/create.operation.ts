import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { MAX_VIDEO_SLOTS } from '../../../shared/constants';
import { apiRequest } from '../../../shared/transport';
import { collection, dynamicOptions, integer, ItemReader, notice, options } from '../../../shared/validation';
import { countryField, deliveredAccountLocator } from '../common.fields';
import type { TokPortalOperation } from '../operation';
import type { BundleType } from './fields';
import {
	autoFinalizeVideos,
	createsAccount,
	editsQuantity,
	externalRef,
	hasVideos,
	nicheWarmingInstructions,
	sharedOrderBody,
	title,
	wantsDeepWarming,
	wantsNicheWarming,
	warmingProblems,
} from './fields';
import { chargeInfo, paidCallOptions, paidRequest } from '../paidCall';

const WITH_VIDEOS: BundleType[] = ['account_and_videos', 'videos_only'];
const NEW_ACCOUNT: BundleType[] = ['account_only', 'account_and_videos'];

const bundleType = options<BundleType>({
	name: 'bundleType',
	displayName: 'Bundle Type',
	required: true,
	default: 'account_only',
	description: 'What to order. One bundle is always one account, on one platform, in one country.',
	options: [
		{
			name: 'Account and Videos',
			value: 'account_and_videos',
			description: 'A new account plus video slots: 32 credits + 2 per video slot (+ 3 per edit slot)',
		},
		{ name: 'Account Only', value: 'account_only', description: 'A new account, created and set up, no videos: 32 credits' },
		{
			name: 'Videos Only',
			value: 'videos_only',
			description: 'Video slots on a delivered account you already own: 2 credits per video slot (+ 3 per edit slot)',
		},
	],
});

const platform = dynamicOptions({
	name: 'platform',
	displayName: 'Platform Name or ID',
	requiredInPanel: true,
	loadOptionsMethod: 'getOrderablePlatforms',
	default: 'tiktok',
	pattern: /^(tiktok|instagram)$/i,
	patternRule: 'must be tiktok or instagram (new bundles cannot be ordered on other platforms)',
	transform: (value) => value.toLowerCase(),
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	hint: 'Values: tiktok or instagram',
	displayOptions: { show: { bundleType: NEW_ACCOUNT } },
});

const country = countryField({
	hint: 'Required: the country the new account is created in, e.g. US, GB, FR',
	displayOptions: { show: { bundleType: NEW_ACCOUNT } },
});

// Not required in the panel: with Bundle Type set by an expression n8n shows every field and would
// demand an account for new-account orders too. The cross-field rules require it for Videos Only.
const accountId = deliveredAccountLocator({
	description:
		'Required for Videos Only: the delivered account the videos are posted to. Platform and country come from this account.',
	displayOptions: { show: { bundleType: ['videos_only'] } },
});

const videosQuantity = integer({
	name: 'videosQuantity',
	displayName: 'Videos Quantity',
	required: true,
	min: 1,
	max: MAX_VIDEO_SLOTS,
	default: 1,
	description: `How many video slots to buy (1–${MAX_VIDEO_SLOTS}), 2 credits each`,
	displayOptions: { show: { bundleType: WITH_VIDEOS } },
});

const additionalFields = collection({
	name: 'additionalFields',
	displayName: 'Additional Fields',
	placeholder: 'Add Field',
	fields: { autoFinalizeVideos, wantsDeepWarming, editsQuantity, externalRef, wantsNicheWarming, nicheWarmingInstructions, title },
});

const createOptions = paidCallOptions('nothing is created or charged, and the output shows credits_would_charge and cost_breakdown');

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const reader = new ItemReader(this, itemIndex);
	const { bundleType: type } = reader.read({ bundleType });
	// An invalid Bundle Type decides nothing else: report it alone.
	if (type === undefined) reader.done();
	const input = reader.read({ accountId, additionalFields, options: createOptions });
	const { additionalFields: fields } = input;
	const newAccount = createsAccount(type);
	const where = newAccount ? reader.read({ platform, country }) : undefined;
	const videos = hasVideos(type) ? reader.read({ videosQuantity }).videosQuantity : undefined;
	reader.check(
		where && !where.platform && '"Platform" is required for a new account',
		where && !where.country && '"Country" is required for a new account',
		!newAccount && !input.accountId &&
			'"Delivered Account" is required for Videos Only bundles: choose the account the videos are posted to',
		newAccount && input.accountId !== undefined &&
			'"Delivered Account" can only be used with the Videos Only bundle type; other types create (and charge for) a new account',
		!hasVideos(type) && Boolean(fields.editsQuantity) &&
			'"Edit Slots" need video slots: use Account and Videos or Videos Only, or remove Edit Slots',
		videos !== undefined && fields.editsQuantity !== undefined && fields.editsQuantity > videos &&
			`"Edit Slots" (${fields.editsQuantity}) cannot exceed the number of video slots (${videos})`,
		warmingProblems({ ...fields, platforms: where?.platform ? [where.platform] : [] }),
	);
	reader.done();

	const body: IDataObject = { bundle_type: type };
	if (where) Object.assign(body, { platform: where.platform, country: where.country });
	else body.account_id = input.accountId;
	if (videos !== undefined) body.videos_quantity = videos;
	if (fields.editsQuantity) body.edits_quantity = fields.editsQuantity;
	if (fields.title) body.title = fields.title;
	Object.assign(body, sharedOrderBody(fields));

	const response = await apiRequest.call(this, {
		method: 'POST',
		path: '/bundles',
		body,
		itemIndex,
		...paidRequest('bundle.create', input.options),
	});
	const data = (response.body.data ?? {}) as IDataObject;
	// Some TokPortal versions name the new bundle's id `bundle_id`; `id` is what later steps use.
	return { ...data, id: data.id ?? data.bundle_id, ...chargeInfo(response) };
}

export const create: TokPortalOperation = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a bundle',
		description:
			'Order one TikTok/Instagram account (optionally with video slots), or video slots on an account you own. Charges credits immediately; Dry Run shows the price without ordering.',
	},
	fields: [
		notice(
			'createNotice',
			'Credits are charged as soon as the bundle is created (publishing later is free). Turn on Options → Dry Run to see the price first.',
		),
		bundleType,
		platform,
		country,
		accountId,
		videosQuantity,
		additionalFields,
		createOptions,
	],
	execute,
};
