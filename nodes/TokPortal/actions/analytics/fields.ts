import type { IDataObject } from 'n8n-workflow';

import { DEFAULT_LIMIT } from '../../../shared/constants';
import { identifier, integer, list, text } from '../../../shared/validation';

/** Fields the analytics operations share: the documented filters, a video ID and a limit. */

export { dateRange, rangeProblem } from '../dates';

const EXPRESSION_LINK = '<a href="https://docs.n8n.io/code/expressions/">expression</a>';

export const accounts = list({
	name: 'accounts',
	displayName: 'Delivered Account IDs',
	item: identifier({ name: 'account', displayName: 'Delivered Account ID' }),
	unique: true,
	refuseBlank: true,
	blankRule:
		'is empty, which would select every delivered account. Give at least one ID (check its expression) or remove the filter',
	placeholder: 'e.g. 9f3a7b2e-1c4d-4e8f-a5b6-7d9e0f1a2b3c, 1c2d3e4f-…',
	description:
		'Only these delivered accounts: IDs from Delivered Account → Get Many (or a bundle’s saved_account_id), comma-separated, or an expression giving a list of IDs',
});

export const platforms = list({
	name: 'platforms',
	displayName: 'Platform Names or IDs',
	loadOptionsMethod: 'getPlatforms',
	item: text({
		name: 'platform',
		displayName: 'Platform',
		pattern: /^[a-z]{2,20}$/,
		patternRule: 'must be a platform name such as tiktok, instagram or youtube',
		transform: (value) => value.toLowerCase(),
	}),
	unique: true,
	refuseBlank: true,
	blankRule: 'is empty, which would select every platform. Choose at least one (check its expression) or remove the filter',
	description: `Only accounts on these platforms. Choose from the list, or specify IDs using an ${EXPRESSION_LINK}.`,
});

export const countries = list({
	name: 'countries',
	displayName: 'Country Names or IDs',
	loadOptionsMethod: 'getCountries',
	item: text({
		name: 'country',
		displayName: 'Country',
		pattern: /^[A-Za-z]{2,3}$/,
		patternRule: 'must be a country code of 2 or 3 letters such as USA, UK or FR',
	}),
	unique: true,
	refuseBlank: true,
	blankRule: 'is empty, which would select every country. Choose at least one (check its expression) or remove the filter',
	description: `Only accounts in these countries. Choose from the list, or specify IDs using an ${EXPRESSION_LINK}.`,
});

export const workspace = text({
	name: 'workspace',
	displayName: 'Workspace ID',
	maxLength: 100,
	refuseBlank: true,
	placeholder: 'e.g. ws_1f2e3d4c',
	description: 'Only this workspace (the workspace_id of your TokPortal user)',
});

export const query = text({
	name: 'query',
	displayName: 'Search',
	maxLength: 200,
	refuseBlank: true,
	placeholder: 'e.g. street_style',
	description: 'Only videos whose username, account name, video name or post URL contains this text (any case)',
});

export interface FilterValues {
	accounts?: string[];
	platforms?: string[];
	countries?: string[];
	workspace?: string;
	query?: string;
	dateFrom?: string;
	dateTo?: string;
}

/** The query of GET /analytics and its siblings: repeatable platform, country and account, from/to. */
export function filterQuery(values: FilterValues): IDataObject {
	const qs: IDataObject = {};
	if (values.workspace !== undefined) qs.workspace = values.workspace;
	if (values.platforms?.length) qs.platform = values.platforms;
	if (values.countries?.length) qs.country = values.countries;
	if (values.accounts?.length) qs.account = values.accounts;
	if (values.query !== undefined) qs.q = values.query;
	if (values.dateFrom !== undefined) qs.from = values.dateFrom;
	if (values.dateTo !== undefined) qs.to = values.dateTo;
	return qs;
}

export const videoId = identifier({
	name: 'videoId',
	displayName: 'Video ID',
	required: true,
	placeholder: 'e.g. 5b1c9e2a-7d3f-4a8b-9c6e-0f1a2b3c4d5e',
	description:
		'The video_id of a posted video (from Analytics → Get Account Videos, a bundle’s videos, or a video.published event)',
});

/** The Limit of TokPortal's limit-based analytics lists (no pages): 1 to 100. */
export const snapshotLimit = integer({
	name: 'limit',
	displayName: 'Limit',
	required: true,
	min: 1,
	max: 100,
	default: DEFAULT_LIMIT,
	description: 'Max number of results to return',
});
