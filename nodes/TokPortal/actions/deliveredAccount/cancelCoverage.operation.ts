import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import { boolean, notice, readItem } from '../../../shared/validation';
import { accountId } from '../common.fields';
import type { TokPortalOperation } from '../operation';
import { COVERAGE_ERRORS } from './coverage';

/** What ends, in the words the notice, the refusal and the description share. */
const WHAT_ENDS =
	'task access (no more videos, edits, rewarms, comments or ad codes on this account), ban protection, credit restoration after a ban, account replacement and TokPortal support';

const cancelNotice = notice(
	'cancelCoverageNotice',
	`Cancelling TokPortal Coverage takes effect immediately and ends ${WHAT_ENDS}. Nothing is refunded, not even the rest of the current period. Running work on the account is paused. You can reactivate later by paying the unpaid periods (Reactivate Coverage).`,
);

const acknowledgeCoverageEnds = boolean({
	name: 'acknowledgeCoverageEnds',
	displayName: 'I Understand Coverage Ends',
	default: false,
	description: `Whether you accept that cancelling ends ${WHAT_ENDS} at once, with no refund. While off, the node sends nothing and stops with an error.`,
});

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { accountId, acknowledgeCoverageEnds }, (values) => [
		values.acknowledgeCoverageEnds === true
			? undefined
			: `Turn on "I Understand Coverage Ends" to continue: cancelling ends ${WHAT_ENDS} at once, and nothing is refunded`,
	]);
	const { body } = await apiRequest.call(this, {
		method: 'POST',
		path: apiPath`/accounts/${input.accountId}/managed-subscription/cancel`,
		itemIndex,
	});
	return { ...((body.data ?? {}) as IDataObject), ...(body.effects ? { effects: body.effects } : {}) };
}

export const cancelCoverage: TokPortalOperation = {
	option: {
		name: 'Cancel Coverage',
		value: 'cancelCoverage',
		action: 'Cancel the coverage of a delivered account',
		description: `Stop TokPortal Coverage of a delivered account at once. DESTRUCTIVE: it ends ${WHAT_ENDS}, and nothing is refunded. Requires "I Understand Coverage Ends" to be set explicitly.`,
	},
	fields: [accountId, cancelNotice, acknowledgeCoverageEnds],
	errors: {
		...COVERAGE_ERRORS,
		MANAGED_SUBSCRIPTION_INVALID_STATUS: 'TokPortal Coverage of this account is already cancelled: nothing changed.',
	},
	execute,
};
