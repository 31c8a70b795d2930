import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { accountIdLocator } from '../common.descriptions';
import type { TokPortalOperation } from '../operation';
import {
	autoFinalizeVideosField,
	externalRefField,
	nicheWarmingFields,
	addedText,
	optionalText,
	sharedOrderBody,
} from './fields';
import { chargeInfo, orderOptions, orderRequest, readOrderOptions } from './orderOptions';
import type { BundleType } from './validation';
import { createProblems, createsAccount, hasVideos, throwIfInvalid } from './validation';

const WITH_VIDEOS: BundleType[] = ['account_and_videos', 'videos_only'];
const NEW_ACCOUNT: BundleType[] = ['account_only', 'account_and_videos'];

const description: INodeProperties[] = [
	{
		displayName:
			'Credits are charged as soon as the bundle is created (publishing later is free). Turn on Options → Dry Run to see the price first.',
		name: 'createNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Bundle Type',
		name: 'bundleType',
		type: 'options',
		required: true,
		default: 'account_only',
		description: 'What to order. One bundle is always one account, on one platform, in one country.',
		options: [
			{
				name: 'Account and Videos',
				value: 'account_and_videos',
				description: 'A new account plus video slots: 32 credits + 2 per video slot (+ 3 per edit slot)',
			},
			{
				name: 'Account Only',
				value: 'account_only',
				description: 'A new account, created and set up, no videos: 32 credits',
			},
			{
				name: 'Videos Only',
				value: 'videos_only',
				description:
					'Video slots on a delivered account you already own: 2 credits per video slot (+ 3 per edit slot)',
			},
		],
	},
	{
		displayName: 'Platform Name or ID',
		name: 'platform',
		type: 'options',
		required: true,
		typeOptions: { loadOptionsMethod: 'getOrderablePlatforms' },
		default: 'tiktok',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'Values: tiktok or instagram',
		displayOptions: { show: { bundleType: NEW_ACCOUNT } },
	},
	{
		displayName: 'Country Name or ID',
		name: 'country',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCountries' },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'Required: the country the new account is created in, e.g. USA, UK, FR',
		displayOptions: { show: { bundleType: NEW_ACCOUNT } },
	},
	// Not marked required: with Bundle Type set by an expression n8n shows every field and would
	// demand an account for new-account orders too. The validation requires it for Videos Only.
	{
		...accountIdLocator,
		required: false,
		description:
			'Required for Videos Only: the delivered account the videos are posted to. Platform and country come from this account.',
		displayOptions: { show: { bundleType: ['videos_only'] } },
	},
	{
		displayName: 'Videos Quantity',
		name: 'videosQuantity',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 500 },
		default: 1,
		description: 'How many video slots to buy (1–500), 2 credits each',
		displayOptions: { show: { bundleType: WITH_VIDEOS } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			autoFinalizeVideosField,
			nicheWarmingFields[0],
			{
				displayName: 'Edit Slots',
				name: 'editsQuantity',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description:
					'How many of the videos TokPortal edits for you, 3 credits each. At most Videos Quantity.',
			},
			externalRefField,
			nicheWarmingFields[1],
			nicheWarmingFields[2],
			{
				displayName: 'Title',
				name: 'title',
				type: 'string',
				default: '',
				placeholder: 'e.g. Acme - US TikTok',
				description: 'A name for the bundle in TokPortal (max 200 characters)',
			},
		],
	},
	orderOptions('nothing is created or charged, and the output shows credits_would_charge and cost_breakdown'),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const bundleType = this.getNodeParameter('bundleType', itemIndex) as BundleType;
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const { options, problems: optionProblems } = readOrderOptions.call(this, itemIndex);

	const newAccount = createsAccount(bundleType);
	const withVideos = hasVideos(bundleType);
	const platform = newAccount
		? optionalText(this.getNodeParameter('platform', itemIndex, ''))?.trim().toLowerCase()
		: undefined;
	const country = newAccount ? optionalText(this.getNodeParameter('country', itemIndex, ''))?.trim() : undefined;
	// Read without extractValue: n8n refuses to extract a hidden field, and the field is only shown
	// for Videos Only (or when Bundle Type is an expression), yet must be refused on other types.
	const accountLocator = this.getNodeParameter('accountId', itemIndex, '') as IDataObject | string;
	const accountId = optionalText(
		typeof accountLocator === 'object' ? accountLocator.value : accountLocator,
	)?.trim();
	const videosQuantity = withVideos ? Number(this.getNodeParameter('videosQuantity', itemIndex)) : undefined;
	const title = optionalText(fields.title)?.trim() || undefined;
	const externalRef = addedText(fields, 'externalRef');
	const editsQuantity = fields.editsQuantity === undefined ? undefined : Number(fields.editsQuantity);

	throwIfInvalid(
		this.getNode(),
		[
			...createProblems({
				bundleType,
				platform,
				country,
				videosQuantity,
				accountId,
				title,
				externalRef,
				editsQuantity,
				nicheWarming: fields.wantsNicheWarming as boolean | undefined,
				nicheWarmingInstructions: addedText(fields, 'nicheWarmingInstructions'),
				deepWarming: fields.wantsDeepWarming as boolean | undefined,
			}),
			...optionProblems,
		],
		itemIndex,
	);

	const body: IDataObject = { bundle_type: bundleType, ...sharedOrderBody(fields) };
	if (newAccount) Object.assign(body, { platform, country });
	else body.account_id = accountId;
	if (withVideos) body.videos_quantity = videosQuantity;
	if (editsQuantity) body.edits_quantity = editsQuantity;
	if (title) body.title = title;

	const response = await apiRequest.call(this, {
		method: 'POST',
		path: '/bundles',
		body,
		itemIndex,
		...orderRequest('create', options),
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
	description,
	execute,
};
