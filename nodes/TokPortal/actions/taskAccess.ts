import type { IDataObject } from 'n8n-workflow';

/**
 * MANAGED_ACCOUNT_TASK_BLOCKED: TokPortal refuses work on a delivered account and says why in
 * `details.reason`. The general wording assumes lapsed Coverage; the reason tells what to do.
 */
export function taskBlocked(details: IDataObject): string | undefined {
	const reason = typeof details.reason === 'string' ? details.reason : '';
	if (reason === 'account_banned') {
		return 'This delivered account is banned, so TokPortal can no longer work on it. Nothing was charged. See Delivered Account → Get Ban Reports for the ban and its resolution.';
	}
	if (reason === 'management_ended') {
		return 'This delivered account was detached from TokPortal management (its credentials were revealed), so TokPortal can no longer work on it. Nothing was charged.';
	}
	if (reason === 'coverage_ended') {
		return 'TokPortal Coverage of this delivered account has ended for good, so TokPortal can no longer work on it. Nothing was charged.';
	}
	if (reason.startsWith('coverage_')) {
		return `TokPortal Coverage of this delivered account is ${reason.slice('coverage_'.length)}, so this task is blocked. Nothing was charged. Reactivate it (Delivered Account → Reactivate Coverage), then run again.`;
	}
	return undefined;
}

/** What every operation that works on a delivered account says about its blocking codes. */
export const TASK_ACCESS_ERRORS = { MANAGED_ACCOUNT_TASK_BLOCKED: taskBlocked } as const;
