import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { asNodeError, beginNodeRun, errorCodeOf } from '../../shared/transport';
import type { BatchOperation, ItemOutcome, TokPortalOperation } from './operation';
import { ItemsWithFiles } from './operation';
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

/**
 * Appends one input item's result to `output` as n8n items paired with it. One object per item and no
 * intermediate lists: a Return All of 50,000 accounts would otherwise make three objects per account,
 * and spreading them into push() overflows the call stack above about 120,000 items.
 */
function appendPaired(
	output: INodeExecutionData[],
	result: IDataObject | IDataObject[] | ItemsWithFiles,
	itemIndex: number,
): void {
	const pairedItem = { item: itemIndex };
	if (result instanceof ItemsWithFiles) {
		for (const item of result.items) output.push({ ...item, pairedItem });
		return;
	}
	for (const json of Array.isArray(result) ? result : [result]) output.push({ json, pairedItem });
}

/**
 * An item's error: worded for the operation, then kept as that item's output under Continue On Fail
 * (returned) or thrown.
 */
function failed(context: IExecuteFunctions, operation: TokPortalOperation, caught: unknown, itemIndex: number): INodeExecutionData {
	const error = explain(asNodeError(context.getNode(), caught, itemIndex), operation);
	if (!context.continueOnFail()) throw error;
	return { json: errorItemJson(error), pairedItem: { item: itemIndex } };
}

/** Every item in one call of the operation; each outcome is paired with its item. */
async function runBatch(context: IExecuteFunctions, operation: BatchOperation, itemCount: number): Promise<INodeExecutionData[]> {
	let outcomes: ItemOutcome[];
	try {
		outcomes = await operation.executeAll.call(context, itemCount);
	} catch (caught) {
		// Nothing item-specific came back: every item shares the failure.
		return Array.from({ length: itemCount }, (_, itemIndex) => failed(context, operation, caught, itemIndex));
	}
	if (outcomes.length !== itemCount) {
		throw new NodeOperationError(context.getNode(), `The operation returned ${outcomes.length} results for ${itemCount} items`);
	}
	const output: INodeExecutionData[] = [];
	outcomes.forEach((outcome, itemIndex) => {
		if ('error' in outcome) output.push(failed(context, operation, outcome.error, itemIndex));
		else appendPaired(output, outcome.json, itemIndex);
	});
	return output;
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
	if (operation.executeAll) return [await runBatch(this, operation, items.length)];

	const returnData: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			appendPaired(returnData, await operation.execute.call(this, itemIndex), itemIndex);
		} catch (caught) {
			returnData.push(failed(this, operation, caught, itemIndex));
		}
	}
	return [returnData];
}
