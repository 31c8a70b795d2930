import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../transport';
import { bundleIdLocator } from '../common.descriptions';
import type { TokPortalOperation } from '../operation';
import { explainError, NO_ACCOUNT_STEP } from '../explainError';
import { locatorId } from '../locator';

/** Node field → API key of the `fields` object. The picture's key is `profile_picture`, not `…_url`. */
const FEEDBACK_KEYS: Record<string, string> = {
	biography: 'biography',
	profilePicture: 'profile_picture',
	username: 'username',
	visibleName: 'visible_name',
};

const description: INodeProperties[] = [
	bundleIdLocator,
	{
		displayName: 'Comment',
		name: 'comment',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 2 },
		placeholder: 'e.g. Username needs to be shorter and the biography should mention the city.',
		description: 'General feedback for the account manager: what should change and why',
	},
	{
		displayName: 'Feedback per Field',
		name: 'feedback',
		type: 'collection',
		placeholder: 'Add Field Feedback',
		default: {},
		description: 'What to correct on each field. Add at least one.',
		options: [
			{
				displayName: 'Biography',
				name: 'biography',
				type: 'string',
				default: '',
				placeholder: 'e.g. Add a mention of New York City.',
				description: 'What to change in the biography',
			},
			{
				displayName: 'Profile Picture',
				name: 'profilePicture',
				type: 'string',
				default: '',
				placeholder: 'e.g. Use a brighter, square photo.',
				description: 'What to change in the profile picture',
			},
			{
				displayName: 'Username',
				name: 'username',
				type: 'string',
				default: '',
				placeholder: 'e.g. Shorten to under 15 characters.',
				description: 'What to change in the username',
			},
			{
				displayName: 'Visible Name',
				name: 'visibleName',
				type: 'string',
				default: '',
				placeholder: 'e.g. Use "Street Style NYC".',
				description: 'What to change in the visible (display) name',
			},
		],
	},
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const bundleId = locatorId.call(this, 'bundleId', itemIndex);
	const comment = String(this.getNodeParameter('comment', itemIndex, '') ?? '').trim();
	const feedback = this.getNodeParameter('feedback', itemIndex, {}) as IDataObject;

	if (comment === '') {
		throw new NodeOperationError(this.getNode(), 'Comment is required to request corrections', {
			itemIndex,
			description: 'Nothing was sent to TokPortal. Explain in Comment what the account manager should change.',
		});
	}
	const fields: IDataObject = {};
	for (const [name, key] of Object.entries(FEEDBACK_KEYS)) {
		const value = String(feedback[name] ?? '').trim();
		if (value !== '') fields[key] = value;
	}
	if (Object.keys(fields).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Add feedback on at least one field to request corrections', {
			itemIndex,
			description:
				'Nothing was sent to TokPortal. Under Feedback per Field, say what to change in the Username, Visible Name, Biography or Profile Picture.',
		});
	}

	try {
		const { body } = await apiRequest.call(this, {
			method: 'POST',
			path: apiPath`/bundles/${bundleId}/account/corrections`,
			body: { comment, fields },
			itemIndex,
		});
		return body.data as IDataObject;
	} catch (error) {
		throw explainError(error, {
			ACCOUNT_NOT_FOUND: NO_ACCOUNT_STEP,
			INVALID_STATUS:
				'Corrections can only be requested while the account is in review (status in_review): not before TokPortal delivers it, not while earlier corrections are pending, not after it was finalized. Use Account Configuration → Get to check its status.',
		});
	}
}

export const requestCorrections: TokPortalOperation = {
	option: {
		name: 'Request Corrections',
		value: 'requestCorrections',
		action: 'Request corrections to the account of a bundle',
		description:
			'Send the account of a bundle back to its account manager with a comment and feedback on the username, visible name, biography and/or profile picture. Only while the account is in review.',
	},
	description,
	execute,
};
