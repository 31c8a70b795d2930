import { NodeApiError } from 'n8n-workflow';

import { errorCodeOf } from '../transport';

/**
 * The transport's message for a TokPortal code is written for every endpoint that can return it
 * (e.g. `invalid_status`); an operation knows the precise cause and fix. This swaps in the
 * operation's message and keeps everything else (description with the request id, context).
 */
export function explainError(error: unknown, messages: Partial<Record<string, string>>): unknown {
	const code = errorCodeOf(error);
	const message = code ? messages[code] : undefined;
	if (message && error instanceof NodeApiError) error.message = message;
	return error;
}

/** A Videos Only bundle has no account slot: TokPortal answers ACCOUNT_NOT_FOUND for its account endpoints. */
export const NO_ACCOUNT_STEP =
	'This bundle has no account to work on. Videos Only bundles post to an existing delivered account and have no account step: choose the bundle that orders the account.';
