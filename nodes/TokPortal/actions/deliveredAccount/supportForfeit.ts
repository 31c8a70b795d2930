import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { apiRequest, asNodeError } from '../../../shared/transport';
import { boolean, integer, notice } from '../../../shared/validation';

/**
 * Reveal Credentials and Get Verification Code end TokPortal support for the account the first
 * time either is used, for good, and newer accounts also charge credits for it. These fields make
 * the user (or the AI agent) opt in explicitly; nothing is sent until they do.
 */
export const supportForfeitNotice = notice(
	'supportForfeitNotice',
	'Irreversible: the first time the password or a verification code of an account is asked for (here, through the API or in the TokPortal dashboard — even when no code is found), TokPortal support for that account ends for good — no refunds, no modifications, no help if something goes wrong. You can still order videos for it. Newer accounts also cost credits (usually 150) and are then permanently detached from TokPortal management. Logging in from another country, through a VPN or from a different IP address puts the account at risk.',
);

export const acknowledgeSupportEnds = boolean({
	name: 'acknowledgeSupportEnds',
	displayName: 'I Understand Support Ends',
	default: false,
	description:
		'Whether you accept that TokPortal stops supporting this account for good once its password or a verification code is retrieved. While off, the node sends nothing and stops with an error.',
});

export const maxCreditsToAccept = integer({
	name: 'maxCreditsToAccept',
	displayName: 'Max Credits to Accept',
	min: 0,
	// A price cap whose expression gives nothing is a mistake, not "0".
	refuseBlank: true,
	default: 0,
	displayOptions: { show: { acknowledgeSupportEnds: [true] } },
	description:
		'Newer accounts charge credits (usually 150) to end support, which also permanently detaches the account from TokPortal management. The node accepts a price only up to this number; above it (and at 0, the default) it stops and shows the price, and nothing is charged. Charged once per account.',
});

export const supportForfeitFields = [supportForfeitNotice, acknowledgeSupportEnds, maxCreditsToAccept];

/** The acknowledgement must be an explicit true: anything else stops before a request is made. */
export function acknowledgementProblem(acknowledged: boolean | undefined): string | undefined {
	return acknowledged === true
		? undefined
		: 'Turn on "I Understand Support Ends" to continue: it confirms you accept that TokPortal support for this account ends for good (newer accounts also cost credits)';
}

/** What the two support-ending operations say about TokPortal errors. */
export function supportForfeitErrors(what: string): Record<string, string> {
	return {
		CREDENTIAL_REVEAL_QUOTE_CHANGED:
			'TokPortal changed the price or terms for ending support while this ran, so nothing was charged or revealed. Check the new price in the details below; if you accept it, make sure Max Credits to Accept covers it and run again.',
		TOKPORTAL_OUTCOME_UNKNOWN: `The connection to TokPortal was lost after the request was sent, so TokPortal may have completed it: ${what}, support for this account may already have ended and its price may have been charged. Check the account in the TokPortal dashboard before running this again.`,
	};
}

function describeTerms(terms: unknown): string {
	if (terms === undefined || terms === null || terms === '') return '';
	if (typeof terms === 'string') return ` Terms: ${terms}`;
	if (Array.isArray(terms)) return ` Terms: ${terms.map(String).join(' ')}`;
	return ` Terms: ${JSON.stringify(terms)}`;
}

/** TokPortal's 428 quote: which policy version to accept and what it costs. */
interface Quote {
	policyVersion?: string;
	price?: number;
	terms: string;
}

/** The price's field is not documented for the 428; the 409 that re-quotes calls it `expected_credit_cost`. */
function quoteOf(details: IDataObject | undefined): Quote {
	const policyVersion = details?.policy_version;
	const rawPrice = details?.credit_cost ?? details?.expected_credit_cost;
	const price = typeof rawPrice === 'number' || typeof rawPrice === 'string' ? Number(rawPrice) : NaN;
	return {
		policyVersion: typeof policyVersion === 'string' && policyVersion !== '' ? policyVersion : undefined,
		price: rawPrice !== '' && Number.isFinite(price) && price >= 0 ? price : undefined,
		terms: describeTerms(details?.terms),
	};
}

function needsAcknowledgement(error: unknown): error is NodeApiError {
	return error instanceof NodeApiError && error.context.httpStatus === 428;
}

/**
 * The body that accepts TokPortal's quote, or the 428 error re-worded to say what it would cost
 * and how to accept it. Accepts only a complete quote within the user's allowance.
 */
function acceptQuote(error: NodeApiError, allowance: number): IDataObject {
	const { policyVersion, price, terms } = quoteOf(error.context.tokportalDetails as IDataObject | undefined);
	if (policyVersion !== undefined && price !== undefined && price <= allowance) {
		return { acknowledge_support_forfeit: true, policy_version: policyVersion };
	}
	if (policyVersion === undefined || price === undefined) {
		error.message = `TokPortal asks for an acknowledgement but did not state ${policyVersion === undefined ? 'the policy version' : 'the price'}, so the node accepted nothing; nothing was charged or revealed. Run again later, or contact TokPortal support with the request ID below.${terms}`;
	} else {
		error.message = `Ending support for this account costs ${price} credits (policy ${policyVersion}), more than Max Credits to Accept (${allowance}). Nothing was charged or revealed. To accept, set Max Credits to Accept to at least ${price} and run again.${terms}`;
	}
	throw error;
}

async function post(
	context: IExecuteFunctions,
	path: string,
	itemIndex: number,
	acceptance?: IDataObject,
): Promise<IDataObject> {
	const { body } = await apiRequest.call(context, { method: 'POST', path, body: acceptance, itemIndex });
	return body.data as IDataObject;
}

/**
 * POSTs to a support-forfeiting endpoint. A 428 quote is accepted (one more call) only when the
 * user's allowance covers it; a changed quote is never retried. Returns the API's `data`.
 */
export async function postForfeitingSupport(
	this: IExecuteFunctions,
	path: string,
	itemIndex: number,
	maxCredits: number,
): Promise<IDataObject> {
	try {
		return await post(this, path, itemIndex);
	} catch (error) {
		if (!needsAcknowledgement(error)) throw asNodeError(this.getNode(), error, itemIndex);
		return await post(this, path, itemIndex, acceptQuote(error, maxCredits));
	}
}
