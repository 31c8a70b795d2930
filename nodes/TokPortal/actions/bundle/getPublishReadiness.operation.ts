import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import { readItem } from '../../../shared/validation';
import { bundleId } from '../common.fields';
import type { TokPortalOperation } from '../operation';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { bundleId });
	const { body } = await apiRequest.call(this, {
		method: 'GET',
		path: apiPath`/bundles/${input.bundleId}/publish-readiness`,
		itemIndex,
	});
	return (body.data ?? {}) as IDataObject;
}

export const getPublishReadiness: TokPortalOperation = {
	option: {
		name: 'Get Publish Readiness',
		value: 'getPublishReadiness',
		action: 'Check whether a bundle can be published',
		description:
			'Check, without changing anything or spending credits, whether a bundle can be published now: returns ready (true/false) and the blockers to fix (code, message, details such as missing_fields)',
	},
	fields: [bundleId],
	execute,
};
