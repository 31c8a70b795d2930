import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import { notice, readItem } from '../../../shared/validation';
import { accountId } from '../common.fields';
import type { TokPortalOperation } from '../operation';
import { chargeInfo, paidCallOptions, paidRequest } from '../paidCall';
import { TASK_ACCESS_ERRORS } from '../taskAccess';
import { CREDITS_PER_TERM, MAX_TERMS, MIN_TERMS, searchTerms, termsProblems, WARMING_ERRORS } from '../warming/fields';

const terms = searchTerms({
	name: 'searchTerms',
	displayName: 'Search Terms',
	description: `What the account should search and engage with: ${MIN_TERMS} to ${MAX_TERMS} different terms in multiples of 3 (2–50 characters each), separated by commas or as a list from an expression. ${CREDITS_PER_TERM} credits per term. Warming → Generate Terms suggests some.`,
});

const rewarmOptions = paidCallOptions('nothing is started or charged; the output shows credits_would_charge');

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { accountId, searchTerms: terms, options: rewarmOptions }, (values) =>
		termsProblems('Search Terms', values.searchTerms),
	);
	const response = await apiRequest.call(this, {
		method: 'POST',
		path: apiPath`/accounts/${input.accountId}/rewarm`,
		body: { search_terms: input.searchTerms },
		itemIndex,
		...paidRequest('deliveredAccount.rewarm', input.options),
	});
	return { ...((response.body.data ?? {}) as IDataObject), ...chargeInfo(response) };
}

export const rewarm: TokPortalOperation = {
	option: {
		name: 'Rewarm',
		value: 'rewarm',
		action: 'Rewarm a delivered account',
		description: `Start a new Advanced Niche Warming session on a delivered account with your search terms (${CREDITS_PER_TERM} credits per term, charged at once). One session at a time; follow it with Warming → Get Sessions.`,
	},
	fields: [
		notice(
			'rewarmNotice',
			`Rewarming costs ${CREDITS_PER_TERM} credits per search term (e.g. 9 terms = ${9 * CREDITS_PER_TERM} credits), charged as soon as it starts. Turn on Options → Dry Run to see the price first.`,
		),
		accountId,
		terms,
		rewarmOptions,
	],
	errors: {
		...TASK_ACCESS_ERRORS,
		...WARMING_ERRORS,
		REWARM_NO_ACTIVE_ORDER:
			'No TokPortal account manager can take this rewarm: the account needs an active order (a bundle TokPortal accepted). Nothing was charged.',
		REWARM_ALREADY_ACTIVE: (details) =>
			`A warming session is already running on this account${details.session_id ? ` (${String(details.session_id)}, ${String(details.current_status ?? 'active')})` : ''}. Nothing was charged. Wait until it completes (Warming → Get Sessions), then run again.`,
	},
	execute,
};
