import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import { integer, readItem } from '../../../shared/validation';
import { accountId } from '../common.fields';
import type { TokPortalOperation } from '../operation';
import { chargeInfo, paidCallOptions, paidRequest } from '../paidCall';
import { COVERAGE_ERRORS, COVERAGE_PERIOD_CREDITS } from './coverage';

const maxCreditsToPay = integer({
	name: 'maxCreditsToPay',
	displayName: 'Max Credits to Pay',
	min: 0,
	// A price cap whose expression gives nothing is a mistake, not "0".
	refuseBlank: true,
	default: 0,
	description: `The most this reactivation may cost. The node reads TokPortal’s price first (${COVERAGE_PERIOD_CREDITS} credits per unpaid 30-day period) and pays it only when it is at or below this number; otherwise it stops, shows the price, and nothing is charged. A price of 0 (cancelled inside a paid period) needs nothing more.`,
});

const reactivateOptions = paidCallOptions('nothing is reactivated or charged; the output shows credits_would_charge');

interface Quote {
	credits: number;
	current_period_end: string;
	lock_version: number;
}

function quoteOf(coverage: IDataObject): Quote | undefined {
	const quote = coverage.reactivation_quote as IDataObject | null | undefined;
	if (!quote || typeof quote !== 'object') return undefined;
	const { credits, current_period_end: end, lock_version: lock } = quote;
	if (typeof credits !== 'number' || typeof end !== 'string' || typeof lock !== 'number') return undefined;
	return { credits, current_period_end: end, lock_version: lock };
}

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { accountId, maxCreditsToPay, options: reactivateOptions });
	const path = apiPath`/accounts/${input.accountId}/managed-subscription`;
	const stop = (message: string) =>
		new NodeOperationError(this.getNode(), message, {
			itemIndex,
			description: 'Nothing was charged. Delivered Account → Get Coverage shows the status and price.',
		});

	const { body } = await apiRequest.call(this, { method: 'GET', path, itemIndex });
	const coverage = (body.data ?? {}) as IDataObject;
	const quote = quoteOf(coverage);
	if (!quote) {
		throw stop(
			coverage.status === 'ended'
				? 'TokPortal Coverage of this account has ended for good and cannot be reactivated'
				: `TokPortal Coverage of this account is ${String(coverage.status ?? 'not lapsed or cancelled')}: there is nothing to reactivate`,
		);
	}
	if (quote.credits > (input.maxCreditsToPay ?? 0)) {
		throw stop(
			`Reactivating Coverage costs ${quote.credits} credits (the unpaid periods, until ${quote.current_period_end}), more than Max Credits to Pay (${input.maxCreditsToPay ?? 0}). To accept, set Max Credits to Pay to at least ${quote.credits} and run again.`,
		);
	}
	// The quote as read: TokPortal charges it only if it is still the current one.
	const response = await apiRequest.call(this, {
		method: 'POST',
		path: `${path}/reactivate`,
		body: {
			expected_credits: quote.credits,
			expected_current_period_end: quote.current_period_end,
			expected_lock_version: quote.lock_version,
		},
		itemIndex,
		...paidRequest('deliveredAccount.reactivateCoverage', input.options),
	});
	const { data, resumed } = response.body;
	return { ...((data ?? {}) as IDataObject), ...(resumed ? { resumed } : {}), ...chargeInfo(response) };
}

export const reactivateCoverage: TokPortalOperation = {
	option: {
		name: 'Reactivate Coverage',
		value: 'reactivateCoverage',
		action: 'Reactivate the coverage of a delivered account',
		description: `Restart a lapsed or cancelled TokPortal Coverage by paying its unpaid periods (${COVERAGE_PERIOD_CREDITS} credits per 30 days). The node reads the price first and pays only within Max Credits to Pay; if the price changes meanwhile, nothing is charged.`,
	},
	fields: [accountId, maxCreditsToPay, reactivateOptions],
	errors: {
		...COVERAGE_ERRORS,
		MANAGED_SUBSCRIPTION_QUOTE_CHANGED: (details) => {
			const quote = details.reactivation_quote as IDataObject | undefined;
			const now = typeof quote?.credits === 'number' ? ` (now ${quote.credits} credits)` : '';
			return `The reactivation price changed between reading it and paying${now}, so nothing was charged. Run again: the node reads the new price and pays it only if Max Credits to Pay covers it.`;
		},
		MANAGED_SUBSCRIPTION_INVALID_STATUS: (details) =>
			`TokPortal Coverage of this account is ${String(details.current_status ?? 'not lapsed or cancelled')}, so there is nothing to reactivate. Nothing was charged.`,
	},
	execute,
};
