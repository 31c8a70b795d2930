import type { IDataObject, IExecuteFunctions, INodePropertyOptions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import { boolean, collection, integer, list, options, readItem, text } from '../../../shared/validation';
import { accountId } from '../common.fields';
import type { TokPortalOperation } from '../operation';
import { TASK_ACCESS_ERRORS } from '../taskAccess';

const TONES: Array<INodePropertyOptions & { value: string }> = [
	{ name: 'Enthusiastic', value: 'enthusiastic' },
	{ name: 'Friendly', value: 'friendly' },
	{ name: 'Neutral', value: 'neutral' },
	{ name: 'Playful', value: 'playful' },
	{ name: 'Professional', value: 'professional' },
];

function topics(name: string, displayName: string, description: string) {
	return list({
		name,
		displayName,
		maxItems: 20,
		unique: true,
		placeholder: 'e.g. streetwear, sneakers, thrifting',
		item: text({ name: 'topic', displayName: 'Topic', minLength: 1, maxLength: 50 }),
		description,
	});
}

const updateFields = collection({
	name: 'updateFields',
	displayName: 'Update Fields',
	placeholder: 'Add Field',
	fields: {
		avoidTopics: topics('avoidTopics', 'Avoid Topics', 'Topics the account never comments on (up to 20, 1–50 characters each, separated by commas)'),
		enabled: boolean({
			name: 'enabled',
			displayName: 'Enabled',
			default: true,
			description: 'Whether the account comments according to this profile',
		}),
		languages: list({
			name: 'languages',
			displayName: 'Languages',
			maxItems: 5,
			unique: true,
			placeholder: 'e.g. en, fr',
			item: text({
				name: 'language',
				displayName: 'Language',
				pattern: /^[a-z]{2}$/,
				patternRule: 'must be a two-letter language code such as en or fr',
				transform: (value) => value.toLowerCase(),
			}),
			description: 'The languages the account comments in: up to 5 two-letter codes separated by commas',
		}),
		maxCommentsPerDay: integer({
			name: 'maxCommentsPerDay',
			displayName: 'Max Comments per Day',
			min: 1,
			max: 50,
			default: 10,
			description: 'The most comments the account posts per day (1–50)',
		}),
		persona: text({
			name: 'persona',
			displayName: 'Persona',
			maxLength: 500,
			rows: 3,
			refuseBlank: true,
			placeholder: 'e.g. A New York sneakerhead in their twenties who loves vintage finds',
			description: 'Who the account is when it comments (max 500 characters)',
		}),
		tone: options({
			name: 'tone',
			displayName: 'Tone',
			default: 'neutral',
			options: TONES,
			description: 'How the comments sound',
		}),
		topics: topics('topics', 'Topics', 'Topics the account comments on (up to 20, 1–50 characters each, separated by commas)'),
	},
});

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { accountId, updateFields }, (values) => [
		Object.keys(values.updateFields).length === 0 ? 'Add at least one field under "Update Fields" to change' : undefined,
	]);
	const fields = input.updateFields;
	const body: IDataObject = {};
	if (fields.enabled !== undefined) body.enabled = fields.enabled;
	if (fields.persona !== undefined) body.persona = fields.persona;
	if (fields.tone !== undefined) body.tone = fields.tone;
	if (fields.languages !== undefined) body.languages = fields.languages;
	if (fields.topics !== undefined) body.topics = fields.topics;
	if (fields.avoidTopics !== undefined) body.avoid_topics = fields.avoidTopics;
	if (fields.maxCommentsPerDay !== undefined) body.max_comments_per_day = fields.maxCommentsPerDay;
	const response = await apiRequest.call(this, {
		method: 'PATCH',
		path: apiPath`/accounts/${input.accountId}/commenting-profile`,
		body,
		itemIndex,
	});
	return response.body.data as IDataObject;
}

export const updateCommentingProfile: TokPortalOperation = {
	option: {
		name: 'Update Commenting Profile',
		value: 'updateCommentingProfile',
		action: 'Update the commenting profile of a delivered account',
		description:
			'Set how a delivered account comments: on or off, persona, tone, languages, topics to seek or avoid, and a daily maximum. Only the fields you add change. Free.',
	},
	fields: [accountId, updateFields],
	errors: TASK_ACCESS_ERRORS,
	execute,
};
