import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

/**
 * Stand-ins for two n8n-nodes-base nodes (not a dependency of this package): the Manual Trigger
 * that starts a workflow, and a node that emits fixed items, like a spreadsheet would.
 */
export class ManualTriggerStub implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Starts the workflow',
		defaults: { name: 'Manual Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

/** A file an Items stub item carries, as JSON can hold it. */
export interface StubFile {
	base64: string;
	fileName?: string;
	mimeType?: string;
}

export class ItemsStub implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Items',
		name: 'items',
		group: ['transform'],
		version: 1,
		description: 'Emits the items given in its "items" parameter (a JSON array)',
		defaults: { name: 'Items' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'Items', name: 'items', type: 'json', default: '[]' },
			// Per item: { <binary field>: { base64, fileName?, mimeType? } }, stored through n8n's own helper.
			{ displayName: 'Binary', name: 'binary', type: 'json', default: '[]' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const parse = <T>(name: string, fallback: string) => {
			const raw = this.getNodeParameter(name, 0, fallback) as string | T;
			return (typeof raw === 'string' ? JSON.parse(raw) : raw) as T;
		};
		const items = parse<object[]>('items', '[]');
		const files = parse<Array<Record<string, StubFile> | null>>('binary', '[]');
		return [
			await Promise.all(
				items.map(async (json, index) => {
					const item: INodeExecutionData = { json: json as INodeExecutionData['json'] };
					const fields = files[index];
					if (fields) {
						item.binary = {};
						for (const [name, file] of Object.entries(fields)) {
							item.binary[name] = await this.helpers.prepareBinaryData(Buffer.from(file.base64, 'base64'), file.fileName, file.mimeType);
						}
					}
					return item;
				}),
			),
		];
	}
}
