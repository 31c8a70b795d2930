import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { TokPortalApi } from '../../credentials/TokPortalApi.credentials';
import { authenticate, resolveCredentialExpression } from '../harness/credentialAuthentication';
import type { Simulator } from '../simulator';
import { startSimulator } from '../simulator';

/**
 * Runs the credential's `test` request the way n8n's credential dialog does: resolve the request's
 * expressions against the entered values, apply the credential's `authenticate`, send it.
 */
async function testCredential(values: ICredentialDataDecryptedObject): Promise<{ status: number; body: unknown }> {
	const { request } = new TokPortalApi().test;
	const options = await authenticate(values, { url: request.url ?? '', headers: request.headers });
	const response = await fetch(`${resolveCredentialExpression(values, request.baseURL ?? '')}${options.url}`, {
		headers: options.headers as Record<string, string>,
	});
	return { status: response.status, body: await response.json() };
}

describe('TokPortal API credential', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ rateLimit: false });
	});
	afterAll(async () => {
		await sim.close();
	});
	beforeEach(() => sim.clearRequests());

	it('passes its test with a valid key (GET /me, key in X-API-Key)', async () => {
		const result = await testCredential({ apiKey: sim.apiKey, baseUrl: `${sim.baseUrl}/` });
		expect(result.status).toBe(200);
		expect(sim.requests).toHaveLength(1);
		expect(sim.requests[0]).toMatchObject({ method: 'GET', path: '/me' });
		expect(sim.requests[0].headers['x-api-key']).toBe(sim.apiKey);
	});

	it('fails its test with a wrong key, so the dialog reports it', async () => {
		const result = await testCredential({ apiKey: 'sk_wrong', baseUrl: sim.baseUrl });
		expect(result.status).toBe(401);
		expect(result.body).toMatchObject({ error: { code: 'AUTH_INVALID_KEY' } });
	});

	it('hides the key as a password, requires it, and defaults to the TokPortal API', () => {
		const credential = new TokPortalApi();
		const apiKey = credential.properties.find((p) => p.name === 'apiKey');
		const baseUrl = credential.properties.find((p) => p.name === 'baseUrl');
		expect(apiKey).toMatchObject({ required: true, typeOptions: { password: true } });
		expect(baseUrl?.default).toBe('https://app.tokportal.com/api/ext');
	});

	it('authenticates a request by adding the key as X-API-Key, keeping its other headers and options', async () => {
		const credential = new TokPortalApi();
		const request: IHttpRequestOptions = { url: '/accounts', qs: { page: 2 }, headers: { Accept: 'application/json' } };
		expect(typeof credential.authenticate).toBe('function');
		const authenticated = await credential.authenticate({ apiKey: 'sk_test_key', baseUrl: '' }, request);
		expect(authenticated).toEqual({
			url: '/accounts',
			qs: { page: 2 },
			headers: { Accept: 'application/json', 'X-API-Key': 'sk_test_key' },
		});
		expect(request.headers).toEqual({ Accept: 'application/json' });
	});
});
