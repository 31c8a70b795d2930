import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { MAX_TEXT_LENGTH } from '../../../shared/constants';
import { apiPath, apiRequest } from '../../../shared/transport';
import { boolean, collection, readItem, text } from '../../../shared/validation';
import { bundleId } from '../common.fields';
import type { TokPortalOperation } from '../operation';
import { autoFinalizeVideos } from './fields';

/** An empty value never clears a field by accident (e.g. a missing sheet column): clearing is explicit. */
function clearable(name: string, displayName: string, description: string) {
	return text({
		name,
		displayName,
		maxLength: MAX_TEXT_LENGTH,
		refuseBlank: true,
		blankRule: `is empty. To remove it from the bundle, use "Clear ${displayName}" instead`,
		description,
	});
}

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
		externalRef: clearable(
			'externalRef',
			'External Reference',
			`Your own ID for the bundle (max ${MAX_TEXT_LENGTH} characters). Must not be used by another of your bundles.`,
		),
		title: clearable('title', 'Title', `A name for the bundle in TokPortal (max ${MAX_TEXT_LENGTH} characters)`),
	},
});

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { bundleId, updateFields }, ({ updateFields: fields }) => [
		fields.title === undefined && !fields.clearTitle && fields.externalRef === undefined && !fields.clearExternalRef &&
			fields.autoFinalizeVideos === undefined &&
			'Add at least one field to update under "Update Fields" (or turn on a Clear option)',
		fields.clearTitle && fields.title !== undefined && '"Title" and "Clear Title" cannot be used together: remove one',
		fields.clearExternalRef && fields.externalRef !== undefined &&
			'"External Reference" and "Clear External Reference" cannot be used together: remove one',
	]);
	const fields = input.updateFields;
	const body: IDataObject = {};
	if (fields.autoFinalizeVideos !== undefined) body.auto_finalize_videos = fields.autoFinalizeVideos;
	if (fields.clearExternalRef) body.external_ref = null;
	else if (fields.externalRef !== undefined) body.external_ref = fields.externalRef;
	if (fields.clearTitle) body.title = null;
	else if (fields.title !== undefined) body.title = fields.title;

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
