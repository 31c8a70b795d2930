import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class TokPortalApi implements ICredentialType {
	name = 'tokPortalApi';

	displayName = 'TokPortal API';

	icon: Icon = { light: 'file:tokportal.svg', dark: 'file:tokportal.dark.svg' };

	documentationUrl = 'https://developers.tokportal.com/authentication/';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'sk_…',
			description:
				'Your TokPortal API key (Developer Portal → API keys). It is sent as the X-API-Key header and never appears in node output or error messages.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://app.tokportal.com/api/ext',
			description:
				'Leave the default for TokPortal. Point it at a local TokPortal simulator (for example http://127.0.0.1:4010/api/ext) to try workflows without spending credits.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'X-API-Key': '={{$credentials.apiKey}}',
			},
		},
	};

	// GET /me is authenticated and free, so a wrong key or base URL shows up in the credential dialog.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/me',
			headers: { Accept: 'application/json' },
		},
	};
}
