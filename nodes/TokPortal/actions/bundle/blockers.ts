import type { IDataObject } from 'n8n-workflow';

/** What to do about each publish blocker TokPortal reports (spec 001 codes, plus later ones). */
const FIXES: Record<string, string> = {
	ACCOUNT_MISSING: 'configure the account’s profile first (Account Configuration)',
	ACCOUNT_NOT_CONFIGURED: 'finish configuring the account’s profile (Account Configuration)',
	ACCOUNT_MISSING_FIELDS: 'set the missing profile fields (Account Configuration)',
	BUNDLE_ALREADY_PUBLISHED: 'it is already published: nothing to do',
	BUNDLE_NOT_IN_SETUP: 'only bundles in pending_setup can be published',
	NO_VIDEOS_CONFIGURED: 'configure at least one video first (Video → Configure or Configure Many)',
	MANAGED_ACCOUNT_TASK_BLOCKED: 'reactivate TokPortal Coverage for the delivered account',
};

function describeBlocker(blocker: IDataObject): string {
	const code = String(blocker.code ?? 'UNKNOWN').toUpperCase();
	const details = (blocker.details ?? {}) as IDataObject;
	const missing = Array.isArray(details.missing_fields) ? ` (${details.missing_fields.join(', ')})` : '';
	const fix = FIXES[code] ?? String(blocker.message ?? code);
	return `${code}${missing}: ${fix}`;
}

/**
 * A "not ready" publish error reworded to list each blocker with its fix (whatever the code), or
 * undefined when the error carries no blockers.
 */
export function blockersMessage(details: IDataObject): string | undefined {
	const blockers = Array.isArray(details.blockers) ? (details.blockers as IDataObject[]) : [];
	if (blockers.length === 0) return undefined;
	return `The bundle cannot be published yet: ${blockers.map(describeBlocker).join('; ')}. Nothing was published: fix each blocker, then publish again (Get Publish Readiness shows the current blockers).`;
}
