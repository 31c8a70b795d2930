import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import { notice, notSentError, readItem } from '../../../shared/validation';
import { accountId } from '../common.fields';
import type { TokPortalOperation } from '../operation';
import { chargeInfo, paidCallOptions, paidRequest } from '../paidCall';
import { TASK_ACCESS_ERRORS } from '../taskAccess';
import { editAdditionalFields, requestedUsername, requestedVisibleName } from './editRequest.fields';

export const EDIT_REQUEST_CREDITS = 8;

const editOptions = paidCallOptions('nothing is requested or charged; the output shows credits_would_charge');

/** Link in Bio is Instagram-only; reading the account is free and only happens when a link is given. */
async function assertInstagram(context: IExecuteFunctions, id: string, itemIndex: number): Promise<void> {
	const { body } = await apiRequest.call(context, { method: 'GET', path: apiPath`/accounts/${id}`, itemIndex });
	const platform = (body.data as IDataObject | undefined)?.platform;
	if (typeof platform !== 'string' || platform.toLowerCase() === 'instagram') return;
	throw notSentError(
		context,
		itemIndex,
		`"New Link in Bio" is only available for Instagram accounts, and this account is on ${platform}: remove it`,
	);
}

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, {
		accountId,
		requestedUsername,
		requestedVisibleName,
		additionalFields: editAdditionalFields,
		options: editOptions,
	});
	const extra = input.additionalFields;
	const body: IDataObject = {
		requested_username: input.requestedUsername,
		requested_visible_name: input.requestedVisibleName,
	};
	if (extra.requestedBiography !== undefined) body.requested_biography = extra.requestedBiography;
	if (extra.requestedProfilePictureUrl !== undefined) body.requested_profile_picture_url = extra.requestedProfilePictureUrl;
	if (extra.requestedLinkInBio !== undefined) {
		await assertInstagram(this, input.accountId, itemIndex);
		body.requested_link_in_bio = extra.requestedLinkInBio;
	}
	const response = await apiRequest.call(this, {
		method: 'POST',
		path: apiPath`/accounts/${input.accountId}/edit-request`,
		body,
		itemIndex,
		...paidRequest('deliveredAccount.requestEdit', input.options),
	});
	return { ...((response.body.data ?? {}) as IDataObject), ...chargeInfo(response) };
}

export const requestEdit: TokPortalOperation = {
	option: {
		name: 'Request Edit',
		value: 'requestEdit',
		action: 'Request a profile edit of a delivered account',
		description: `Ask TokPortal’s account manager to change the username, visible name, bio, link or picture of a delivered account. Costs ${EDIT_REQUEST_CREDITS} credits, charged at once; one request at a time per account. Dry Run shows the price without requesting.`,
	},
	fields: [
		notice(
			'requestEditNotice',
			`A profile edit request costs ${EDIT_REQUEST_CREDITS} credits, charged as soon as it is sent. The account needs an active order with an account manager, and only one request can be in progress. Turn on Options → Dry Run to check it first.`,
		),
		accountId,
		requestedUsername,
		requestedVisibleName,
		editAdditionalFields,
		editOptions,
	],
	errors: {
		...TASK_ACCESS_ERRORS,
		EDIT_REQUEST_NO_ACTIVE_ORDER:
			'No TokPortal account manager is assigned to this account: it needs an active order (a bundle TokPortal accepted). Nothing was charged.',
		EDIT_REQUEST_ALREADY_PENDING: (details) =>
			`An edit request is already in progress for this account${details.edit_request_id ? ` (${String(details.edit_request_id)})` : ''}. Nothing was charged. Wait until it is completed (Delivered Account → Get Edit Request), then run again.`,
	},
	execute,
};
