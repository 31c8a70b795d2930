import type { INodeProperties } from 'n8n-workflow';

import * as deliveredAccount from './deliveredAccount/DeliveredAccount.resource';

/** The Resource dropdown followed by every resource's operations and fields. */
export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Delivered Account',
				value: 'deliveredAccount',
				description: 'A finished TikTok/Instagram account you own',
			},
		],
		default: 'deliveredAccount',
	},
	...deliveredAccount.description,
];
