import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath } from '../../../shared/transport';
import { readItem } from '../../../shared/validation';
import { accountId } from '../common.fields';
import type { TokPortalOperation } from '../operation';
import {
	acknowledgementProblem,
	acknowledgeSupportEnds,
	maxCreditsToAccept,
	postForfeitingSupport,
	supportForfeitErrors,
	supportForfeitFields,
} from './supportForfeit';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { acknowledgeSupportEnds, accountId, maxCreditsToAccept }, (values) => [
		acknowledgementProblem(values.acknowledgeSupportEnds),
	]);
	return await postForfeitingSupport.call(
		this,
		apiPath`/accounts/${input.accountId}/reveal-credentials`,
		itemIndex,
		input.maxCreditsToAccept ?? 0,
	);
}

export const revealCredentials: TokPortalOperation = {
	option: {
		name: 'Reveal Credentials',
		value: 'revealCredentials',
		action: 'Reveal the password of a delivered account and end its support',
		description:
			'Return the login credentials (password, TokMail email) of a delivered account. IRREVERSIBLE: the first use ends TokPortal support for this account for good, and newer accounts cost credits. Requires "I Understand Support Ends" to be set explicitly; never use it just to look an account up (use Get instead).',
	},
	fields: [accountId, ...supportForfeitFields],
	errors: supportForfeitErrors('the credentials may have been revealed'),
	execute,
};
