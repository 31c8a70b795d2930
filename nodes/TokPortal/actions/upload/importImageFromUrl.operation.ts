import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiRequest } from '../../../shared/transport';
import { readItem, url } from '../../../shared/validation';
import { bundleId } from '../common.fields';
import type { TokPortalOperation } from '../operation';
import { uploadErrors } from './errors';
import { purpose } from './fields';

const imageUrl = url({
	name: 'url',
	displayName: 'Image URL',
	required: true,
	placeholder: 'e.g. https://cdn.example.com/photos/look-01.jpg',
	description: 'A public direct link to a JPEG, PNG, WebP or GIF image. TokPortal stores its own copy (each run stores a new one).',
});

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { bundleId, url: imageUrl, purpose });
	const { body } = await apiRequest.call(this, {
		method: 'POST',
		path: '/upload/image/from-url',
		body: { url: input.url, bundle_id: input.bundleId, purpose: input.purpose },
		itemIndex,
	});
	return (body.data ?? {}) as IDataObject;
}

export const importImageFromUrl: TokPortalOperation = {
	option: {
		name: 'Import Image From URL',
		value: 'importImageFromUrl',
		action: 'Import an image from a URL',
		description:
			'Have TokPortal copy an image from a public link into its storage for a bundle (carousel photo or profile picture). Outputs storage_path, to use in Carousel Images or as Profile Picture URL.',
	},
	fields: [bundleId, imageUrl, purpose],
	errors: uploadErrors,
	execute,
};
