import type { INodeProperties } from 'n8n-workflow';

import { accountAction } from './accountAction/AccountAction.resource';
import { accountConfiguration } from './accountConfiguration/AccountConfiguration.resource';
import { bundle } from './bundle/Bundle.resource';
import { deliveredAccount } from './deliveredAccount/DeliveredAccount.resource';
import type { TokPortalOperation, TokPortalResource } from './operation';
import { resourceProperties } from './operation';
import { upload } from './upload/Upload.resource';
import { video } from './video/Video.resource';

/** Every resource of the node, once: the Resource dropdown, the fields and the router read this list. */
export const resources: TokPortalResource[] = [accountAction, accountConfiguration, bundle, deliveredAccount, upload, video];

export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources
			.map(({ name, value, description }) => ({ name, value, description }))
			.sort((a, b) => a.name.localeCompare(b.name)),
		default: 'bundle',
	},
	...resources.flatMap(resourceProperties),
];

export function findOperation(resource: string, operation: string): TokPortalOperation | undefined {
	return resources
		.find((candidate) => candidate.value === resource)
		?.operations.find((candidate) => candidate.option.value === operation);
}
