import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/** What to do about each publish blocker TokPortal reports (spec 001 codes, plus later ones). */
const FIXES: Record<string, string> = {
	ACCOUNT_MISSING: 'configure the account’s profile first (Account Configuration)',
	ACCOUNT_NOT_CONFIGURED: 'finish configuring the account’s profile (Account Configuration)',
	ACCOUNT_MISSING_FIELDS: 'set the missing profile fields (Account Configuration)',
	BUNDLE_ALREADY_PUBLISHED: 'it is already published: nothing to do',
	BUNDLE_NOT_IN_SETUP: 'only bundles in pending_setup can be published',
	NO_VIDEOS_CONFIGURED: 'configure at least one video first',
	MANAGED_ACCOUNT_TASK_BLOCKED: 'reactivate TokPortal Coverage for the delivered account',
};

function describeBlocker(blocker: IDataObject): string {
	const code = String(blocker.code ?? 'UNKNOWN').toUpperCase();
	const details = (blocker.details ?? {}) as IDataObject;
	const missing = Array.isArray(details.missing_fields) ? ` (${details.missing_fields.join(', ')})` : '';
	const fix = FIXES[code] ?? String(blocker.message ?? code);
	return `${code}${missing}: ${fix}`;
}

/** The blockers a failed publish carries in its error details, if any. */
function blockersOf(error: unknown): IDataObject[] | undefined {
	if (!(error instanceof NodeApiError)) return undefined;
	const details = error.context.tokportalDetails as IDataObject | undefined;
	return Array.isArray(details?.blockers) ? (details.blockers as IDataObject[]) : undefined;
}

/**
 * Rewrites a "not ready" publish error so it lists each blocker with its fix, keeping the original
 * description (TokPortal's text and the request ID) below. Other errors are returned unchanged.
 */
export function withBlockers(error: unknown): unknown {
	const blockers = blockersOf(error);
	if (!blockers?.length || !(error instanceof NodeApiError)) return error;
	const lines = blockers.map(describeBlocker);
	error.message = `The bundle cannot be published yet: ${lines.join('; ')}`;
	error.description = [
		'Nothing was published. Fix each blocker, then publish again (Get Publish Readiness shows the current blockers).',
		error.description,
	]
		.filter(Boolean)
		.join('\n');
	return error;
}
