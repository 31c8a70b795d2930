import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { asNodeError } from '../transport';
import type { TokPortalOperation } from './operation';
import { operations as accountAction } from './accountAction/AccountAction.resource';
import { operations as accountConfiguration } from './accountConfiguration/AccountConfiguration.resource';
import { operations as bundle } from './bundle/Bundle.resource';
import { operations as deliveredAccount } from './deliveredAccount/DeliveredAccount.resource';

const resources: Record<string, TokPortalOperation[]> = {
	accountAction,
	accountConfiguration,
	bundle,
	deliveredAccount,
};

/** What a failed item becomes under Continue On Fail: enough to branch on and to quote to support. */
function errorItemJson(error: Error): IDataObject {
	const json: IDataObject = { error: error.message };
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.description) json.description = error.description;
		const { tokportalCode, requestId, httpStatus } = error.context;
		if (tokportalCode) json.code = tokportalCode as string;
		if (httpStatus) json.httpStatus = httpStatus as number;
		if (requestId) json.requestId = requestId as string;
	}
	return json;
}

/** Owns the item loop: every output item is paired with its input, and one bad item never hides the rest. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = resources[resource]?.find((candidate) => candidate.option.value === operationName);
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" of "${resource}" is not supported`);
	}

	const returnData: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await operation.execute.call(this, itemIndex);
			returnData.push(
				...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), {
					itemData: { item: itemIndex },
				}),
			);
		} catch (error) {
			if (this.continueOnFail()) {
				returnData.push({ json: errorItemJson(error as Error), pairedItem: { item: itemIndex } });
				continue;
			}
			throw asNodeError(this.getNode(), error, itemIndex);
		}
	}
	return [returnData];
}
