import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequestAllItems } from '../../transport';
import { listOptions, platformFilter, readPaging, returnAllAndLimit } from '../common.descriptions';
import type { TokPortalOperation } from '../operation';
import { addedText, optionalText } from './fields';
import { blankProblem, throwIfInvalid } from './validation';

const description: INodeProperties[] = [
	...returnAllAndLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Account Status',
				name: 'accountStatus',
				type: 'options',
				default: 'in_review',
				description:
					'Only bundles whose account is in this status, e.g. In Review to find accounts waiting for you to finalize them',
				options: [
					{ name: 'Configured', value: 'configured', description: 'Profile set, ready to publish' },
					{ name: 'Finalized', value: 'finalized', description: 'Accepted by you (or automatically)' },
					{ name: 'In Review', value: 'in_review', description: 'Created and waiting for your review' },
					{ name: 'Pending', value: 'pending', description: 'Profile not configured yet' },
					{
						name: 'Pending Corrections',
						value: 'pending_corrections',
						description: 'You asked for corrections; TokPortal is applying them',
					},
					{ name: 'Published', value: 'published', description: 'Submitted to TokPortal for creation' },
				],
			},
			{
				displayName: 'Bundle Type',
				name: 'bundleType',
				type: 'options',
				default: 'account_only',
				options: [
					{ name: 'Account and Videos', value: 'account_and_videos' },
					{ name: 'Account Only', value: 'account_only' },
					{ name: 'Videos Only', value: 'videos_only' },
				],
			},
			{
				displayName: 'External Reference',
				name: 'externalRef',
				type: 'string',
				default: '',
				placeholder: 'e.g. acme-spring-2026-us',
				description: 'Only bundles with exactly this External Reference (case and spaces matter)',
			},
			platformFilter,
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'pending_setup',
				description: 'Only bundles in this status',
				options: [
					{ name: 'Accepted', value: 'accepted', description: 'A TokPortal account manager accepted the work' },
					{ name: 'Archived', value: 'archived' },
					{ name: 'Cancelled', value: 'cancelled', description: 'Stopped, e.g. after a validated ban' },
					{ name: 'Completed', value: 'completed', description: 'All work is done' },
					{ name: 'Draft', value: 'draft' },
					{ name: 'Finalized', value: 'finalized', description: 'Videos have been finalized' },
					{ name: 'In Review', value: 'in_review', description: 'Videos are being reviewed' },
					{ name: 'Pending Setup', value: 'pending_setup', description: 'Created, waiting for configuration' },
					{ name: 'Published', value: 'published', description: 'Configuration submitted for processing' },
					{ name: 'Published (Priority)', value: 'published_priority' },
				],
			},
		],
	},
	listOptions,
];

const FILTER_PARAMETERS: Record<string, string> = {
	accountStatus: 'account_status',
	bundleType: 'bundle_type',
	externalRef: 'external_ref',
	platform: 'platform',
	status: 'status',
};

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	// Skipping an empty External Reference would list every bundle where the user expects one match.
	const externalRefProblem = blankProblem('External Reference', addedText(filters, 'externalRef'));
	throwIfInvalid(this.getNode(), externalRefProblem ? [externalRefProblem] : [], itemIndex);
	const qs: IDataObject = {};
	for (const [field, parameter] of Object.entries(FILTER_PARAMETERS)) {
		const value = optionalText(filters[field]);
		// An empty Platform means "any platform".
		if (value) qs[parameter] = value;
	}
	return await apiRequestAllItems.call(this, {
		path: '/bundles',
		qs,
		...readPaging.call(this, itemIndex),
		itemIndex,
	});
}

export const getMany: TokPortalOperation = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		action: 'Get many bundles',
		description:
			'List your bundles, one item per bundle, optionally filtered by status, account status, type, platform or exact External Reference',
	},
	description,
	execute,
};
