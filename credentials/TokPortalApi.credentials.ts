import type {
	Icon,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { DEFAULT_BASE_URL } from '../nodes/shared/constants';

export class TokPortalApi implements ICredentialType {
	name = 'tokPortalApi';

	displayName = 'TokPortal API';

	icon: Icon = { light: 'file:../icons/tokportal.svg', dark: 'file:../icons/tokportal.dark.svg' };

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
			default: DEFAULT_BASE_URL,
			description:
				'Leave the default for TokPortal. Point it at a local TokPortal simulator (for example http://127.0.0.1:4010/api/ext) to try workflows without spending credits. Never put the API key (or a user name or password) in this address.',
		},
	];

	// A function rather than a generic `={{$credentials.apiKey}}` header: n8n authenticates every
	// request, and evaluating an expression each time costs more than the rest of our per-page work.
	// A field, not a method: n8n looks for an own `authenticate` when it lists what a credential
	// supports (the Custom API Call option), as it did for the generic object.
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const apiKey = typeof credentials.apiKey === 'string' ? credentials.apiKey : '';
		return { ...requestOptions, headers: { ...requestOptions.headers, 'X-API-Key': apiKey } };
	};

	// GET /me is authenticated and free, so a wrong key or base URL shows up in the credential dialog.
	// A Base URL carrying a user name, password, query or key would send (and later show) a secret:
	// the test then goes to a reserved .invalid host whose name says what to fix, and the key is never
	// sent anywhere. The nodes refuse such a Base URL with a full explanation before any request.
	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{ (() => { const url = String($credentials.baseUrl || '').trim() || '${DEFAULT_BASE_URL}'; const key = String($credentials.apiKey || ''); return /^https?:\\/\\/[^\\/?#@\\s]+(\\/[^?#@\\s]*)?$/.test(url) && !/sk_[A-Za-z0-9]{16,}|tok_(live|test)_/.test(url) && !(key && url.includes(key)) ? url.replace(/\\/+$/, '') : 'https://base-url-must-not-contain-credentials.invalid'; })() }}`,
			url: '/me',
			headers: { Accept: 'application/json' },
		},
	};
}
