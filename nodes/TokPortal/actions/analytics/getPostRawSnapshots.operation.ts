import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath } from '../../../shared/transport';
import { readItem } from '../../../shared/validation';
import type { TokPortalOperation } from '../operation';
import { rangeProblem, videoId } from './fields';
import { analyticsRequest } from './plan';
import { rawQuery, rawSnapshotFields } from './rawSnapshots';
import { VIDEO_ERRORS } from './videoErrors';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const input = readItem(this, itemIndex, { videoId, ...rawSnapshotFields }, (values) => [rangeProblem(values.filters)]);
	const { body } = await analyticsRequest(this, itemIndex, { method: 'GET', template: '/analytics/posts/{id}/raw' }, {
		path: apiPath`/analytics/posts/${input.videoId}/raw`,
		qs: rawQuery(input),
	});
	return Array.isArray(body.data) ? (body.data as IDataObject[]) : [];
}

export const getPostRawSnapshots: TokPortalOperation = {
	option: {
		name: 'Get Post Raw Snapshots',
		value: 'getPostRawSnapshots',
		action: 'Get raw analytics snapshots of a video',
		description:
			'One item per stored snapshot of a posted video, newest first, with the platform’s payload as collected (plays, likes, comments, shares, saves…). Marketer plan and above.',
	},
	fields: [videoId, ...Object.values(rawSnapshotFields)],
	errors: VIDEO_ERRORS,
	execute,
};
