import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { DIRECT_UPLOAD_MAX_BYTES } from '../../../shared/constants';
import { readItem } from '../../../shared/validation';
import { bundleId } from '../common.fields';
import type { TokPortalOperation } from '../operation';
import { binaryPropertyName, inputFile } from './binaryFile';
import { uploadErrors } from './errors';
import { uploadFile } from './upload';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { bundleId, binaryPropertyName });
	const file = await inputFile(this, itemIndex, input.binaryPropertyName, 'video');
	return await uploadFile(this, { kind: 'video', bundleId: input.bundleId, file, itemIndex });
}

export const uploadVideo: TokPortalOperation = {
	option: {
		name: 'Upload Video',
		value: 'uploadVideo',
		action: 'Upload a video file',
		description: `Upload a video file from the input item to TokPortal’s storage for a bundle. Outputs public_url, to use as Video URL. Files up to ${DIRECT_UPLOAD_MAX_BYTES / 1_000_000} MB go in one request, larger ones through a presigned upload URL, streamed without loading them into memory.`,
	},
	fields: [bundleId, binaryPropertyName],
	errors: uploadErrors,
	execute,
};
