import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

export const returnAllAndLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		displayOptions: { show: { returnAll: [false] } },
		default: 50,
		description: 'Max number of results to return',
	},
];

/** Placed after a list operation's filters: how the pages are fetched (advanced). */
export const listOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Parallel Page Requests',
			name: 'parallelRequests',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 8 },
			default: 4,
			description:
				'How many pages of 100 to request at the same time once the first page tells how many there are. TokPortal’s rate limit (120 requests per minute) is respected either way; set 1 to read one page after another.',
		},
	],
};

/** What a list operation asks the paginator for: Return All or a Limit, and how many pages at once. */
export function readPaging(
	this: IExecuteFunctions,
	itemIndex: number,
): { limit: number | undefined; concurrency: number | undefined } {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const options = this.getNodeParameter('options', itemIndex, {}) as { parallelRequests?: number };
	return {
		limit: returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number),
		concurrency: options.parallelRequests,
	};
}

export const bundleIdLocator: INodeProperties = {
	displayName: 'Bundle',
	name: 'bundleId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The bundle (one account order) to work on',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a bundle…',
			typeOptions: { searchListMethod: 'searchBundles', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 3f0c1a52-8d7e-4f1b-9a3c-2b6d5e4f7a81',
		},
	],
};

export const accountIdLocator: INodeProperties = {
	displayName: 'Delivered Account',
	name: 'accountId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description:
		'The delivered account (the real TikTok/Instagram account). A bundle’s saved_account_id is this ID.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select an account…',
			typeOptions: { searchListMethod: 'searchAccounts', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 9f3a7b2e-1c4d-4e8f-a5b6-7d9e0f1a2b3c',
		},
	],
};

/** List filters shared by the bundle and delivered-account lists. */
export const countryFilter: INodeProperties = {
	displayName: 'Country Name or ID',
	name: 'country',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getCountries' },
	default: '',
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	hint: 'A TokPortal country code such as USA, UK or FR (aliases like US and GB work too)',
};

export const platformFilter: INodeProperties = {
	displayName: 'Platform Name or ID',
	name: 'platform',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getPlatforms' },
	default: '',
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	hint: 'tiktok, instagram or youtube',
};
