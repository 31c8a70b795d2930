import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { asNodeError, beginNodeRun, errorCodeOf } from '../../shared/transport';
import type { TokPortalOperation } from './operation';
import { findOperation } from './resources';

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

/** The operation's own wording for a TokPortal code, keeping the description and request id. */
function explain(error: NodeApiError | NodeOperationError, operation: TokPortalOperation): NodeApiError | NodeOperationError {
	const code = errorCodeOf(error);
	if (!code || !operation.errors) return error;
	const explanation = operation.errors[code] ?? operation.errors['*'];
	const details = (error.context.tokportalDetails ?? {}) as IDataObject;
	const message = typeof explanation === 'function' ? explanation(details) : explanation;
	if (message) error.message = message;
	return error;
}

/** Owns the item loop: every output item is paired with its input, and one bad item never hides the rest. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = findOperation(resource, operationName);
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" of "${resource}" is not supported`);
	}
	beginNodeRun(this, `${resource}.${operationName}`);

	const returnData: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await operation.execute.call(this, itemIndex);
			const paired = this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), {
				itemData: { item: itemIndex },
			});
			// Not push(...paired): spreading a list of more than about 120,000 items as arguments
			// overflows the call stack (a Return All of a large account list).
			for (const item of paired) returnData.push(item);
		} catch (caught) {
			const error = explain(asNodeError(this.getNode(), caught, itemIndex), operation);
			if (this.continueOnFail()) {
				returnData.push({ json: errorItemJson(error), pairedItem: { item: itemIndex } });
				continue;
			}
			throw error;
		}
	}
	return [returnData];
}
