import type { IDataObject } from 'n8n-workflow';

import { options } from '../../../shared/validation';
import { filtersOf } from '../common.fields';
import { dateRange, snapshotLimit } from './fields';

/** The fields of both raw snapshot lists: where the payloads come from, how many, which days. */
export const rawSnapshotFields = {
	source: options({
		name: 'source',
		displayName: 'Source',
		default: 'connected',
		description: 'Which stored payloads to read',
		options: [
			{ name: 'Cache', value: 'cache', description: 'TokPortal’s cached copies' },
			{ name: 'Connected', value: 'connected', description: 'Collected through the account’s platform connection' },
			{ name: 'Public', value: 'public', description: 'Collected from the public profile or post page' },
		],
	}),
	filters: filtersOf(dateRange('snapshots captured')),
	limit: snapshotLimit,
};

export function rawQuery(values: {
	source?: string;
	limit: number;
	filters: { dateFrom?: string; dateTo?: string };
}): IDataObject {
	const qs: IDataObject = { limit: values.limit };
	if (values.source !== undefined) qs.source = values.source;
	if (values.filters.dateFrom !== undefined) qs.from = values.filters.dateFrom;
	if (values.filters.dateTo !== undefined) qs.to = values.filters.dateTo;
	return qs;
}
