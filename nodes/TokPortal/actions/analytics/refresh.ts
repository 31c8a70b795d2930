import type { IDataObject } from 'n8n-workflow';

/** Why an account's analytics cannot be refreshed now, in words, with when it will be possible again. */
export function notRefreshed(accountId: string, status: IDataObject): IDataObject {
	const reason = typeof status.reason === 'string' ? status.reason : 'unknown';
	const next = typeof status.next_refresh_possible_at === 'string' ? status.next_refresh_possible_at : null;
	const last = typeof status.last_refreshed_at === 'string' ? status.last_refreshed_at : null;
	let message: string;
	if (reason === 'cooldown') {
		const when = next
			? `Next refresh possible at ${next}.`
			: 'Analytics → Can Refresh Account tells when the next refresh is possible.';
		message = `Not refreshed: TokPortal refreshed this account’s analytics${last ? ` at ${last}` : ' recently'}. ${when}`;
	} else if (reason === 'account_banned') {
		message = 'Not refreshed: the account is banned, so TokPortal can no longer collect its analytics.';
	} else if (reason === 'management_ended') {
		message =
			'Not refreshed: TokPortal no longer manages this account (its credentials were revealed), so it can no longer collect its analytics.';
	} else {
		message = `Not refreshed: TokPortal cannot refresh this account’s analytics now (${reason})${next ? `. Next refresh possible at ${next}` : ''}.`;
	}
	return {
		refreshed: false,
		account_id: status.account_id ?? accountId,
		reason,
		last_refreshed_at: last,
		next_refresh_possible_at: next,
		message,
	};
}
