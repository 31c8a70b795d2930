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

/** One input item's result as n8n items, paired with it. */
function paired(
	context: IExecuteFunctions,
	result: IDataObject | IDataObject[] | ItemsWithFiles,
	itemIndex: number,
): INodeExecutionData[] {
	const items = result instanceof ItemsWithFiles ? result.items : context.helpers.returnJsonArray(result);
	return context.helpers.constructExecutionMetaData(items, { itemData: { item: itemIndex } });
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
	return outcomes.flatMap((outcome, itemIndex) =>
		'error' in outcome ? [failed(context, operation, outcome.error, itemIndex)] : paired(context, outcome.json, itemIndex),
	);
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
			// Not push(...list): spreading more than about 120,000 items as arguments overflows the call
			// stack (a Return All of a large account list).
			for (const item of paired(this, await operation.execute.call(this, itemIndex), itemIndex)) returnData.push(item);
		} catch (caught) {
			returnData.push(failed(this, operation, caught, itemIndex));
		}
	}
	return [returnData];
}
