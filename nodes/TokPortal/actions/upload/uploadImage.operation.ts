import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readItem } from '../../../shared/validation';
import { bundleId } from '../common.fields';
import type { TokPortalOperation } from '../operation';
import { binaryPropertyName, inputFile } from './binaryFile';
import { uploadErrors } from './errors';
import { purpose } from './fields';
import { uploadFile } from './upload';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { bundleId, binaryPropertyName, purpose });
	const file = await inputFile(this, itemIndex, input.binaryPropertyName, 'image');
	return await uploadFile(this, { kind: 'image', bundleId: input.bundleId, file, purpose: input.purpose, itemIndex });
}

export const uploadImage: TokPortalOperation = {
	option: {
		name: 'Upload Image',
		value: 'uploadImage',
		action: 'Upload an image file',
		description:
			'Upload a JPEG, PNG, WebP or GIF image from the input item for a bundle: a carousel photo or a profile picture. Outputs storage_path, to use in Carousel Images or as Profile Picture URL (and public_url).',
	},
	fields: [bundleId, binaryPropertyName, purpose],
	errors: uploadErrors,
	execute,
};
