import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

/**
 * One operation of one resource: its entry in the Operation dropdown, its fields, and what it does
 * for one input item. It returns plain data — an object, or a list that becomes one item per
 * element — and the router adds pairing and error handling.
 */
export interface TokPortalOperation {
	option: INodePropertyOptions;
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]>;
}

/** The Operation dropdown and every field of a resource, shown only for that resource/operation. */
export function resourceProperties(
	resource: string,
	operations: TokPortalOperation[],
	defaultOperation: string,
): INodeProperties[] {
	const options = operations
		.map((operation) => operation.option)
		.sort((a, b) => a.name.localeCompare(b.name));
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource] } },
			options,
			default: defaultOperation,
		},
		...operations.flatMap((operation) =>
			operation.description.map((property) => ({
				...property,
				displayOptions: {
					...property.displayOptions,
					show: {
						resource: [resource],
						operation: [operation.option.value],
						...property.displayOptions?.show,
					},
				},
			})),
		),
	];
}
