import type { INodeProperties } from 'n8n-workflow';

import { accountAction } from './accountAction/AccountAction.resource';
import { accountConfiguration } from './accountConfiguration/AccountConfiguration.resource';
import { analytics } from './analytics/Analytics.resource';
import { bundle } from './bundle/Bundle.resource';
import { comment } from './comment/Comment.resource';
import { credit } from './credit/Credit.resource';
import { deliveredAccount } from './deliveredAccount/DeliveredAccount.resource';
import type { TokPortalOperation, TokPortalResource } from './operation';
import { webhook } from './webhook/Webhook.resource';
import { resourceProperties } from './operation';
import { reference } from './reference/Reference.resource';
import { upload } from './upload/Upload.resource';
import { user } from './user/User.resource';
import { video } from './video/Video.resource';
import { warming } from './warming/Warming.resource';

/** Every resource of the node, once: the Resource dropdown, the fields and the router read this list. */
export const resources: TokPortalResource[] = [
	accountAction,
	accountConfiguration,
	analytics,
	bundle,
	comment,
	credit,
	deliveredAccount,
	reference,
	upload,
	user,
	video,
	warming,
	webhook,
];

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
