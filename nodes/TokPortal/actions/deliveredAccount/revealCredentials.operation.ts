import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiPath } from '../../transport';
import { locatorId } from '../locator';
import { accountIdLocator } from '../common.descriptions';
import type { TokPortalOperation } from '../operation';
import { assertSupportEndsAcknowledged, postForfeitingSupport, supportForfeitFields } from './supportForfeit';

const description: INodeProperties[] = [accountIdLocator, ...supportForfeitFields];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	assertSupportEndsAcknowledged.call(this, itemIndex);
	const accountId = locatorId.call(this, 'accountId', itemIndex);
	return await postForfeitingSupport.call(this, apiPath`/accounts/${accountId}/reveal-credentials`, itemIndex);
}

export const revealCredentials: TokPortalOperation = {
	option: {
		name: 'Reveal Credentials',
		value: 'revealCredentials',
		action: 'Reveal the password of a delivered account (ends support)',
		description:
			'Return the login credentials (password, TokMail email) of a delivered account. IRREVERSIBLE: the first use ends TokPortal support for this account for good, and newer accounts cost credits. Requires "I Understand Support Ends" to be set explicitly; never use it just to look an account up (use Get instead).',
	},
	description,
	execute,
};
