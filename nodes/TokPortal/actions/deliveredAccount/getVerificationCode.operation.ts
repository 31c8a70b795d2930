import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { apiPath, asNodeError, errorCodeOf } from '../../transport';
import { explainError } from '../explainError';
import { locatorId } from '../locator';
import { accountIdLocator } from '../common.descriptions';
import type { TokPortalOperation } from '../operation';
import { assertSupportEndsAcknowledged, postForfeitingSupport, supportForfeitFields } from './supportForfeit';

const description: INodeProperties[] = [
	accountIdLocator,
	...supportForfeitFields,
	{
		displayName: 'Wait for Code',
		name: 'waitForCode',
		type: 'boolean',
		default: true,
		description:
			'Whether to keep checking the TokMail inbox until the code arrives (emails can take a few seconds). When off, the node fails at once if no code is there yet.',
	},
	{
		displayName: 'Max Wait (Seconds)',
		name: 'maxWaitSeconds',
		type: 'number',
		default: 60,
		typeOptions: { minValue: 1, maxValue: 600 },
		displayOptions: { show: { waitForCode: [true] } },
		description: 'How long to wait for the code before failing',
	},
	{
		displayName: 'Check Every (Seconds)',
		name: 'pollIntervalSeconds',
		type: 'number',
		default: 5,
		typeOptions: { minValue: 0.1, maxValue: 60, numberPrecision: 1 },
		displayOptions: { show: { waitForCode: [true] } },
		description: 'Pause between two checks of the inbox. TokPortal suggests 5–10 seconds.',
	},
];

/** An expression can bypass the field's minimum; a wait of NaN or 0 would poll forever or flood. */
function positiveSeconds(
	this: IExecuteFunctions,
	name: string,
	label: string,
	fallback: number,
	itemIndex: number,
): number {
	const value = Number(this.getNodeParameter(name, itemIndex, fallback));
	if (Number.isFinite(value) && value >= 0.1) return value;
	throw new NodeOperationError(this.getNode(), `${label} must be a number of at least 0.1`, {
		itemIndex,
		description: 'Nothing was sent to TokPortal. Check the field or the expression that sets it.',
	});
}

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	assertSupportEndsAcknowledged.call(this, itemIndex);
	const accountId = locatorId.call(this, 'accountId', itemIndex);
	const path = apiPath`/accounts/${accountId}/verification-code`;
	const waitForCode = this.getNodeParameter('waitForCode', itemIndex, true) as boolean;
	const maxWaitSeconds = positiveSeconds.call(this, 'maxWaitSeconds', 'Max Wait (Seconds)', 60, itemIndex);
	const intervalMs = positiveSeconds.call(this, 'pollIntervalSeconds', 'Check Every (Seconds)', 5, itemIndex) * 1000;
	const deadline = Date.now() + maxWaitSeconds * 1000;

	for (;;) {
		try {
			return await postForfeitingSupport.call(this, path, itemIndex);
		} catch (error) {
			if (errorCodeOf(error) !== 'VERIFICATION_CODE_NOT_FOUND') throw asNodeError(this.getNode(), error, itemIndex);
			if (!waitForCode) {
				throw explainError(error, {
					VERIFICATION_CODE_NOT_FOUND:
						'No verification code in this account’s TokMail inbox yet. Request the code on TikTok/Instagram first, then run again, or turn on Wait for Code.',
				});
			}
			const remainingMs = deadline - Date.now();
			if (remainingMs <= 0 || this.getExecutionCancelSignal()?.aborted) {
				throw explainError(error, {
					VERIFICATION_CODE_NOT_FOUND: `No verification code arrived within ${maxWaitSeconds} second${maxWaitSeconds === 1 ? '' : 's'}. Request the code on TikTok/Instagram (e.g. log in and ask for an email code) before or while this node runs, or raise Max Wait (Seconds).`,
				});
			}
			await sleep(Math.min(intervalMs, remainingMs));
		}
	}
}

export const getVerificationCode: TokPortalOperation = {
	option: {
		name: 'Get Verification Code',
		value: 'getVerificationCode',
		action: 'Get the latest login verification code of a delivered account (ends support)',
		description:
			'Return the latest 6-digit code TikTok/Instagram sent to the account’s TokMail inbox, waiting for it if asked. Request the code on the platform first. IRREVERSIBLE: the first use ends TokPortal support for this account for good, and newer accounts cost credits. Requires "I Understand Support Ends" to be set explicitly.',
	},
	description,
	execute,
};
