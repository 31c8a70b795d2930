import type { TokPortalResource } from '../operation';
import { importImageFromUrl } from './importImageFromUrl.operation';
import { uploadImage } from './uploadImage.operation';
import { uploadVideo } from './uploadVideo.operation';

export const upload: TokPortalResource = {
	name: 'Upload',
	value: 'upload',
	description: 'Media files for a bundle’s videos and profile picture: outputs public_url / storage_path to use there',
	defaultOperation: 'uploadVideo',
	operations: [importImageFromUrl, uploadImage, uploadVideo],
};
