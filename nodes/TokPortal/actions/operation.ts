import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import type { AnyField } from '../../shared/validation';

/**
 * One operation of one resource: its entry in the Operation dropdown, its fields (declared with
 * their rules, in panel order), what TokPortal's error codes mean for it, and what it does. Most
 * operations handle one input item at a time (`execute`); the router adds pairing, error wording and
 * Continue On Fail.
 */
interface OperationBase {
	option: INodePropertyOptions & { value: string; action: string };
	fields: AnyField[];
	/**
	 * TokPortal error code (upper case) → what it means for this operation and what to do. Replaces the
	 * transport's general wording; the description (TokPortal's text, request id) is kept. A function
	 * words it from the error's details; `*` applies to every code without its own entry.
	 */
	errors?: Readonly<Record<string, ErrorExplanation>>;
}

/**
 * Output items that carry files (a CSV export, an HTML report) next to their JSON. Plain objects stay
 * the common case; an operation returns this only when it downloads something.
 */
export class ItemsWithFiles {
	constructor(readonly items: INodeExecutionData[]) {}
}

/** Handles one input item; returns an object, a list that becomes one item per element, or files. */
export interface ItemOperation extends OperationBase {
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[] | ItemsWithFiles>;
	executeAll?: never;
}

/** What one input item became in an operation that handles every item at once. */
export type ItemOutcome = { json: IDataObject | IDataObject[] } | { error: Error };

/**
 * Handles every input item in one go (Video → Configure Many sends one request per bundle for all
 * the items of that bundle). It returns exactly one outcome per input item, in input order; the router
 * pairs each with its item, words errors with `errors` and applies Continue On Fail per item. It
 * decides itself what to send when some items are invalid: without Continue On Fail
 * (`this.continueOnFail()`), nothing at all, since the node run fails on the first invalid item.
 * Idempotency keys must be anchored on an item index that is the same on every try (e.g. the first
 * item of each group), so Retry On Fail repeats a request under the same key.
 */
export interface BatchOperation extends OperationBase {
	executeAll(this: IExecuteFunctions, itemCount: number): Promise<ItemOutcome[]>;
	execute?: never;
}

export type TokPortalOperation = ItemOperation | BatchOperation;

/** A message, or one built from TokPortal's error details (undefined keeps the general wording). */
export type ErrorExplanation = string | ((details: IDataObject) => string | undefined);

export interface TokPortalResource {
	name: string;
	value: string;
	description: string;
	defaultOperation: string;
	operations: TokPortalOperation[];
}

/** The Operation dropdown and every field of a resource, shown only for that resource/operation. */
export function resourceProperties(resource: TokPortalResource): INodeProperties[] {
	const { defaultOperation } = resource;
	const options = resource.operations
		.map((operation) => operation.option)
		.sort((a, b) => a.name.localeCompare(b.name));
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.value] } },
			options,
			default: defaultOperation,
		},
		...resource.operations.flatMap((operation) =>
			operation.fields.map(({ property }) => ({
				...property,
				displayOptions: {
					...property.displayOptions,
					show: {
						resource: [resource.value],
						operation: [operation.option.value],
						...property.displayOptions?.show,
					},
				},
			})),
		),
	];
}
