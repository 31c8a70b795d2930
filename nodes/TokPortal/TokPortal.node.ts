import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { properties } from './actions/resources';
import { router } from './actions/router';
import { listSearch, loadOptions } from './methods';

export class TokPortal implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'TokPortal',
		name: 'tokPortal',
		icon: { light: 'file:../../icons/tokportal.svg', dark: 'file:../../icons/tokportal.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Order, configure, review and manage TikTok and Instagram accounts with TokPortal',
		defaults: { name: 'TokPortal' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'tokPortalApi', required: true }],
		properties,
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
