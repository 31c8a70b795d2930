import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath } from '../../../shared/transport';
import { readItem } from '../../../shared/validation';
import { accountId } from '../common.fields';
import type { TokPortalOperation } from '../operation';
import { analyticsRequest } from './plan';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { accountId });
	const { body } = await analyticsRequest(
		this,
		itemIndex,
		{ method: 'GET', template: '/accounts/{id}/analytics/can-refresh' },
		{ path: apiPath`/accounts/${input.accountId}/analytics/can-refresh` },
	);
	return (body.data ?? {}) as IDataObject;
}

export const canRefreshAccount: TokPortalOperation = {
	option: {
		name: 'Can Refresh Account',
		value: 'canRefreshAccount',
		action: 'Check whether account analytics can be refreshed',
		description:
			'Whether the analytics of a delivered account can be refreshed now (can_refresh), and if not why (reason: cooldown, account_banned, management_ended) and when it will be possible (next_refresh_possible_at)',
	},
	fields: [accountId],
	execute,
};
