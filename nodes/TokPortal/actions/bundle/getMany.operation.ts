import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { MAX_TEXT_LENGTH } from '../../../shared/constants';
import { apiRequestAllItems } from '../../../shared/transport';
import { options, text } from '../../../shared/validation';
import { bundleStatusFilter, filtersOf, listFields, platformFilter, readListInput } from '../common.fields';
import type { TokPortalOperation } from '../operation';
import type { BundleType } from './fields';

const filters = filtersOf({
	accountStatus: options({
		name: 'accountStatus',
		displayName: 'Account Status',
		default: 'in_review',
		description:
			'Only bundles whose account is in this status, e.g. In Review to find accounts waiting for you to finalize them',
		options: [
			{ name: 'Configured', value: 'configured', description: 'Profile set (also after publishing, until TokPortal delivers it)' },
			{
				name: 'Corrections Requested',
				value: 'corrections_requested',
				description: 'You asked for corrections; TokPortal is applying them',
			},
			{ name: 'Finalized', value: 'finalized', description: 'Accepted by you (or automatically)' },
			{ name: 'In Review', value: 'in_review', description: 'Created and waiting for your review' },
			{ name: 'Pending', value: 'pending', description: 'Profile not configured yet' },
		],
	}),
	bundleType: options<BundleType>({
		name: 'bundleType',
		displayName: 'Bundle Type',
		default: 'account_only',
		options: [
			{ name: 'Account and Videos', value: 'account_and_videos' },
			{ name: 'Account Only', value: 'account_only' },
			{ name: 'Videos Only', value: 'videos_only' },
		],
	}),
	// Skipping an empty External Reference would list every bundle where the user expects one match.
	externalRef: text({
		name: 'externalRef',
		displayName: 'External Reference',
		maxLength: MAX_TEXT_LENGTH,
		keepSpaces: true,
		refuseBlank: true,
		placeholder: 'e.g. acme-spring-2026-us',
		description: 'Only bundles with exactly this External Reference (case and spaces matter)',
	}),
	platform: platformFilter,
	status: bundleStatusFilter,
});

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { filters: chosen, paging } = readListInput(this, itemIndex, { filters });
	const qs: IDataObject = {};
	if (chosen.accountStatus) qs.account_status = chosen.accountStatus;
	if (chosen.bundleType) qs.bundle_type = chosen.bundleType;
	if (chosen.externalRef !== undefined) qs.external_ref = chosen.externalRef;
	// An empty Platform means "any platform".
	if (chosen.platform) qs.platform = chosen.platform;
	if (chosen.status) qs.status = chosen.status;
	return await apiRequestAllItems.call(this, { path: '/bundles', qs, ...paging, itemIndex });
}

export const getMany: TokPortalOperation = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		action: 'Get many bundles',
		description:
			'List your bundles, one item per bundle, optionally filtered by status, account status, type, platform or exact External Reference',
	},
	fields: listFields(filters),
	execute,
};
