import type { IDisplayOptions, IExecuteFunctions } from 'n8n-workflow';

import {
	DEFAULT_LIMIT,
	DEFAULT_PAGE_CONCURRENCY,
	MAX_PAGE_CONCURRENCY,
	MAX_PAGE_SIZE,
} from '../../shared/constants';
import type { AnyField, Values } from '../../shared/validation';
import { boolean, collection, dynamicOptions, integer, ItemReader, list, locator, options, text } from '../../shared/validation';

/** Fields and messages several operations share. */

export const bundleId = locator({
	name: 'bundleId',
	displayName: 'Bundle',
	required: true,
	description: 'The bundle (one account order) to work on',
	searchListMethod: 'searchBundles',
	listPlaceholder: 'Select a bundle…',
	idPlaceholder: 'e.g. 3f0c1a52-8d7e-4f1b-9a3c-2b6d5e4f7a81',
});

/** The Delivered Account picker; operations where it is optional or conditional adjust the spec. */
export function deliveredAccountLocator<R extends boolean = false>(
	spec: { required?: R; description?: string; displayOptions?: IDisplayOptions } = {},
) {
	return locator({
		name: 'accountId',
		displayName: 'Delivered Account',
		description:
			'The delivered account (the real TikTok/Instagram account). A bundle’s saved_account_id is this ID.',
		searchListMethod: 'searchAccounts',
		listPlaceholder: 'Select an account…',
		idPlaceholder: 'e.g. 9f3a7b2e-1c4d-4e8f-a5b6-7d9e0f1a2b3c',
		...spec,
	});
}

export const accountId = deliveredAccountLocator({ required: true });

/** A filter on delivered account IDs; `subject` says what it selects, e.g. "Only tasks of these delivered accounts". */
export function deliveredAccountIdsFilter(subject: string) {
	return list({
		name: 'accountIds',
		displayName: 'Delivered Account IDs',
		unique: true,
		item: text({
			name: 'accountId',
			displayName: 'Delivered Account ID',
			maxLength: 200,
			pattern: /^[^\s,/?#]+$/,
			patternRule: 'must be a delivered account ID (no spaces)',
		}),
		placeholder: 'e.g. 9f3a7b2e-1c4d-4e8f-a5b6-7d9e0f1a2b3c, 1c2d3e4f-…',
		description: `${subject}: IDs separated by commas, or a list from an expression`,
	});
}

export const returnAll = boolean({
	name: 'returnAll',
	displayName: 'Return All',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
});

export const limit = integer({
	name: 'limit',
	displayName: 'Limit',
	required: true,
	min: 1,
	default: DEFAULT_LIMIT,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
});

/** Placed after a list operation's filters: how the pages are fetched (advanced). */
export const listOptions = collection({
	name: 'options',
	displayName: 'Options',
	placeholder: 'Add Option',
	fields: {
		parallelRequests: integer({
			name: 'parallelRequests',
			displayName: 'Parallel Page Requests',
			min: 1,
			max: MAX_PAGE_CONCURRENCY,
			default: DEFAULT_PAGE_CONCURRENCY,
			description: `How many pages of ${MAX_PAGE_SIZE} to request at the same time once the first page tells how many there are. TokPortal’s rate limit (120 requests per minute) is respected either way; set 1 to read one page after another (slower, but less memory on lists of tens of thousands).`,
		}),
	},
});

/** A Filters collection ("Add Filter") of the given fields, in the panel's alphabetical order. */
export function filtersOf<C extends Record<string, AnyField>>(fields: C) {
	const sorted = Object.fromEntries(
		Object.entries(fields).sort(([, a], [, b]) => a.property.displayName.localeCompare(b.property.displayName)),
	) as C;
	return collection({ name: 'filters', displayName: 'Filters', placeholder: 'Add Filter', fields: sorted });
}

/** The fields of a list operation, in panel order around its own filters. */
export function listFields<F>(filters: F): [typeof returnAll, typeof limit, F, typeof listOptions] {
	return [returnAll, limit, filters, listOptions];
}

/** What a list operation asks the paginator for: Return All or a Limit, and how many pages at once. */
export interface Paging {
	limit: number | undefined;
	concurrency: number | undefined;
}

function readPaging(reader: ItemReader): Paging {
	const { returnAll: all, options } = reader.read({ returnAll, options: listOptions });
	const paging = all ? { limit: undefined } : reader.read({ limit });
	return { limit: paging.limit, concurrency: options.parallelRequests };
}

/**
 * Reads a list operation's own fields, then its paging (listFields), for one item; throws one error
 * naming every problem, before anything is sent. `check` adds rules across fields: it always runs,
 * on the values that could be read (a field with a problem is left out).
 */
export function readListInput<F extends Record<string, AnyField> & { paging?: never }>(
	context: IExecuteFunctions,
	itemIndex: number,
	fields: F,
	check?: (values: Values<F>) => Array<string | undefined | false>,
): Values<F> & { paging: Paging } {
	const reader = new ItemReader(context, itemIndex);
	const values = reader.read(fields);
	const paging = readPaging(reader);
	if (check) reader.check(check(values));
	reader.done();
	return { ...values, paging };
}

/** The Country dropdown (TokPortal's list, or an expression giving a code). */
export function countryField<R extends boolean = false>(spec: {
	required?: R;
	hint: string;
	displayOptions?: IDisplayOptions;
}) {
	return dynamicOptions({
		name: 'country',
		displayName: 'Country Name or ID',
		loadOptionsMethod: 'getCountries',
		pattern: /^[A-Za-z]{2,3}$/,
		patternRule: 'must be a country code of 2 or 3 letters such as US, GB or FR',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		...spec,
	});
}

export const countryFilter = countryField({
	hint: 'A TokPortal country code such as US, GB or FR (USA and UK work too)',
});

export const platformFilter = dynamicOptions({
	name: 'platform',
	displayName: 'Platform Name or ID',
	loadOptionsMethod: 'getPlatforms',
	pattern: /^[A-Za-z]{2,20}$/,
	patternRule: 'must be a platform name such as tiktok, instagram or youtube',
	transform: (value) => value.toLowerCase(),
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	hint: 'tiktok, instagram or youtube',
});

/** A Videos Only bundle has no account slot: TokPortal answers ACCOUNT_NOT_FOUND for its account endpoints. */
export const NO_ACCOUNT_STEP =
	'This bundle has no account to work on. Videos Only bundles post to an existing delivered account and have no account step: choose the bundle that orders the account.';


/** Bundle statuses (spec 001) as a list filter, shared by the bundle lists. */
export const bundleStatusFilter = options({
	name: 'status',
	displayName: 'Status',
	default: 'pending_setup',
	description: 'Only bundles in this status',
	options: [
		{ name: 'Accepted', value: 'accepted', description: 'A TokPortal account manager accepted the work' },
		{ name: 'Archived', value: 'archived' },
		{ name: 'Cancelled', value: 'cancelled', description: 'Stopped, e.g. after a validated ban' },
		{ name: 'Completed', value: 'completed', description: 'All work is done' },
		{ name: 'Draft', value: 'draft' },
		{ name: 'Finalized', value: 'finalized', description: 'All videos were approved' },
		{ name: 'In Review', value: 'in_review', description: 'Posted videos are waiting for your review' },
		{ name: 'Pending Setup', value: 'pending_setup', description: 'Created, waiting for configuration' },
		{ name: 'Published', value: 'published', description: 'Configuration submitted for processing' },
		{ name: 'Published (Priority)', value: 'published_priority' },
	],
});
