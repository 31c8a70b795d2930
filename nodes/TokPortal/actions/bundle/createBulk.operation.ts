import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest } from '../../transport';
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
import { bulkProblems, throwIfInvalid } from './validation';

const description: INodeProperties[] = [
	{
		displayName:
			'Creates Accounts per Platform × number of Platforms bundles in one all-or-nothing order, charged immediately. Turn on Options → Dry Run to see the price first.',
		name: 'createBulkNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Platform Names or IDs',
		name: 'platforms',
		type: 'multiOptions',
		required: true,
		typeOptions: { loadOptionsMethod: 'getOrderablePlatforms' },
		default: [],
		description:
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'Every platform gets its own set of accounts. Values: tiktok, instagram.',
	},
	{
		displayName: 'Country Name or ID',
		name: 'country',
		type: 'options',
		required: true,
		typeOptions: { loadOptionsMethod: 'getCountries' },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'One country per order: for several countries, run one item per country',
	},
	{
		displayName: 'Accounts per Platform',
		name: 'accountsCount',
		type: 'number',
		required: true,
		typeOptions: { minValue: 1, maxValue: 100 },
		default: 1,
		description: 'How many new accounts to create on each platform (1–100), 32 credits each',
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
				...externalRefField,
				description:
					'Your own label for this order (max 200 characters), copied onto every bundle it creates so Get Many can find them all. It does not prevent a second order: use Options → Idempotency Key for that.',
			},
			nicheWarmingFields[1],
			nicheWarmingFields[2],
			{
				displayName: 'Upload Accounts per Platform',
				name: 'uploadAccountsCount',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 100 },
				default: 0,
				description:
					'How many of each platform’s accounts also get video slots (at most Accounts per Platform). The others are account-only.',
			},
			{
				displayName: 'Videos per Upload Account',
				name: 'videosPerAccount',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 500 },
				default: 0,
				description: 'Video slots on each upload account (0–500), 2 credits each',
			},
		],
	},
	orderOptions(
		'nothing is created or charged, and the output shows the bundles it would create with credits_would_charge and cost_breakdown',
	),
];

/** Platforms from the dropdown, or from an expression giving a list or "tiktok, instagram". */
function readPlatforms(value: unknown): string[] {
	const list = Array.isArray(value) ? value : String(value ?? '').split(',');
	return list.map((platform) => String(platform).trim().toLowerCase()).filter(Boolean);
}

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const platforms = readPlatforms(this.getNodeParameter('platforms', itemIndex));
	const country = optionalText(this.getNodeParameter('country', itemIndex, ''))?.trim();
	const accountsCount = Number(this.getNodeParameter('accountsCount', itemIndex));
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const uploadAccountsCount =
		fields.uploadAccountsCount === undefined ? undefined : Number(fields.uploadAccountsCount);
	const videosPerAccount = fields.videosPerAccount === undefined ? undefined : Number(fields.videosPerAccount);
	const { options, problems: optionProblems } = readOrderOptions.call(this, itemIndex);

	throwIfInvalid(
		this.getNode(),
		[
			...bulkProblems({
				platforms,
				country,
				accountsCount,
				uploadAccountsCount,
				videosPerAccount,
				externalRef: addedText(fields, 'externalRef'),
				nicheWarming: fields.wantsNicheWarming as boolean | undefined,
				nicheWarmingInstructions: addedText(fields, 'nicheWarmingInstructions'),
				deepWarming: fields.wantsDeepWarming as boolean | undefined,
			}),
			...optionProblems,
		],
		itemIndex,
	);

	const body: IDataObject = {
		platforms,
		country,
		accounts_count: accountsCount,
		...sharedOrderBody(fields),
	};
	if (uploadAccountsCount) body.upload_accounts_count = uploadAccountsCount;
	if (videosPerAccount) body.videos_per_account = videosPerAccount;

	const response = await apiRequest.call(this, {
		method: 'POST',
		path: '/bundles/bulk',
		body,
		itemIndex,
		...orderRequest('createBulk', options),
	});
	const data = (response.body.data ?? {}) as IDataObject;
	const bundles = Array.isArray(data.bundles) ? (data.bundles as IDataObject[]) : [];
	// The charge belongs to the whole order, so it sits under `batch` on every row: a top-level
	// credits_charged on each row would be summed by a spreadsheet and overstate the cost.
	const batch: IDataObject = {
		bundles_count: data.total_count ?? bundles.length,
		...chargeInfo(response),
	};
	if (bundles.length === 0) return [{ batch }];
	return bundles.map((bundle) => ({ ...bundle, id: bundle.id ?? bundle.bundle_id, batch }));
}

export const createBulk: TokPortalOperation = {
	option: {
		name: 'Create Bulk',
		value: 'createBulk',
		action: 'Create many bundles at once',
		description:
			'Order up to 100 new accounts per platform in one country in a single all-or-nothing order, some with video slots. Charges credits immediately; outputs one item per bundle. Dry Run shows the price without ordering.',
	},
	description,
	execute,
};
