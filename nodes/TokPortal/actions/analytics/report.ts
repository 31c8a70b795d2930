import type { IDataObject } from 'n8n-workflow';

import { MAX_TEXT_LENGTH } from '../../../shared/constants';
import { collection, options, text } from '../../../shared/validation';
import { filtersOf } from '../common.fields';
import type { FilterValues } from './fields';
import { accounts, countries, dateRange, platforms, query, workspace } from './fields';

/** The fields of Create Report and Export Report HTML: one report, shared as a link or as a file. */

export const title = text({
	name: 'title',
	displayName: 'Title',
	maxLength: MAX_TEXT_LENGTH,
	placeholder: 'e.g. Acme — June 2026',
	description: `The report’s heading (max ${MAX_TEXT_LENGTH} characters). Empty: "Analytics report".`,
});

export const template = options({
	name: 'template',
	displayName: 'Template',
	default: 'agency',
	description: 'The layout of the report',
	options: [
		{ name: 'Agency', value: 'agency', description: 'For an agency’s clients (default)' },
		{ name: 'Board', value: 'board', description: 'For a board meeting' },
		{ name: 'Creator', value: 'creator', description: 'For a creator' },
		{ name: 'Executive', value: 'executive', description: 'A short executive summary' },
		{ name: 'Growth', value: 'growth', description: 'Focused on growth' },
		{ name: 'Minimal', value: 'minimal', description: 'Numbers only' },
	],
});

export const reportFilters = filtersOf({
	accounts,
	countries,
	platforms,
	query,
	workspace,
	...dateRange('videos published'),
});

export const branding = collection({
	name: 'branding',
	displayName: 'Branding',
	placeholder: 'Add Branding',
	fields: {
		brandAccent: text({
			name: 'brandAccent',
			displayName: 'Accent Colour',
			refuseBlank: true,
			pattern: /^#[0-9A-Fa-f]{6}$/,
			patternRule: 'must be a colour written #RRGGBB, e.g. #FE2C55',
			placeholder: 'e.g. #FE2C55',
			description: 'The colour of headings, as #RRGGBB',
		}),
		brandName: text({
			name: 'brandName',
			displayName: 'Brand Name',
			maxLength: 100,
			refuseBlank: true,
			placeholder: 'e.g. Acme Agency',
			description: 'Your agency or client name, shown on the report (max 100 characters)',
		}),
	},
});

export const reportFields = [title, template, reportFilters, branding];

/** The camelCase body TokPortal's report endpoints take (unlike the rest of the API). */
export function reportBody(values: {
	title?: string;
	template?: string;
	filters: FilterValues;
	branding: { brandAccent?: string; brandName?: string };
}): IDataObject {
	const body: IDataObject = {};
	if (values.title !== undefined) body.title = values.title;
	if (values.template !== undefined) body.template = values.template;
	if (values.branding.brandName !== undefined) body.brandName = values.branding.brandName;
	if (values.branding.brandAccent !== undefined) body.brandAccent = values.branding.brandAccent;
	const f = values.filters;
	if (f.accounts?.length) body.accountIds = f.accounts;
	if (f.workspace !== undefined) body.workspaceId = f.workspace;
	if (f.platforms?.length) body.platforms = f.platforms;
	if (f.countries?.length) body.countries = f.countries;
	if (f.query !== undefined) body.query = f.query;
	if (f.dateFrom !== undefined) body.from = f.dateFrom;
	if (f.dateTo !== undefined) body.to = f.dateTo;
	return body;
}
