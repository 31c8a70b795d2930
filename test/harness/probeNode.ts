import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { apiRequest, apiRequestAllItems } from '../../nodes/shared/transport';

/**
 * A test-only node that sends one transport call per input item, so transport behaviour (retries,
 * idempotency, pagination, error mapping) is tested through the real engine independently of any
 * operation of the TokPortal node.
 */
export class TransportProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Transport Probe',
		name: 'transportProbe',
		group: ['transform'],
		version: 1,
		description: 'Calls the TokPortal transport directly',
		defaults: { name: 'Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'tokPortalApi', required: true }],
		properties: [
			{ displayName: 'Method', name: 'method', type: 'string', default: 'GET' },
			{ displayName: 'Path', name: 'path', type: 'string', default: '/me' },
			{ displayName: 'Body', name: 'body', type: 'json', default: '' },
			{ displayName: 'Query', name: 'qs', type: 'json', default: '' },
			{ displayName: 'List', name: 'list', type: 'boolean', default: false },
			{ displayName: 'Limit', name: 'limit', type: 'number', default: 0 },
			{ displayName: 'Concurrency', name: 'concurrency', type: 'number', default: 0 },
			{ displayName: 'Idempotency Key', name: 'idempotencyKey', type: 'string', default: '' },
			{ displayName: 'Download', name: 'download', type: 'string', default: '' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const out: INodeExecutionData[] = [];
		const json = (name: string, i: number) => {
			const raw = this.getNodeParameter(name, i, '') as string | IDataObject;
			if (raw === '') return undefined;
			return (typeof raw === 'string' ? JSON.parse(raw) : raw) as IDataObject;
		};
		for (let i = 0; i < this.getInputData().length; i++) {
			const path = this.getNodeParameter('path', i) as string;
			try {
				if (this.getNodeParameter('list', i) as boolean) {
					const limit = this.getNodeParameter('limit', i) as number;
					const concurrency = this.getNodeParameter('concurrency', i) as number;
					const items = await apiRequestAllItems.call(this, {
						path,
						qs: json('qs', i),
						limit: limit > 0 ? limit : undefined,
						concurrency: concurrency > 0 ? concurrency : undefined,
						itemIndex: i,
					});
					out.push(...items.map((item) => ({ json: item, pairedItem: { item: i } })));
				} else {
					const key = this.getNodeParameter('idempotencyKey', i) as string;
					const download = this.getNodeParameter('download', i, '') as string;
					const response = await apiRequest.call(this, {
						method: this.getNodeParameter('method', i) as IHttpRequestMethods,
						path,
						body: json('body', i),
						qs: json('qs', i),
						itemIndex: i,
						idempotencyKey: key || undefined,
						download: download || undefined,
					});
					const file = response.file && {
						base64: response.file.data.toString('base64'),
						mimeType: response.file.mimeType,
						fileName: response.file.fileName,
					};
					out.push({
						json: { ...response.body, _replayed: response.replayed, _requestId: response.requestId, ...(file ? { _file: file } : {}) },
						pairedItem: { item: i },
					});
				}
			} catch (error) {
				if (!this.continueOnFail()) throw error;
				out.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
			}
		}
		return [out];
	}
}
