import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { options, readItem } from '../../../shared/validation';
import { filtersOf } from '../common.fields';
import type { TokPortalOperation } from '../operation';
import { accounts, dateRange, filterQuery, rangeProblem } from './fields';
import { analyticsRequest } from './plan';

const metric = options({
	name: 'metric',
	displayName: 'Metric',
	default: 'views',
	description: 'What to chart',
	options: [
		{ name: 'Comments', value: 'comments' },
		{ name: 'Followers', value: 'followers' },
		{ name: 'Likes', value: 'likes' },
		{ name: 'Shares', value: 'shares' },
		{ name: 'Views', value: 'views' },
	],
});

const granularity = options({
	name: 'granularity',
	displayName: 'Granularity',
	default: 'day',
	description: 'One point per day, or per week (weeks start on Monday, UTC)',
	options: [
		{ name: 'Day', value: 'day' },
		{ name: 'Week', value: 'week' },
	],
});

const mode = options({
	name: 'mode',
	displayName: 'Mode',
	default: 'cumulative',
	description: 'How each point is counted',
	options: [
		{ name: 'Cumulative', value: 'cumulative', description: 'The running total at the end of the day or week' },
		{ name: 'Gained', value: 'gained', description: 'What was added during the day or week' },
		{ name: 'Snapshot', value: 'snapshot', description: 'The stored value at that time' },
	],
});

const filters = filtersOf({ accounts, ...dateRange('points') });

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const input = readItem(this, itemIndex, { metric, granularity, mode, filters }, (values) => [
		rangeProblem(values.filters),
	]);
	const { body } = await analyticsRequest(this, itemIndex, { method: 'GET', template: '/analytics/series' }, {
		path: '/analytics/series',
		qs: { metric: input.metric, granularity: input.granularity, mode: input.mode, ...filterQuery(input.filters) },
	});
	const data = (body.data ?? {}) as IDataObject;
	const points = Array.isArray(data.points) ? (data.points as IDataObject[]) : [];
	// Each point says what it measures, so several series can be merged or charted together.
	return points.map((point) => ({
		...point,
		metric: data.metric ?? input.metric,
		granularity: data.granularity ?? input.granularity,
		mode: data.mode ?? input.mode,
	}));
}

export const getSeries: TokPortalOperation = {
	option: {
		name: 'Get Series',
		value: 'getSeries',
		action: 'Get an analytics time series',
		description:
			'One item per day or week with the value of a metric (views, likes, comments, shares or followers) for all or some delivered accounts; by default the last 30 days. Creator plan and above.',
	},
	fields: [metric, granularity, mode, filters],
	execute,
};
