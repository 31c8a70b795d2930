import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { apiPath, asNodeError } from '../../../shared/transport';
import { boolean, collection, integer, readItem } from '../../../shared/validation';
import { accountId } from '../common.fields';
import type { TokPortalOperation } from '../operation';
import { analyticsRequest } from './plan';
import { notRefreshed } from './refresh';

const refreshOptions = collection({
	name: 'options',
	displayName: 'Options',
	placeholder: 'Add Option',
	fields: {
		bootstrapPosts: boolean({
			name: 'bootstrapPosts',
			displayName: 'Discover New Posts',
			default: true,
			description: 'Whether to look for posts of the account that TokPortal does not track yet',
		}),
		force: boolean({
			name: 'force',
			displayName: 'Force',
			default: true,
			description:
				'Whether to collect the account again even when its stored data is recent (the refresh cooldown still applies)',
		}),
		forcePosts: boolean({
			name: 'forcePosts',
			displayName: 'Force Posts',
			default: true,
			description: 'Whether to collect the posts again even when their stored data is recent',
		}),
		includeComments: boolean({
			name: 'includeComments',
			displayName: 'Include Comments',
			default: true,
			description: 'Whether to collect the comments of the posts too (comment analytics: Marketer plans)',
		}),
		includePosts: boolean({
			name: 'includePosts',
			displayName: 'Include Posts',
			default: true,
			description: 'Whether to refresh the numbers of the account’s posts too, not only the account’s',
		}),
		postLimit: integer({
			name: 'postLimit',
			displayName: 'Max Posts',
			min: 1,
			max: 100,
			default: 25,
			description: 'How many posts to refresh at most (TokPortal’s default: 25)',
		}),
	},
});

/** The two refusals that mean "not now" or "no longer": answered as an item, not an error. */
const NOT_NOW = new Set(['ANALYTICS_REFRESH_TOO_SOON', 'MANAGED_ACCOUNT_TASK_BLOCKED']);

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { accountId, options: refreshOptions });
	// Checked first (free, read-only), so a refresh in cooldown becomes "next refresh possible at …".
	const { body: check } = await analyticsRequest(
		this,
		itemIndex,
		{ method: 'GET', template: '/accounts/{id}/analytics/can-refresh' },
		{ path: apiPath`/accounts/${input.accountId}/analytics/can-refresh` },
	);
	const status = (check.data ?? {}) as IDataObject;
	if (status.can_refresh === false) return notRefreshed(input.accountId, status);

	const body: IDataObject = {};
	for (const [key, value] of Object.entries(input.options)) if (value !== undefined) body[key] = value;
	try {
		const { body: answer } = await analyticsRequest(
			this,
			itemIndex,
			{ method: 'POST', template: '/accounts/{id}/analytics/refresh' },
			{ path: apiPath`/accounts/${input.accountId}/analytics/refresh`, body },
		);
		return { refreshed: true, ...((answer.data ?? {}) as IDataObject) };
	} catch (error) {
		// Someone refreshed it between the check and the refresh: the same answer as the check's.
		const code = error instanceof NodeApiError ? error.context.tokportalCode : undefined;
		if (typeof code !== 'string' || !NOT_NOW.has(code)) throw asNodeError(this.getNode(), error, itemIndex);
		const details = ((error as NodeApiError).context.tokportalDetails ?? {}) as IDataObject;
		return notRefreshed(input.accountId, {
			reason: code === 'ANALYTICS_REFRESH_TOO_SOON' ? 'cooldown' : details.reason,
			...details,
		});
	}
}

export const refreshAccount: TokPortalOperation = {
	option: {
		name: 'Refresh Account',
		value: 'refreshAccount',
		action: 'Refresh the analytics of a delivered account',
		description:
			'Ask TokPortal to collect a delivered account’s numbers (and its posts’) again now. Checks first whether a refresh is possible: if not (refreshed recently, banned…), the output says so (refreshed: false) with the time the next refresh is possible, instead of failing.',
	},
	fields: [accountId, refreshOptions],
	execute,
};
