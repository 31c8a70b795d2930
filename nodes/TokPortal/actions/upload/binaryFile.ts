import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { FileBytes } from '../../../shared/transport';
import { NOTHING_SENT, text } from '../../../shared/validation';

/** The input item's file to send, named like n8n's own nodes name it. */
export const binaryPropertyName = text({
	name: 'binaryPropertyName',
	displayName: 'Input Binary Field',
	required: true,
	default: 'data',
	placeholder: 'e.g. data',
	hint: 'The name of the input binary field containing the file to be uploaded',
	description: 'The binary field of the input item that holds the file, e.g. data from Google Drive → Download or Read/Write Files from Disk',
});

const TYPES_BY_EXTENSION: Readonly<Record<string, string>> = {
	mp4: 'video/mp4',
	m4v: 'video/x-m4v',
	mov: 'video/quicktime',
	webm: 'video/webm',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	png: 'image/png',
	webp: 'image/webp',
	gif: 'image/gif',
	csv: 'text/csv',
};

/** A file of an input item, its bytes read only when they are sent. */
export interface InputFile {
	fileName: string;
	/** The file's type; when n8n only knows application/octet-stream, the one its extension implies. */
	contentType: string;
	size: number;
	/** The whole file in memory (small files: direct uploads, CSV). */
	read(): Promise<Buffer>;
	/** The bytes as a stream from n8n's binary store (filesystem / S3 mode), or in memory otherwise. */
	bytes(): Promise<FileBytes>;
}

function base64Size(data: string): number {
	const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
	return Math.max(0, Math.floor((data.length * 3) / 4) - padding);
}

async function sizeOf(context: IExecuteFunctions, binary: IBinaryData): Promise<number> {
	if (typeof binary.bytes === 'number') return binary.bytes;
	if (binary.id) {
		const { fileSize } = await context.helpers.getBinaryMetadata(binary.id);
		return fileSize;
	}
	return base64Size(binary.data);
}

function typeOf(binary: IBinaryData, fileName: string): string {
	const declared = binary.mimeType?.split(';')[0].trim().toLowerCase();
	if (declared && declared !== 'application/octet-stream') return declared;
	const extension = fileName.split('.').pop()?.toLowerCase() ?? '';
	return TYPES_BY_EXTENSION[extension] ?? 'application/octet-stream';
}

/**
 * The file in the item's binary field `propertyName`, without reading it: n8n keeps large files on
 * disk (or in S3) and this streams them from there when they are sent, so a big video is never held
 * in memory twice.
 */
export async function inputFile(context: IExecuteFunctions, itemIndex: number, propertyName: string, fallbackName: string): Promise<InputFile> {
	const item = context.getInputData()[itemIndex];
	const binary = item?.binary?.[propertyName];
	if (!binary) {
		const available = Object.keys(item?.binary ?? {});
		throw new NodeOperationError(
			context.getNode(),
			`"Input Binary Field" is "${propertyName}", but this item has no binary file by that name`,
			{
				itemIndex,
				description: `${available.length ? `Its binary fields: ${available.join(', ')}.` : 'It has no binary data: the node before this one must output a file (e.g. Google Drive → Download, HTTP Request with "File" response).'} ${NOTHING_SENT}`,
			},
		);
	}
	const fileName = binary.fileName || `${fallbackName}${binary.fileExtension ? `.${binary.fileExtension}` : ''}`;
	const size = await sizeOf(context, binary);
	return {
		fileName,
		contentType: typeOf(binary, fileName),
		size,
		read: async () => await context.helpers.getBinaryDataBuffer(itemIndex, propertyName),
		bytes: async () => (binary.id ? await context.helpers.getBinaryStream(binary.id) : await context.helpers.getBinaryDataBuffer(itemIndex, propertyName)),
	};
}
