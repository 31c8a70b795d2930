import { randomBytes } from 'crypto';

/** A multipart/form-data body: text fields and one file (TokPortal's upload and CSV import calls). */
export interface MultipartForm {
	fields: Record<string, string>;
	file: {
		/** The form field that carries the file, e.g. `file`. */
		field: string;
		fileName: string;
		contentType: string;
		data: Buffer;
	};
}

/** A header parameter value: quotes, backslashes and line breaks could end the header or the part. */
function quoted(value: string): string {
	return `"${value.replace(/[\r\n]+/g, ' ').replace(/(["\\])/g, '\\$1')}"`;
}

/**
 * `filename="…"` for every client, plus RFC 5987's `filename*=UTF-8''…` when the name is not plain
 * ASCII, so "Clip été 🎬.mp4" arrives as it is named.
 */
function fileNameParameters(fileName: string): string {
	const ascii = fileName.replace(/[^\x20-\x7e]/g, '_');
	const plain = `filename=${quoted(ascii)}`;
	if (ascii === fileName) return plain;
	const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
	return `${plain}; filename*=UTF-8''${encoded}`;
}

/**
 * The body and Content-Type of a form (RFC 7578). The file's bytes are copied once into the body:
 * only files below the direct-upload threshold are sent this way (larger ones go to a presigned URL
 * as a stream), so the copy stays small.
 */
export function multipartBody(form: MultipartForm, boundary = `----n8n-tokportal-${randomBytes(12).toString('hex')}`): {
	body: Buffer;
	contentType: string;
} {
	const parts: Buffer[] = [];
	for (const [name, value] of Object.entries(form.fields)) {
		parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name=${quoted(name)}\r\n\r\n${value}\r\n`, 'utf8'));
	}
	const { file } = form;
	parts.push(
		Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name=${quoted(file.field)}; ${fileNameParameters(file.fileName)}\r\n` +
				`Content-Type: ${file.contentType.replace(/[\r\n]/g, '')}\r\n\r\n`,
			'utf8',
		),
		file.data,
		Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
	);
	return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
