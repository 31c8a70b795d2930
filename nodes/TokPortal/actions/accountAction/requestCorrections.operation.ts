import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import { readItem } from '../../../shared/validation';
import { bundleId, NO_ACCOUNT_STEP } from '../common.fields';
import { correctionComment, feedbackOn, feedbackPerField } from '../corrections.fields';
import type { TokPortalOperation } from '../operation';

const comment = correctionComment({
	placeholder: 'e.g. Username needs to be shorter and the biography should mention the city.',
	description: 'General feedback for the account manager: what should change and why',
});

/** The picture's key is `profile_picture`, not `…_url`. */
const feedback = feedbackPerField('What to correct on each field. Add at least one.', {
	biography: feedbackOn('biography', 'Biography', 'e.g. Add a mention of New York City.', 'What to change in the biography'),
	profile_picture: feedbackOn(
		'profilePicture',
		'Profile Picture',
		'e.g. Use a brighter, square photo.',
		'What to change in the profile picture',
	),
	username: feedbackOn('username', 'Username', 'e.g. Shorten to under 15 characters.', 'What to change in the username'),
	visible_name: feedbackOn(
		'visibleName',
		'Visible Name',
		'e.g. Use "Street Style NYC".',
		'What to change in the visible (display) name',
	),
});

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { bundleId, comment, feedback }, (values) => [
		Object.keys(values.feedback).length === 0 &&
			'Add feedback on at least one field under "Feedback per Field": say what to change in the Username, Visible Name, Biography or Profile Picture',
	]);
	const { body } = await apiRequest.call(this, {
		method: 'POST',
		path: apiPath`/bundles/${input.bundleId}/account/corrections`,
		body: { comment: input.comment, fields: input.feedback as IDataObject },
		itemIndex,
	});
	return body.data as IDataObject;
}

export const requestCorrections: TokPortalOperation = {
	option: {
		name: 'Request Corrections',
		value: 'requestCorrections',
		action: 'Request corrections to the account of a bundle',
		description:
			'Send the account of a bundle back to its account manager with a comment and feedback on the username, visible name, biography and/or profile picture. Only while the account is in review.',
	},
	fields: [bundleId, comment, feedback],
	errors: {
		ACCOUNT_NOT_FOUND: NO_ACCOUNT_STEP,
		INVALID_STATUS:
			'Corrections can only be requested while the account is in review (status in_review): not before TokPortal delivers it, not while earlier corrections are pending, not after it was finalized. Use Account Configuration → Get to check its status.',
	},
	execute,
};
