import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { MAX_ACCOUNTS_PER_PLATFORM, MAX_TEXT_LENGTH, MAX_VIDEO_SLOTS, ORDERABLE_PLATFORMS } from '../../../shared/constants';
import { apiRequest } from '../../../shared/transport';
import { collection, integer, list, notice, readItem, text } from '../../../shared/validation';
import { countryField } from '../common.fields';
import type { TokPortalOperation } from '../operation';
import {
	autoFinalizeVideos,
	externalRefField,
	nicheWarmingInstructions,
	sharedOrderBody,
	wantsDeepWarming,
	wantsNicheWarming,
	warmingProblems,
} from './fields';
import { chargeInfo, paidCallOptions, paidRequest } from '../paidCall';

const platforms = list({
	name: 'platforms',
	displayName: 'Platform Names or IDs',
	required: true,
	unique: true,
	duplicateRule: 'lists a platform twice: raise "Accounts per Platform" instead',
	loadOptionsMethod: 'getOrderablePlatforms',
	item: text({
		name: 'platform',
		displayName: 'Platform',
		pattern: new RegExp(`^(${ORDERABLE_PLATFORMS.join('|')})$`),
		patternRule: `must be ${ORDERABLE_PLATFORMS.join(' or ')}`,
		transform: (value) => value.toLowerCase(),
	}),
	description:
		'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	hint: 'Every platform gets its own set of accounts. Values: tiktok, instagram.',
});

const country = countryField({
	required: true,
	hint: 'One country per order: for several countries, run one item per country',
});

const accountsCount = integer({
	name: 'accountsCount',
	displayName: 'Accounts per Platform',
	required: true,
	min: 1,
	max: MAX_ACCOUNTS_PER_PLATFORM,
	default: 1,
	description: `How many new accounts to create on each platform (1–${MAX_ACCOUNTS_PER_PLATFORM}), 32 credits each`,
});

const additionalFields = collection({
	name: 'additionalFields',
	displayName: 'Additional Fields',
	placeholder: 'Add Field',
	fields: {
		autoFinalizeVideos,
		wantsDeepWarming,
		externalRef: externalRefField(
			`Your own label for this order (max ${MAX_TEXT_LENGTH} characters), copied onto every bundle it creates so Get Many can find them all. It does not prevent a second order: use Options → Idempotency Key for that.`,
		),
		wantsNicheWarming,
		nicheWarmingInstructions,
		uploadAccountsCount: integer({
			name: 'uploadAccountsCount',
			displayName: 'Upload Accounts per Platform',
			min: 0,
			max: MAX_ACCOUNTS_PER_PLATFORM,
			default: 0,
			description:
				'How many of each platform’s accounts also get video slots (at most Accounts per Platform). The others are account-only.',
		}),
		videosPerAccount: integer({
			name: 'videosPerAccount',
			displayName: 'Videos per Upload Account',
			min: 0,
			max: MAX_VIDEO_SLOTS,
			default: 0,
			description: `Video slots on each upload account (0–${MAX_VIDEO_SLOTS}), 2 credits each`,
		}),
	},
});

const bulkOptions = paidCallOptions(
	'nothing is created or charged, and the output shows the bundles it would create with credits_would_charge and cost_breakdown',
);

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const input = readItem(
		this,
		itemIndex,
		{ platforms, country, accountsCount, additionalFields, options: bulkOptions },
		({ platforms: chosen, accountsCount: accounts, additionalFields: fields }) => {
			const uploads = fields.uploadAccountsCount ?? 0;
			const videos = fields.videosPerAccount ?? 0;
			return [
				accounts !== undefined && uploads > accounts &&
					`"Upload Accounts per Platform" (${uploads}) cannot exceed "Accounts per Platform" (${accounts})`,
				uploads > 0 && videos === 0 &&
					'"Videos per Upload Account" must be at least 1 when "Upload Accounts per Platform" is above 0',
				uploads === 0 && videos > 0 &&
					'"Videos per Upload Account" is set but no account gets videos: set "Upload Accounts per Platform" too',
				...warmingProblems({ ...fields, platforms: chosen ?? [] }),
			];
		},
	);
	const fields = input.additionalFields;
	const body: IDataObject = {
		platforms: input.platforms,
		country: input.country,
		accounts_count: input.accountsCount,
		...sharedOrderBody(fields),
	};
	if (fields.uploadAccountsCount) body.upload_accounts_count = fields.uploadAccountsCount;
	if (fields.videosPerAccount) body.videos_per_account = fields.videosPerAccount;

	const response = await apiRequest.call(this, {
		method: 'POST',
		path: '/bundles/bulk',
		body,
		itemIndex,
		...paidRequest('bundle.createBulk', input.options),
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
	fields: [
		notice(
			'createBulkNotice',
			'Creates Accounts per Platform × number of Platforms bundles in one all-or-nothing order, charged immediately. Turn on Options → Dry Run to see the price first.',
		),
		platforms,
		country,
		accountsCount,
		additionalFields,
		bulkOptions,
	],
	execute,
};
