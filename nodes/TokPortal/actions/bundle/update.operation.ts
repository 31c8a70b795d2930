import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../transport';
import { bundleIdLocator } from '../common.descriptions';
import type { TokPortalOperation } from '../operation';
import { locatorId } from '../locator';
import { addedText } from './fields';
import { throwIfInvalid, updateProblems } from './validation';

const description: INodeProperties[] = [
	bundleIdLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'At least one is required. Allowed at any bundle status; costs nothing.',
		options: [
			{
				displayName: 'Auto-Finalize Videos',
				name: 'autoFinalizeVideos',
				type: 'boolean',
				default: true,
				description: 'Whether videos are finalized automatically once ready, without your review',
			},
			{
				displayName: 'Clear External Reference',
				name: 'clearExternalRef',
				type: 'boolean',
				default: true,
				description: 'Whether to remove the bundle’s External Reference (an empty External Reference is refused instead of clearing it by accident)',
			},
			{
				displayName: 'Clear Title',
				name: 'clearTitle',
				type: 'boolean',
				default: true,
				description: 'Whether to remove the bundle’s title',
			},
			{
				displayName: 'External Reference',
				name: 'externalRef',
				type: 'string',
				default: '',
				placeholder: 'e.g. acme-spring-2026-us',
				description:
					'Your own ID for the bundle (max 200 characters). Must not be used by another of your bundles.',
			},
			{
				displayName: 'Title',
				name: 'title',
				type: 'string',
				default: '',
				description: 'A name for the bundle in TokPortal (max 200 characters)',
			},
		],
	},
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const bundleId = locatorId.call(this, 'bundleId', itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const input = {
		title: addedText(fields, 'title'),
		clearTitle: fields.clearTitle === true,
		externalRef: addedText(fields, 'externalRef'),
		clearExternalRef: fields.clearExternalRef === true,
		autoFinalizeVideos: fields.autoFinalizeVideos as boolean | undefined,
	};
	throwIfInvalid(this.getNode(), updateProblems(input), itemIndex);

	const body: IDataObject = {};
	if (input.autoFinalizeVideos !== undefined) body.auto_finalize_videos = input.autoFinalizeVideos;
	if (input.clearExternalRef) body.external_ref = null;
	else if (input.externalRef !== undefined) body.external_ref = input.externalRef;
	if (input.clearTitle) body.title = null;
	else if (input.title !== undefined) body.title = input.title;

	const { body: response } = await apiRequest.call(this, {
		method: 'PATCH',
		path: apiPath`/bundles/${bundleId}`,
		body,
		itemIndex,
	});
	return (response.data ?? {}) as IDataObject;
}

export const update: TokPortalOperation = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a bundle',
		description:
			'Change a bundle’s title, External Reference or Auto-Finalize Videos setting, at any status and free of charge. Clear Title / Clear External Reference remove them.',
	},
	description,
	execute,
};
