import type { INodeProperties } from 'n8n-workflow';

import * as accountAction from './accountAction/AccountAction.resource';
import * as accountConfiguration from './accountConfiguration/AccountConfiguration.resource';
import * as bundle from './bundle/Bundle.resource';
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
				name: 'Account Action',
				value: 'accountAction',
				description: 'Review the account TokPortal built for a bundle: approve it or ask for corrections',
			},
			{
				name: 'Account Configuration',
				value: 'accountConfiguration',
				description: 'The profile (username, name, bio, picture) TokPortal will give a bundle’s account',
			},
			{
				name: 'Bundle',
				value: 'bundle',
				description: 'An order for one TikTok/Instagram account and/or video slots: create, list, update, publish',
			},
			{
				name: 'Delivered Account',
				value: 'deliveredAccount',
				description: 'A finished TikTok/Instagram account you own',
			},
		],
		default: 'bundle',
	},
	...accountAction.description,
	...accountConfiguration.description,
	...bundle.description,
	...deliveredAccount.description,
];
