import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { DIRECT_UPLOAD_MAX_BYTES } from '../../../shared/constants';
import { apiRequest, putPresigned } from '../../../shared/transport';
import { notSentError } from '../../../shared/validation';
import type { InputFile } from './binaryFile';

export type MediaKind = 'video' | 'image';

export const IMAGE_TYPES = ['image/gif', 'image/jpeg', 'image/png', 'image/webp'];

export interface UploadRequest {
	kind: MediaKind;
	bundleId: string;
	file: InputFile;
	/** Images: carousel or profile_picture. */
	purpose?: string;
	itemIndex: number;
}

function typeProblem(kind: MediaKind, file: InputFile): string | undefined {
	if (file.size === 0) return 'The file is empty (0 bytes): check the node that produced it';
	if (kind === 'video' && !file.contentType.startsWith('video/')) {
		return `"${file.fileName}" is ${file.contentType}, not a video: use Upload Image for pictures, or give the file a video type (MP4, MOV, WebM)`;
	}
	if (kind === 'image' && !IMAGE_TYPES.includes(file.contentType)) {
		return `"${file.fileName}" is ${file.contentType}: TokPortal takes JPEG, PNG, WebP or GIF images`;
	}
	return undefined;
}

async function direct(context: IExecuteFunctions, request: UploadRequest): Promise<IDataObject> {
	const fields: Record<string, string> = { bundle_id: request.bundleId };
	if (request.purpose !== undefined) fields.purpose = request.purpose;
	const { body } = await apiRequest.call(context, {
		method: 'POST',
		path: `/upload/${request.kind}/direct`,
		form: {
			fields,
			file: { field: 'file', fileName: request.file.fileName, contentType: request.file.contentType, data: await request.file.read() },
		},
		itemIndex: request.itemIndex,
	});
	return { ...((body.data ?? {}) as IDataObject), upload_method: 'direct' };
}

/**
 * Large files: TokPortal signs an upload URL (a secret: no Idempotency-Key, never output), then the
 * bytes stream from n8n's binary store straight to storage, without the API key.
 */
async function presigned(context: IExecuteFunctions, request: UploadRequest): Promise<IDataObject> {
	const { file } = request;
	const ask: IDataObject = { filename: file.fileName, content_type: file.contentType, bundle_id: request.bundleId };
	if (request.purpose !== undefined) ask.purpose = request.purpose;
	const { body } = await apiRequest.call(context, { method: 'POST', path: `/upload/${request.kind}`, body: ask, itemIndex: request.itemIndex });
	const data = (body.data ?? {}) as IDataObject;
	const signedType = (data.headers as IDataObject | undefined)?.['Content-Type'];
	if (typeof data.upload_url !== 'string' || data.upload_url === '') {
		throw new NodeOperationError(context.getNode(), 'TokPortal did not return an upload URL, so the file was not sent', {
			itemIndex: request.itemIndex,
			description: 'Try again in a few minutes; if it persists, contact TokPortal support.',
		});
	}
	await putPresigned(context, {
		url: data.upload_url,
		contentType: typeof signedType === 'string' ? signedType : file.contentType,
		body: await file.bytes(),
		size: file.size,
		itemIndex: request.itemIndex,
	});
	const result: IDataObject = {
		public_url: data.public_url,
		filename: file.fileName,
		size_bytes: file.size,
		content_type: typeof signedType === 'string' ? signedType : file.contentType,
		upload_method: 'presigned',
	};
	if (data.storage_path !== undefined) result.storage_path = data.storage_path;
	return result;
}

/** Sends a file: directly up to DIRECT_UPLOAD_MAX_BYTES, through a presigned URL above. */
export async function uploadFile(context: IExecuteFunctions, request: UploadRequest): Promise<IDataObject> {
	const problem = typeProblem(request.kind, request.file);
	if (problem) throw notSentError(context, request.itemIndex, problem);
	return request.file.size <= DIRECT_UPLOAD_MAX_BYTES ? await direct(context, request) : await presigned(context, request);
}
