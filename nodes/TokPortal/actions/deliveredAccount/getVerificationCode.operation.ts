import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { apiPath, asNodeError, errorCodeOf } from '../../../shared/transport';
import { boolean, decimal, integer, readItem } from '../../../shared/validation';
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

const waitForCode = boolean({
	name: 'waitForCode',
	displayName: 'Wait for Code',
	default: true,
	description:
		'Whether to keep checking the TokMail inbox until the code arrives (emails can take a few seconds). When off, the node fails at once if no code is there yet.',
});

const maxWaitSeconds = integer({
	name: 'maxWaitSeconds',
	displayName: 'Max Wait (Seconds)',
	required: true,
	min: 1,
	max: 600,
	default: 60,
	displayOptions: { show: { waitForCode: [true] } },
	description: 'How long to wait for the code before failing',
});

const pollIntervalSeconds = decimal({
	name: 'pollIntervalSeconds',
	displayName: 'Check Every (Seconds)',
	required: true,
	min: 0.1,
	max: 60,
	precision: 1,
	default: 5,
	displayOptions: { show: { waitForCode: [true] } },
	description: 'Pause between two checks of the inbox. TokPortal suggests 5–10 seconds.',
});

const NOT_YET =
	'No verification code in this account’s TokMail inbox yet. Request the code on TikTok/Instagram first, then run again, or turn on Wait for Code.';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(
		this,
		itemIndex,
		{ acknowledgeSupportEnds, accountId, maxCreditsToAccept, waitForCode },
		(values) => [acknowledgementProblem(values.acknowledgeSupportEnds)],
	);
	const timing = input.waitForCode ? readItem(this, itemIndex, { maxWaitSeconds, pollIntervalSeconds }) : undefined;
	const path = apiPath`/accounts/${input.accountId}/verification-code`;
	const deadline = Date.now() + (timing?.maxWaitSeconds ?? 0) * 1000;

	for (;;) {
		try {
			return await postForfeitingSupport.call(this, path, itemIndex, input.maxCreditsToAccept ?? 0);
		} catch (error) {
			const failure = asNodeError(this.getNode(), error, itemIndex);
			if (errorCodeOf(failure) !== 'VERIFICATION_CODE_NOT_FOUND') throw failure;
			if (!timing) {
				failure.message = NOT_YET;
				throw failure;
			}
			const remainingMs = deadline - Date.now();
			if (remainingMs <= 0 || this.getExecutionCancelSignal()?.aborted) {
				const seconds = timing.maxWaitSeconds;
				failure.message = `No verification code arrived within ${seconds} second${seconds === 1 ? '' : 's'}. Request the code on TikTok/Instagram (e.g. log in and ask for an email code) before or while this node runs, or raise Max Wait (Seconds).`;
				throw failure;
			}
			await sleep(Math.min(timing.pollIntervalSeconds * 1000, remainingMs));
		}
	}
}

export const getVerificationCode: TokPortalOperation = {
	option: {
		name: 'Get Verification Code',
		value: 'getVerificationCode',
		action: 'Get the latest login code of a delivered account and end its support',
		description:
			'Return the latest 6-digit code TikTok/Instagram sent to the account’s TokMail inbox, waiting for it if asked. Request the code on the platform first. IRREVERSIBLE: the first use ends TokPortal support for this account for good, and newer accounts cost credits. Requires "I Understand Support Ends" to be set explicitly.',
	},
	fields: [accountId, ...supportForfeitFields, waitForCode, maxWaitSeconds, pollIntervalSeconds],
	errors: supportForfeitErrors('a verification code may have been read'),
	execute,
};
