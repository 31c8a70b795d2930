import { CredentialTestContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, ICredentialTestFunction, INodeCredentialTestResult } from 'n8n-workflow';

import { TokPortalApi } from '../../../credentials/TokPortalApi.credentials';
import { TokPortal } from '../../../nodes/TokPortal/TokPortal.node';
import { createAdditionalData } from '../../harness';
import { authenticate, resolveCredentialExpression } from '../../harness/credentialAuthentication';

/**
 * The credential dialog's "test", the way n8n runs it: a `testedBy` function of the node in n8n-core's
 * CredentialTestContext, or else the credential's declarative `test.request` — its expressions
 * resolved against the entered values (an expression that throws is a refusal), the credential's
 * authentication applied, sent with n8n's own HTTP client (user-info in a URL becomes Basic auth).
 */
export async function testCredential(values: ICredentialDataDecryptedObject): Promise<INodeCredentialTestResult> {
	const credential = new TokPortalApi();
	const node = new TokPortal();
	const additionalData = createAdditionalData({ credentials: { tokPortalApi: values } });
	const context = new CredentialTestContext(additionalData);
	const testedBy = node.description.credentials?.find((entry) => entry.name === credential.name)?.testedBy;
	if (typeof testedBy === 'string') {
		const test = (node.methods as { credentialTest?: Record<string, ICredentialTestFunction> }).credentialTest?.[testedBy];
		if (!test) throw new Error(`the node names credential test ${testedBy} but has none`);
		return await test.call(context, { id: '1', name: 'TokPortal account', type: credential.name, data: values });
	}
	const { request } = credential.test;
	try {
		const resolve = (value: string) => resolveCredentialExpression(values, value);
		const options = await authenticate(values, { url: request.url ?? '', headers: request.headers });
		const response = (await context.helpers.request({
			uri: `${resolve(request.baseURL ?? '')}${resolve(options.url)}`,
			headers: options.headers as Record<string, string>,
			json: true,
			resolveWithFullResponse: true,
			simple: false,
		})) as { statusCode: number; body: unknown };
		return response.statusCode >= 200 && response.statusCode < 300
			? { status: 'OK', message: 'Connection tested successfully' }
			: { status: 'Error', message: `HTTP ${response.statusCode}: ${JSON.stringify(response.body)}` };
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}
}
