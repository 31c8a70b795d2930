import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
	Workflow,
} from 'n8n-workflow';
import { ICredentialsHelper } from 'n8n-workflow';

export type CredentialValues = Record<string, ICredentialDataDecryptedObject>;

/**
 * Gives nodes the decrypted credential values of a test and applies each credential type's
 * `authenticate` the way n8n does: a function is called with the credential values and the request;
 * for generic authenticators every header/qs value is an expression resolved against `$credentials`.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	/** How often a node read (in n8n: loaded from the database and decrypted) a credential. */
	reads = 0;

	constructor(
		private readonly types: Record<string, ICredentialType>,
		private readonly values: CredentialValues,
		/** Shortens every request's timeout, so a server that never answers is given up on in seconds, not a minute. */
		private readonly requestTimeoutMs?: number,
	) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const options = { ...requestOptions } as IHttpRequestOptions;
		if (this.requestTimeoutMs !== undefined) {
			options.timeout = Math.min(options.timeout ?? this.requestTimeoutMs, this.requestTimeoutMs);
		}
		const authenticate = this.types[typeName]?.authenticate;
		if (typeof authenticate === 'function') return await authenticate(credentials, options);
		if (!authenticate || !workflow || !node) return options;
		const resolve = (value: string) =>
			workflow.expression.getSimpleParameterValue(
				node,
				value,
				'internal',
				{ $credentials: credentials },
				undefined,
				'',
			) as string;
		const { headers, qs } = authenticate.properties;
		if (headers) {
			options.headers = { ...options.headers };
			for (const [name, value] of Object.entries(headers)) options.headers[name] = resolve(String(value));
		}
		if (qs) {
			options.qs = { ...options.qs };
			for (const [name, value] of Object.entries(qs)) options.qs[name] = resolve(String(value));
		}
		return options;
	}

	async preAuthentication(
		_helpers: IHttpRequestHelper,
		_credentials: ICredentialDataDecryptedObject,
	): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(_details: INodeCredentialsDetails, _type: string): Promise<ICredentials> {
		throw new Error('not used by the harness');
	}

	async getDecrypted(
		_additionalData: unknown,
		_details: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const values = this.values[type];
		if (!values) throw new Error(`No test credentials of type ${type}`);
		this.reads++;
		return { ...values };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.types[type]?.properties ?? [];
	}
}
