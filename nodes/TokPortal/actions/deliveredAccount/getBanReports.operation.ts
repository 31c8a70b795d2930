import type { IDataObject, IExecuteFunctions, INodePropertyOptions } from 'n8n-workflow';

import { apiRequestAllItems } from '../../../shared/transport';
import { boolean, dateTime, list, notice, options } from '../../../shared/validation';
import { deliveredAccountIdsFilter, filtersOf, listFields, readListInput } from '../common.fields';
import type { TokPortalOperation } from '../operation';
import { advance, BanWatermarks, newReports, startingPoint, watermarkKey } from './banWatermark';

const STATUSES: Array<INodePropertyOptions & { value: string }> = [
	{ name: 'Appeal Accepted', value: 'appeal_accepted', description: 'The appeal succeeded: the account is back' },
	{
		name: 'Appeal Pending',
		value: 'appeal_pending',
		description: 'An appeal is filed: the account is unavailable but not banned (yet)',
	},
	{ name: 'Appeal Refused', value: 'appeal_refused', description: 'A confirmed ban, after a refused appeal' },
	{ name: 'Banned Without Appeal', value: 'no_appeal_banned', description: 'A confirmed ban, no appeal possible' },
];

const RESOLUTIONS: Array<INodePropertyOptions & { value: string }> = [
	{ name: 'No Remake', value: 'no_remake', description: 'No replacement account (e.g. a terms-of-service ban: no refund)' },
	{ name: 'Pending', value: 'pending', description: 'A confirmed ban waiting for TokPortal’s decision' },
	{ name: 'Refund', value: 'refund', description: 'Credits were refunded' },
	{ name: 'Remake', value: 'remake', description: 'TokPortal remakes the account (a new delivered account on the same bundle)' },
];

const onlyNew = boolean({
	name: 'onlyNew',
	displayName: 'Only New Since Last Run',
	default: false,
	description:
		'Whether to return only the reports created or updated since this node last returned reports, oldest first, so a scheduled workflow reports each ban (and each later change of it) once. The position is kept in the workflow, per set of filters.',
});

const onlyNewNotice = notice(
	'onlyNewNotice',
	'The node remembers the last report it returned and starts there next time. n8n saves that position only after runs of the active (published) workflow, e.g. from a Schedule Trigger — a manual test run shows the same reports again. The position moves on when this node returns the reports, even if a later node fails: give that node Retry On Fail. With a Limit, the oldest new reports come first and the rest in the next runs. The first run returns every report (set Filters → Since to start later).',
	{ show: { onlyNew: [true] } },
);

const filters = filtersOf({
	accountIds: deliveredAccountIdsFilter('Only reports of these delivered accounts'),
	resolution: list({
		name: 'resolution',
		displayName: 'Resolution',
		options: RESOLUTIONS,
		item: options({ name: 'resolution', displayName: 'Resolution', options: RESOLUTIONS, default: '' }),
		description: 'Only confirmed bans with one of these decisions (reports without a decision are left out)',
	}),
	since: dateTime({
		name: 'since',
		displayName: 'Since',
		refuseBlank: true,
		placeholder: 'e.g. 2026-05-01 or 2026-05-01T09:30:00Z',
		description:
			'Only reports created or updated at or after this moment: a date (YYYY-MM-DD) or an ISO 8601 date-time with its time zone. With Only New Since Last Run, where the first run starts.',
	}),
	status: list({
		name: 'status',
		displayName: 'Status',
		options: STATUSES,
		item: options({ name: 'status', displayName: 'Status', options: STATUSES, default: '' }),
		description: 'Only reports in one of these statuses',
	}),
});

const includeScreenshots = boolean({
	name: 'includeScreenshots',
	displayName: 'Include Screenshots',
	default: false,
	description: 'Whether to add a signed link to the ban evidence screenshot to each report (valid for 7 days)',
});

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { paging, ...input } = readListInput(this, itemIndex, { onlyNew, filters, includeScreenshots });
	const chosen = {
		status: input.filters.status ?? [],
		resolution: input.filters.resolution ?? [],
		account_id: input.filters.accountIds ?? [],
	};
	const qs: IDataObject = Object.fromEntries(Object.entries(chosen).filter(([, values]) => values.length > 0));
	if (input.includeScreenshots) qs.include_screenshots = 'true';
	const path = '/account-bans';

	if (!input.onlyNew) {
		if (input.filters.since !== undefined) qs.since = input.filters.since;
		return await apiRequestAllItems.call(this, { path, qs, ...paging, itemIndex });
	}

	const watermarks = new BanWatermarks(this.getWorkflowStaticData('node'));
	const key = watermarkKey(chosen);
	const start = startingPoint(watermarks.get(key), input.filters.since);
	if (start.since !== undefined) qs.since = start.since;
	// Every report since the position, so the oldest new ones come first whatever the Limit.
	const reports = await apiRequestAllItems.call(this, { path, qs, concurrency: paging.concurrency, itemIndex });
	const returned = newReports(reports, start.seen, paging.limit);
	const next = advance(start, returned);
	if (next) watermarks.set(key, next);
	return returned;
}

export const getBanReports: TokPortalOperation = {
	option: {
		name: 'Get Ban Reports',
		value: 'getBanReports',
		action: 'Get ban reports of delivered accounts',
		description:
			'List the validated ban reports of your delivered accounts (appeals, confirmed bans and TokPortal’s decision: refund, remake or no remake), newest update first. With Only New Since Last Run, a scheduled workflow gets each new report or change once, without webhooks.',
	},
	fields: [onlyNew, onlyNewNotice, ...listFields(filters), includeScreenshots],
	execute,
};
