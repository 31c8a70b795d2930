import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { redactText, redactValue } from '../secrets';
import type { NetworkFailure } from './network';

/** What the node tells an operator for each TokPortal error code: what happened, then what to do. */
const MESSAGES: Record<string, string> = {
	AUTH_MISSING_KEY: 'TokPortal received no API key. Open the TokPortal API credential and enter your key.',
	AUTH_INVALID_KEY:
		'TokPortal rejected the API key. Open the TokPortal API credential and paste a valid key from the Developer Portal (API keys).',
	AUTH_REVOKED_KEY:
		'This TokPortal API key was revoked. Create a new key in the Developer Portal and update the TokPortal API credential.',
	RATE_LIMIT_EXCEEDED:
		'TokPortal is still rate-limiting this API key after several retries (120 requests per minute). Run the workflow less often or process fewer items per run.',
	CAPACITY_COOLDOWN:
		"TokPortal's capacity for creating or publishing bundles is used up for now. Nothing was created or charged; try again later.",
	INSUFFICIENT_CREDITS:
		'Not enough TokPortal credits for this order. Nothing was charged; top up credits, then run the workflow again.',
	VALIDATION_ERROR: 'TokPortal rejected a field of this request. Correct the field named below and run again.',
	UNKNOWN_FIELD: 'TokPortal does not accept one of the fields sent. Remove the field named below and run again.',
	IDEMPOTENCY_KEY_REUSED:
		'This Idempotency Key was already used for a different request. Use a value that is unique per bundle (for example a row ID), or leave the field empty.',
	IDEMPOTENCY_KEY_NOT_ALLOWED_FOR_SENSITIVE_RESPONSE:
		'TokPortal refused an Idempotency Key on a call that returns a secret. This is a bug in the TokPortal node; please report it.',
	BUNDLE_NOT_FOUND:
		'Bundle not found. Check the Bundle ID: it must be a bundle of the organization this API key belongs to.',
	BUNDLE_NOT_OWNED:
		'This bundle belongs to another TokPortal user. Use one of your own bundles, or switch to that user’s credential.',
	BUNDLE_INVALID_STATUS:
		'The bundle’s current status does not allow this action. Use Get Bundle to check its status and next_action.',
	BUNDLE_ALREADY_PUBLISHED: 'This bundle is already published. Nothing was changed.',
	DUPLICATE_EXTERNAL_REF:
		'Another bundle already uses this External Reference. Use a unique value, or clear it on the other bundle first.',
	DUPLICATE_ACCOUNT_BUNDLE:
		'A bundle with this External Reference already exists, so nothing new was created or charged. Use Get Many Bundles filtered by External Reference to reuse it.',
	BUNDLE_PRICING_CHANGED:
		'TokPortal prices changed while ordering. Nothing was charged; run again to order at the current price.',
	COUNTRY_NOT_ENABLED: 'This country is not open for new accounts. Pick a country from the Country list.',
	ACCOUNT_ID_NOT_ALLOWED:
		'A Delivered Account can only be given for "Videos Only" bundles (other types create a new account and charge for it).',
	YOUTUBE_DELAYED: 'YouTube bundles cannot be ordered yet. Choose TikTok or Instagram.',
	DEEP_WARMING_DEPRECATED: 'TokPortal no longer offers deep warming. Turn off Deep Warming and run again.',
	WARMING_CONFLICT: 'Niche warming cannot be combined with another warming option. Keep only one.',
	ALREADY_ACCEPTED:
		'A TokPortal account manager already accepted this bundle, so it can no longer be unpublished.',
	INVALID_STATUS:
		'The account is not in a status that allows this: its profile can only be configured before the bundle is published (unpublish first), and it can only be finalized or sent back for corrections while it is in review.',
	ACCOUNT_NOT_CONFIGURED:
		'The bundle’s account is not configured yet. Run Account Configuration → Configure first, then publish.',
	NO_VIDEOS_CONFIGURED: 'No video of this bundle is configured yet. Configure at least one (Video → Configure Many or Configure), then publish.',
	ACCOUNT_NOT_FOUND:
		'TokPortal found no account for this bundle. Videos Only bundles have no account step; choose the bundle that orders the account.',
	ACCOUNT_INVALID_STATUS: 'The account’s current status does not allow this action. Use Get Bundle to check it.',
	SAVED_ACCOUNT_NOT_FOUND:
		'Delivered account not found. Use an ID from Delivered Account → Get Many, or the saved_account_id of a bundle.',
	SAVED_ACCOUNT_NOT_OWNED: 'This delivered account belongs to another TokPortal user.',
	MANAGED_ACCOUNT_TASK_BLOCKED:
		'TokPortal Coverage for this delivered account is not active, so this task is blocked. Reactivate Coverage in TokPortal, then run again.',
	INVALID_STATUS_TRANSITION: 'This status change is not allowed from the current status.',
	INVALID_USERNAME: 'Username must be 1–24 characters of letters, digits, "_" and ".".',
	INVALID_VISIBLE_NAME: 'Visible Name must be 1–30 characters.',
	BIOGRAPHY_TOO_LONG: 'Biography must be at most 80 characters.',
	INVALID_URL: 'Profile Picture URL and Link in Bio must be valid URLs (https://…).',
	LINK_IN_BIO_INSTAGRAM_ONLY: 'Link in Bio is only available for Instagram accounts. Leave it empty for TikTok.',
	MISSING_COMMENT: 'Requesting corrections needs a Comment that explains what to change.',
	MISSING_FIELDS:
		'Requesting corrections needs feedback on at least one field (username, visible name, biography or profile picture).',
	INVALID_FIELD:
		'Corrections can only be requested on username, visible name, biography and profile picture.',
	WEBHOOK_NOT_FOUND:
		'Webhook not found. Pick one from the Webhook list (Webhook → Get Many): it may have been deleted, or belong to another TokPortal user.',
	WEBHOOK_DELIVERY_NOT_FOUND:
		'This webhook has no delivery with this ID. Use an ID from Webhook → Get Deliveries of the same webhook.',
	WEBHOOK_ENDPOINT_DISABLED:
		'The webhook is disabled, so TokPortal sends nothing to it. Turn it on (Webhook → Update → Enabled), then retry.',
	ANALYTICS_PLAN_UPGRADE_REQUIRED:
		'Your TokPortal plan does not include this analytics feature. Run Analytics → Get Contract to see what this API key can read, and upgrade the plan in TokPortal.',
};

/**
 * The node's own key came back refused: the same call of the same item in the same execution was
 * already sent with other values (an expression changed between n8n's tries, or the execution was
 * resumed by another process). The first request stands; sending the new values would act twice.
 */
const DERIVED_KEY_REUSED =
	'TokPortal already received this call for this item in this execution, with different values (an expression changed between tries, or the execution was resumed elsewhere). Nothing new was done: the first request’s result stands. Check it in TokPortal (for an order: Bundle → Get Many) before running this item again.';

const STATUS_MESSAGES: Record<number, string> = {
	400: 'TokPortal rejected the request as invalid.',
	401: MESSAGES.AUTH_INVALID_KEY,
	402: MESSAGES.INSUFFICIENT_CREDITS,
	403: 'TokPortal refused access to this resource with this API key.',
	404: 'TokPortal could not find this resource. Check the ID.',
	409: 'The resource’s current state does not allow this action.',
	428: 'TokPortal needs an explicit acknowledgement before doing this.',
	429: MESSAGES.RATE_LIMIT_EXCEEDED,
};

export interface ApiErrorBody {
	code?: string;
	message?: string;
	details?: IDataObject;
}

/** The error envelope `{ error: { code, message, details } }`, or nothing usable. */
export function parseErrorBody(body: unknown): ApiErrorBody {
	if (body && typeof body === 'object' && 'error' in body) {
		const error = (body as { error: unknown }).error;
		if (error && typeof error === 'object') return error as ApiErrorBody;
	}
	return {};
}

/** Codes arrive in two casings (`invalid_status`, `BUNDLE_NOT_FOUND`): compare them in one. */
export function normalizeCode(code: unknown): string | undefined {
	return typeof code === 'string' && code !== '' ? code.toUpperCase() : undefined;
}

export function messageForCode(code: string | undefined, status: number): string {
	const known = code ? MESSAGES[code.toUpperCase()] : undefined;
	return known ?? STATUS_MESSAGES[status] ?? (status >= 500
		? 'TokPortal had an internal problem and still failed after retrying. Try again in a few minutes.'
		: `TokPortal answered with HTTP ${status}.`);
}

export interface ApiFailure {
	status: number;
	body: unknown;
	requestId?: string;
	retryAfterSeconds?: number;
	/** TokPortal answered from its idempotency ledger: this is the stored answer of an earlier request. */
	replayed?: boolean;
	/** The Idempotency-Key was derived by the node (not the user's Idempotency Key option). */
	derivedKey?: boolean;
	/** Secrets of this call (the API key) to scrub from anything the error carries. */
	secrets: readonly string[];
}

/** An HTML or text answer (a proxy's error page) reduced to a short, secret-free line. */
function describeNonJson(body: unknown, secrets: readonly string[]): string | undefined {
	if (typeof body !== 'string' || body.trim() === '') return undefined;
	const text = body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 300);
	return text ? `The answer was not TokPortal's JSON: ${redactText(text, secrets)}` : undefined;
}

/**
 * Turns a TokPortal error response into a NodeApiError built only from the response body — never
 * from the request, whose headers hold the API key. Gateways echo refused requests into their
 * bodies, so everything taken from the body is scrubbed of secrets first. The code, details and
 * request id stay machine-readable in `context` so operations can react to them.
 */
export function toNodeApiError(node: INode, failure: ApiFailure, itemIndex?: number): NodeApiError {
	const apiError = redactValue(parseErrorBody(failure.body), failure.secrets);
	const code = normalizeCode(apiError.code);
	const lines = [
		`HTTP ${failure.status}${apiError.code ? ` · ${apiError.code}` : ''}`,
		apiError.message ? `TokPortal says: ${apiError.message}` : describeNonJson(failure.body, failure.secrets),
		apiError.details && Object.keys(apiError.details).length > 0
			? `Details: ${JSON.stringify(apiError.details)}`
			: undefined,
		failure.retryAfterSeconds !== undefined ? `TokPortal asked to wait ${failure.retryAfterSeconds} s before retrying.` : undefined,
		failure.replayed
			? 'This is TokPortal’s stored answer to an earlier request with the same Idempotency Key: after fixing the cause, use a new key to try again.'
			: undefined,
		`Request ID: ${failure.requestId ?? 'not provided'} (quote it to TokPortal support)`,
	].filter((line): line is string => line !== undefined);

	const error = new NodeApiError(node, { error: apiError as JsonObject } as JsonObject, {
		message:
			code === 'IDEMPOTENCY_KEY_REUSED' && failure.derivedKey
				? DERIVED_KEY_REUSED
				: messageForCode(code, failure.status),
		description: lines.join('\n'),
		httpCode: String(failure.status),
		itemIndex,
	});
	Object.assign(error.context, {
		tokportalCode: code,
		tokportalDetails: apiError.details,
		requestId: failure.requestId,
		httpStatus: failure.status,
		replayed: failure.replayed === true,
	});
	return error;
}

/** One entry of a request TokPortal accepted while refusing some of its entries (a batch's `errors[]`). */
export interface EntryRefusal {
	/** What the entry was, e.g. "Video 3 of bundle 3f0c…". */
	entry: string;
	code?: string;
	message?: string;
	details?: IDataObject;
	requestId?: string;
	secrets: readonly string[];
	/** A last line, e.g. what happened to the other entries. */
	note?: string;
}

/**
 * A refused entry of a partly successful request, worded like a refused request (same message per
 * code, same machine-readable context) so operations and Continue On Fail treat it the same way.
 */
export function toEntryError(node: INode, refusal: EntryRefusal, itemIndex?: number): NodeApiError {
	const apiError = redactValue({ code: refusal.code, message: refusal.message, details: refusal.details }, refusal.secrets);
	const code = normalizeCode(apiError.code);
	const lines = [
		`${refusal.entry} was refused${apiError.code ? ` · ${apiError.code}` : ''}`,
		apiError.message ? `TokPortal says: ${apiError.message}` : undefined,
		apiError.details && Object.keys(apiError.details).length > 0 ? `Details: ${JSON.stringify(apiError.details)}` : undefined,
		refusal.note,
		`Request ID: ${refusal.requestId ?? 'not provided'} (quote it to TokPortal support)`,
	].filter((line): line is string => line !== undefined);
	const error = new NodeApiError(node, { error: apiError as JsonObject } as JsonObject, {
		message: messageForCode(code, 400),
		description: lines.join('\n'),
		itemIndex,
	});
	Object.assign(error.context, { tokportalCode: code, tokportalDetails: apiError.details, requestId: refusal.requestId });
	return error;
}

/** TokPortal asked to wait longer than the node waits for one answer: fail now, saying until when. */
export function toRetryLaterError(node: INode, failure: ApiFailure, waitLimitSeconds: number, itemIndex?: number): NodeApiError {
	const error = toNodeApiError(node, failure, itemIndex);
	const seconds = failure.retryAfterSeconds ?? 0;
	const until = new Date(Date.now() + seconds * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
	error.message = `TokPortal asked to wait ${seconds} s before the next request (until ${until}), longer than the node waits (${waitLimitSeconds} s). Nothing more was sent for this item: run it again after ${until}.`;
	return error;
}

/** A request that never got an answer (refused, reset, timed out). Names the base URL, never the key. */
export function toNetworkError(
	node: INode,
	baseUrl: string,
	failure: NetworkFailure,
	{ retriedSafely, itemIndex }: { retriedSafely: boolean; itemIndex?: number },
): NodeApiError {
	const reason = failure.code ?? 'network error';
	const outcome = !failure.maybeDelivered
		? 'The request never reached TokPortal: nothing was done there.'
		: retriedSafely
			? 'TokPortal may have received the request. Running the node again in this execution is safe: it repeats the same request under the same Idempotency-Key, so nothing happens twice.'
			: 'TokPortal may have received and completed the request before the connection was lost. Check its outcome in TokPortal before running this again.';
	// The network code stays out of the message: n8n replaces any message naming ECONNREFUSED & co.
	const error = new NodeApiError(node, { code: 'TOKPORTAL_UNREACHABLE' } as JsonObject, {
		message: `Could not reach TokPortal at ${baseUrl}. Check the Base URL in the TokPortal API credential and your network.`,
		description: `${outcome} (${reason})`,
		itemIndex,
	});
	Object.assign(error.context, {
		tokportalCode: failure.maybeDelivered && !retriedSafely ? 'TOKPORTAL_OUTCOME_UNKNOWN' : 'TOKPORTAL_UNREACHABLE',
		networkCode: failure.code,
	});
	return error;
}

/**
 * A later try of a secret-returning call whose first sending got no final answer: it is not sent
 * again, because TokPortal cannot recognise a repeat of it and may already have completed it.
 */
export function toAlreadySentError(node: INode, itemIndex?: number): NodeOperationError {
	const error = new NodeOperationError(
		node,
		'An earlier try of this execution already sent this request to TokPortal and got no answer, so it was not sent again',
		{
			itemIndex,
			description:
				'TokPortal may have completed it. Check its outcome in TokPortal before running the workflow again (a new execution sends it anew).',
		},
	);
	Object.assign(error.context, { tokportalCode: 'TOKPORTAL_OUTCOME_UNKNOWN' });
	return error;
}

/** The TokPortal error code a transport error carries, upper-cased; undefined for other errors. */
export function errorCodeOf(error: unknown): string | undefined {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		const code = error.context.tokportalCode;
		return typeof code === 'string' ? code : undefined;
	}
	return undefined;
}

/**
 * Keeps n8n errors as they are (adding the item index) and wraps anything else for n8n. A foreign
 * error (from an HTTP helper) is never kept as the cause: its request config holds the API key.
 */
export function asNodeError(
	node: INode,
	error: unknown,
	itemIndex?: number,
	secrets: readonly string[] = [],
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (itemIndex !== undefined) error.context.itemIndex ??= itemIndex;
		return error;
	}
	const message = redactText(error instanceof Error ? error.message : String(error), secrets);
	return new NodeOperationError(node, message, { itemIndex });
}
