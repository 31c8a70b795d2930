import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import { collection, notSentError, readItem } from '../../../shared/validation';
import { bundleId, NO_ACCOUNT_STEP } from '../common.fields';
import type { TokPortalOperation } from '../operation';
import { biography, linkInBio, nicheWarmingInstructions, profilePictureUrl, username, visibleName } from './fields';

const additionalFields = collection({
	name: 'additionalFields',
	displayName: 'Additional Fields',
	placeholder: 'Add Field',
	fields: { linkInBio, nicheWarmingInstructions },
});

/**
 * Link in Bio is Instagram-only. Reading the bundle costs no credits and only happens when a link
 * is given, so the usual call stays a single request and the check never depends on a hint the
 * user could get wrong.
 */
async function assertInstagram(context: IExecuteFunctions, id: string, itemIndex: number): Promise<void> {
	const { body } = await apiRequest.call(context, { method: 'GET', path: apiPath`/bundles/${id}`, itemIndex });
	const platform = (body.data as IDataObject | undefined)?.platform;
	if (typeof platform !== 'string' || platform.toLowerCase() === 'instagram') return;
	throw notSentError(
		context,
		itemIndex,
		`"Link in Bio" is only available for Instagram accounts, and this bundle is for ${platform}: leave it empty`,
	);
}

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, {
		bundleId,
		username,
		visibleName,
		biography,
		profilePictureUrl,
		additionalFields,
	});
	const extra = input.additionalFields;
	const body: IDataObject = {
		username: input.username,
		visible_name: input.visibleName,
		biography: input.biography,
		profile_picture_url: input.profilePictureUrl,
	};
	if (extra.linkInBio !== undefined) body.link_in_bio = extra.linkInBio;
	if (extra.nicheWarmingInstructions) body.niche_warming_instructions = extra.nicheWarmingInstructions;

	if (extra.linkInBio !== undefined) await assertInstagram(this, input.bundleId, itemIndex);
	const response = await apiRequest.call(this, {
		method: 'PUT',
		path: apiPath`/bundles/${input.bundleId}/account`,
		body,
		itemIndex,
	});
	return response.body.data as IDataObject;
}

export const configure: TokPortalOperation = {
	option: {
		name: 'Configure',
		value: 'configure',
		action: 'Configure the account of a bundle',
		description:
			'Set the username, visible name, biography and profile picture TokPortal will use to create the account of a bundle. Only before the bundle is published. Costs no credits.',
	},
	fields: [bundleId, username, visibleName, biography, profilePictureUrl, additionalFields],
	errors: {
		ACCOUNT_NOT_FOUND: NO_ACCOUNT_STEP,
		INVALID_STATUS:
			'The account can only be configured while the bundle is not yet published. Unpublish it first (Bundle → Unpublish), then configure again.',
	},
	execute,
};
