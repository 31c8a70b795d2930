import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { MAX_TEXT_LENGTH } from '../../../shared/constants';
import { apiPath, apiRequest } from '../../../shared/transport';
import { boolean, collection, readItem } from '../../../shared/validation';
import { clearableText, setAndClearProblem, setOrClear } from '../clearable';
import { bundleId } from '../common.fields';
import type { TokPortalOperation } from '../operation';
import { autoFinalizeVideos } from './fields';

const updateFields = collection({
	name: 'updateFields',
	displayName: 'Update Fields',
	placeholder: 'Add Field',
	description: 'At least one is required. Allowed at any bundle status; costs nothing.',
	fields: {
		autoFinalizeVideos: {
			...autoFinalizeVideos,
			property: {
				...autoFinalizeVideos.property,
				description: 'Whether videos are finalized automatically once ready, without your review',
			},
		},
		clearExternalRef: boolean({
			name: 'clearExternalRef',
			displayName: 'Clear External Reference',
			default: true,
			description:
				'Whether to remove the bundle’s External Reference (an empty External Reference is refused instead of clearing it by accident)',
		}),
		clearTitle: boolean({
			name: 'clearTitle',
			displayName: 'Clear Title',
			default: true,
			description: 'Whether to remove the bundle’s title',
		}),
		externalRef: clearableText({
			of: 'bundle',
			name: 'externalRef',
			displayName: 'External Reference',
			description: `Your own ID for the bundle (max ${MAX_TEXT_LENGTH} characters). Must not be used by another of your bundles.`,
		}),
		title: clearableText({
			of: 'bundle',
			name: 'title',
			displayName: 'Title',
			description: `A name for the bundle in TokPortal (max ${MAX_TEXT_LENGTH} characters)`,
		}),
	},
});

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { bundleId, updateFields }, ({ updateFields: fields }) => [
		fields.title === undefined && !fields.clearTitle && fields.externalRef === undefined && !fields.clearExternalRef &&
			fields.autoFinalizeVideos === undefined &&
			'Add at least one field to update under "Update Fields" (or turn on a Clear option)',
		setAndClearProblem('Title', fields.title, fields.clearTitle),
		setAndClearProblem('External Reference', fields.externalRef, fields.clearExternalRef),
	]);
	const fields = input.updateFields;
	const body: IDataObject = {};
	if (fields.autoFinalizeVideos !== undefined) body.auto_finalize_videos = fields.autoFinalizeVideos;
	setOrClear(body, 'external_ref', fields.externalRef, fields.clearExternalRef);
	setOrClear(body, 'title', fields.title, fields.clearTitle);

	const { body: response } = await apiRequest.call(this, {
		method: 'PATCH',
		path: apiPath`/bundles/${input.bundleId}`,
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
	fields: [bundleId, updateFields],
	execute,
};
