import type { IDataObject, IExecuteFunctions, INodePropertyOptions } from 'n8n-workflow';

import { ORDERABLE_PLATFORMS, PLATFORM_NAMES } from '../../../shared/constants';
import { apiRequest } from '../../../shared/transport';
import { collection, dynamicOptions, integer, list, options, readItem, text } from '../../../shared/validation';
import type { TokPortalOperation } from '../operation';

const CLEARABLE: Array<INodePropertyOptions & { value: string }> = [
	{ name: 'Default Country', value: 'default_country' },
	{ name: 'Default Platform', value: 'default_platform' },
	{ name: 'Display Name', value: 'display_name' },
	{ name: 'Low Credit Alert Threshold', value: 'low_credit_alert_threshold' },
	{ name: 'Notification Email', value: 'notification_email' },
];

const updateFields = collection({
	name: 'updateFields',
	displayName: 'Update Fields',
	placeholder: 'Add Field',
	fields: {
		clear: list({
			name: 'clear',
			displayName: 'Clear',
			options: CLEARABLE,
			item: options({ name: 'setting', displayName: 'Setting', options: CLEARABLE, default: '' }),
			description: 'Settings to empty (back to no value)',
		}),
		defaultCountry: dynamicOptions({
			name: 'defaultCountry',
			displayName: 'Default Country Name or ID',
			loadOptionsMethod: 'getCountries',
			pattern: /^[A-Za-z]{2,3}$/,
			patternRule: 'must be a country code of 2 or 3 letters such as USA, UK or FR',
			description:
				'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			hint: 'The country your orders default to in TokPortal, e.g. USA',
		}),
		defaultPlatform: options({
			name: 'defaultPlatform',
			displayName: 'Default Platform',
			default: 'tiktok',
			options: ORDERABLE_PLATFORMS.map((value) => ({ name: PLATFORM_NAMES[value], value })).sort((a, b) =>
				a.name.localeCompare(b.name),
			),
			description: 'The platform your orders default to in TokPortal',
		}),
		displayName: text({
			name: 'displayName',
			displayName: 'Display Name',
			minLength: 1,
			maxLength: 100,
			refuseBlank: true,
			placeholder: 'e.g. Acme Growth Team',
			description: 'The name TokPortal shows for you (1–100 characters)',
		}),
		lowCreditAlertThreshold: integer({
			name: 'lowCreditAlertThreshold',
			displayName: 'Low Credit Alert Threshold',
			min: 0,
			max: 1_000_000,
			default: 100,
			description: 'TokPortal warns you when your balance falls below this many credits',
		}),
		notificationEmail: text({
			name: 'notificationEmail',
			displayName: 'Notification Email',
			maxLength: 254,
			refuseBlank: true,
			pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
			patternRule: 'must be an email address',
			placeholder: 'e.g. ops@example.com',
			description: 'Where TokPortal sends its notifications',
		}),
		timezone: text({
			name: 'timezone',
			displayName: 'Time Zone',
			maxLength: 64,
			refuseBlank: true,
			pattern: /^(UTC|[A-Za-z]+(\/[A-Za-z0-9_+-]+)+)$/,
			patternRule: 'must be an IANA time zone such as Europe/Paris, America/New_York or UTC',
			placeholder: 'e.g. Europe/Paris',
			description: 'The time zone TokPortal shows dates in',
		}),
	},
});

/** Each setting in TokPortal's name. */
const API_NAMES: Record<string, string> = {
	defaultCountry: 'default_country',
	defaultPlatform: 'default_platform',
	displayName: 'display_name',
	lowCreditAlertThreshold: 'low_credit_alert_threshold',
	notificationEmail: 'notification_email',
	timezone: 'timezone',
};

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { updateFields }, ({ updateFields: fields }) => {
		const set = Object.keys(fields).filter((key) => key !== 'clear');
		const cleared = fields.clear ?? [];
		const both = set.filter((key) => cleared.includes(API_NAMES[key]));
		return [
			set.length === 0 && cleared.length === 0 ? 'Add at least one field under "Update Fields" to change' : undefined,
			both.length > 0 ? `A setting cannot be set and cleared at once: ${both.map((key) => API_NAMES[key]).join(', ')}` : undefined,
		];
	});
	const { clear, ...values } = input.updateFields;
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(values)) body[API_NAMES[key]] = value as IDataObject[string];
	for (const setting of clear ?? []) body[setting] = null;
	const response = await apiRequest.call(this, { method: 'PATCH', path: '/me', body, itemIndex });
	return response.body.data as IDataObject;
}

export const updateSettings: TokPortalOperation = {
	option: {
		name: 'Update Settings',
		value: 'updateSettings',
		action: 'Update the settings of the current user',
		description:
			'Change your TokPortal workspace settings: display name, notification email, time zone, default country and platform, low-credit alert. Only the fields you add change; identity, credits and the API key cannot be changed here. Returns the user as Get does.',
	},
	fields: [updateFields],
	execute,
};
