import type { IDataObject } from 'n8n-workflow';

import { headerValue } from './headers';

/** A file TokPortal answered with (the CSV export, an HTML report): its bytes, type and name. */
export interface DownloadedFile {
	data: Buffer;
	/** The media type without parameters, e.g. `text/csv`. */
	mimeType: string;
	/** From Content-Disposition, reduced to a plain file name; undefined when TokPortal gave none. */
	fileName?: string;
}

/** The Accept header of a download: the file's type first; errors still come as JSON. */
export function downloadAccept(mimeType: string): string {
	return `${mimeType}, application/json;q=0.5`;
}

function mediaType(headers: Record<string, unknown>): string | undefined {
	const value = headerValue(headers, 'content-type');
	return value?.split(';')[0].trim().toLowerCase() || undefined;
}

/**
 * `attachment; filename="report.csv"` (or RFC 5987's `filename*=UTF-8''…`) → `report.csv`. Anything
 * that could point elsewhere on disk (folders, `..`) or break a header is removed.
 */
export function fileNameOf(headers: Record<string, unknown>): string | undefined {
	const disposition = headerValue(headers, 'content-disposition');
	if (!disposition) return undefined;
	let name: string | undefined;
	const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
	if (extended) {
		try {
			name = decodeURIComponent(extended[1].trim());
		} catch {
			name = undefined;
		}
	}
	name ??= /filename\s*=\s*"([^"]*)"/.exec(disposition)?.[1] ?? /filename\s*=\s*([^;\s]+)/.exec(disposition)?.[1];
	if (name === undefined) return undefined;
	const plain = (name.split(/[\\/]/).pop() ?? '')
		.split('')
		.filter((character) => character.charCodeAt(0) >= 32 && character.charCodeAt(0) !== 127)
		.join('')
		.trim();
	return plain === '' || /^\.+$/.test(plain) ? undefined : plain;
}

function toBuffer(body: unknown): Buffer {
	if (Buffer.isBuffer(body)) return body;
	if (body instanceof ArrayBuffer) return Buffer.from(body);
	if (typeof body === 'string') return Buffer.from(body, 'utf8');
	if (body === undefined || body === null) return Buffer.alloc(0);
	return Buffer.from(JSON.stringify(body), 'utf8');
}

/**
 * A download's answer: the file, or — when TokPortal answered JSON instead (an envelope such as a
 * dry run's) — that JSON as the body and no file.
 */
export function readDownload(
	headers: Record<string, unknown>,
	body: unknown,
	expected: string,
): { body: IDataObject; file?: DownloadedFile } {
	const data = toBuffer(body);
	const type = mediaType(headers);
	if (type === 'application/json') return { body: (decodeBody(data) as IDataObject | undefined) ?? {} };
	return { body: {}, file: { data, mimeType: type ?? expected, fileName: fileNameOf(headers) } };
}

/** An error answer read as bytes: TokPortal's JSON envelope when it is one, otherwise its text. */
export function decodeBody(body: unknown): unknown {
	if (!Buffer.isBuffer(body) && !(body instanceof ArrayBuffer)) return body;
	const text = toBuffer(body).toString('utf8');
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}
