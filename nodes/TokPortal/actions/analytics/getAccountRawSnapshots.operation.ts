import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath } from '../../../shared/transport';
import { readItem } from '../../../shared/validation';
import { accountId } from '../common.fields';
import type { TokPortalOperation } from '../operation';
import { rawQuery, rawSnapshotFields } from './rawSnapshots';
import { analyticsRequest } from './plan';
import { rangeProblem } from './fields';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const input = readItem(this, itemIndex, { accountId, ...rawSnapshotFields }, (values) => [rangeProblem(values.filters)]);
	const { body } = await analyticsRequest(this, itemIndex, { method: 'GET', template: '/analytics/accounts/{id}/raw' }, {
		path: apiPath`/analytics/accounts/${input.accountId}/raw`,
		qs: rawQuery(input),
	});
	return Array.isArray(body.data) ? (body.data as IDataObject[]) : [];
}

export const getAccountRawSnapshots: TokPortalOperation = {
	option: {
		name: 'Get Account Raw Snapshots',
		value: 'getAccountRawSnapshots',
		action: 'Get raw analytics snapshots of a delivered account',
		description:
			'One item per stored snapshot of a delivered account, newest first, with the platform’s payload as collected (followers, following, videos, hearts…). Marketer plan and above.',
	},
	fields: [accountId, ...Object.values(rawSnapshotFields)],
	execute,
};
