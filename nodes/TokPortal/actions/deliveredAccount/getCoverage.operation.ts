import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import { readItem } from '../../../shared/validation';
import { accountId } from '../common.fields';
import type { TokPortalOperation } from '../operation';
import { COVERAGE_ERRORS, COVERAGE_PERIOD_CREDITS } from './coverage';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { accountId });
	const { body } = await apiRequest.call(this, {
		method: 'GET',
		path: apiPath`/accounts/${input.accountId}/managed-subscription`,
		itemIndex,
	});
	return body.data as IDataObject;
}

export const getCoverage: TokPortalOperation = {
	option: {
		name: 'Get Coverage',
		value: 'getCoverage',
		action: 'Get the coverage of a delivered account',
		description: `Read the TokPortal Coverage of a delivered account: its status (included, active, lapsed, cancelled, ended), current 30-day period (${COVERAGE_PERIOD_CREDITS} credits each, the first included), unpaid periods, task access, protections and, when lapsed or cancelled, the reactivation price (reactivation_quote). Free.`,
	},
	fields: [accountId],
	errors: COVERAGE_ERRORS,
	execute,
};
