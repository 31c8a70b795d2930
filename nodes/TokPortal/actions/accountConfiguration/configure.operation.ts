import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../transport';
import { explainError, NO_ACCOUNT_STEP } from '../explainError';
import { locatorId } from '../locator';
import { bundleIdLocator } from '../common.descriptions';
import type { TokPortalOperation } from '../operation';
import {
	biographyProblem,
	linkInBioPlatformProblem,
	urlProblem,
	usernameProblem,
	visibleNameProblem,
} from './validation';

const description: INodeProperties[] = [
	bundleIdLocator,
	{
		displayName: 'Username',
		name: 'username',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. streetstyle.nyc',
		description:
			'The handle of the account to create, without "@": 1–24 characters, only letters, digits, "_" and ".". Avoid reusing the same words across many accounts (mass-ban risk).',
	},
	{
		displayName: 'Visible Name',
		name: 'visibleName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Street Style NYC',
		description: 'The display name shown on the profile: 1–30 characters',
	},
	{
		displayName: 'Biography',
		name: 'biography',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 2 },
		placeholder: 'e.g. Daily street fashion from New York City.',
		description: 'The profile bio: at most 80 characters',
	},
	{
		displayName: 'Profile Picture URL',
		name: 'profilePictureUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://cdn.example.com/profiles/streetstyle.jpg',
		description: 'A public https:// link to the profile picture image',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Link in Bio',
				name: 'linkInBio',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://linktr.ee/streetstyle',
				description:
					'Instagram bundles only: the https:// link shown in the bio. When set, the node first reads the bundle (free) to check that it is an Instagram bundle.',
			},
			{
				displayName: 'Niche Warming Instructions',
				name: 'nicheWarmingInstructions',
				type: 'string',
				default: '',
				typeOptions: { rows: 3 },
				placeholder: 'e.g. Engage with fashion and streetwear content in the NYC area.',
				description:
					'What the account manager should watch and engage with while warming the account. Only used when the bundle was ordered with niche warming.',
			},
		],
	},
];

/** Leading/trailing spaces (typical of sheet cells) are never meaningful in these fields. */
function text(context: IExecuteFunctions, name: string, itemIndex: number): string {
	return String(context.getNodeParameter(name, itemIndex, '') ?? '').trim();
}

function check(
	context: IExecuteFunctions,
	itemIndex: number,
	field: string,
	problem: string | undefined,
): void {
	if (problem === undefined) return;
	throw new NodeOperationError(context.getNode(), `${field} ${problem}`, {
		itemIndex,
		description: `Nothing was sent to TokPortal. Correct ${field} and run again.`,
	});
}

/**
 * Link in Bio is Instagram-only. Reading the bundle costs no credits and only happens when a link
 * is given, so the usual call stays a single request and the check never depends on a hint the
 * user could get wrong.
 */
async function checkLinkInBioPlatform(
	context: IExecuteFunctions,
	bundleId: string,
	itemIndex: number,
): Promise<void> {
	const { body } = await apiRequest.call(context, {
		method: 'GET',
		path: apiPath`/bundles/${bundleId}`,
		itemIndex,
	});
	const platform = (body.data as IDataObject | undefined)?.platform;
	if (typeof platform === 'string') {
		check(context, itemIndex, 'Link in Bio', linkInBioPlatformProblem(platform));
	}
}

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const bundleId = locatorId.call(this, 'bundleId', itemIndex);
	const username = text(this, 'username', itemIndex);
	const visibleName = text(this, 'visibleName', itemIndex);
	const biography = text(this, 'biography', itemIndex);
	const profilePictureUrl = text(this, 'profilePictureUrl', itemIndex);
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const linkInBio = String(additional.linkInBio ?? '').trim();
	const nicheWarmingInstructions = String(additional.nicheWarmingInstructions ?? '').trim();

	check(this, itemIndex, 'Username', usernameProblem(username));
	check(this, itemIndex, 'Visible Name', visibleNameProblem(visibleName));
	check(this, itemIndex, 'Biography', biographyProblem(biography));
	check(this, itemIndex, 'Profile Picture URL', urlProblem(profilePictureUrl));
	if (linkInBio) check(this, itemIndex, 'Link in Bio', urlProblem(linkInBio));

	const body: IDataObject = {
		username,
		visible_name: visibleName,
		biography,
		profile_picture_url: profilePictureUrl,
	};
	if (linkInBio) body.link_in_bio = linkInBio;
	if (nicheWarmingInstructions) body.niche_warming_instructions = nicheWarmingInstructions;

	try {
		if (linkInBio) await checkLinkInBioPlatform(this, bundleId, itemIndex);
		const response = await apiRequest.call(this, {
			method: 'PUT',
			path: apiPath`/bundles/${bundleId}/account`,
			body,
			itemIndex,
		});
		return response.body.data as IDataObject;
	} catch (error) {
		throw explainError(error, {
			ACCOUNT_NOT_FOUND: NO_ACCOUNT_STEP,
			INVALID_STATUS:
				'The account can only be configured while the bundle is not yet published. Unpublish it first (Bundle → Unpublish), then configure again.',
		});
	}
}

export const configure: TokPortalOperation = {
	option: {
		name: 'Configure',
		value: 'configure',
		action: 'Configure the account of a bundle',
		description:
			'Set the username, visible name, biography and profile picture TokPortal will use to create the account of a bundle. Only before the bundle is published. Costs no credits.',
	},
	description,
	execute,
};
