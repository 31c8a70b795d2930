import type { IExecuteFunctions, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { redactText } from '../secrets';
import { networkFailureOf } from './network';

/** A file's bytes as n8n hands them over: in memory, or streamed from its binary data store. */
export type FileBytes = Buffer | Awaited<ReturnType<IExecuteFunctions['helpers']['getBinaryStream']>>;

export interface PresignedUpload {
	/** The `upload_url` TokPortal signed: a capability, never shown in messages. */
	url: string;
	/** Exactly the Content-Type TokPortal signed the URL for. */
	contentType: string;
	body: FileBytes;
	/** The file's size: storage services refuse uploads of unknown length. */
	size: number;
	itemIndex: number;
}

/** Storage at this machine (the simulator, a local MinIO) may be plain http; anything else must be https. */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Generous for big files on slow links; the signed URL itself expires after about 15 minutes anyway. */
const UPLOAD_TIMEOUT_MS = 15 * 60 * 1000;

function uploadError(node: INode, upload: PresignedUpload, host: string, message: string, description: string): NodeApiError {
	const error = new NodeApiError(node, {} as JsonObject, { message, description, itemIndex: upload.itemIndex });
	Object.assign(error.context, { tokportalCode: 'UPLOAD_FAILED', storageHost: host });
	return error;
}

/** What a storage service said (JSON envelope, S3/R2 XML or text), short and without the signed URL. */
function storageSays(body: unknown, secrets: string[]): string | undefined {
	let text: string | undefined;
	if (Buffer.isBuffer(body)) text = body.toString('utf8');
	else if (typeof body === 'string') text = body;
	else if (body && typeof body === 'object') {
		const error = (body as { error?: { code?: unknown; message?: unknown } }).error;
		text = error ? `${String(error.code ?? '')} ${String(error.message ?? '')}`.trim() : JSON.stringify(body);
	}
	if (!text) return undefined;
	const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
	const message = /<Message>([^<]*)<\/Message>/.exec(text)?.[1];
	const plain = code || message ? `${code ?? ''} ${message ?? ''}`.trim() : text.replace(/<[^>]*>/g, ' ');
	return redactText(plain.replace(/\s+/g, ' ').trim().slice(0, 300), secrets);
}

/**
 * Sends a file's bytes to a presigned `upload_url` (TokPortal's flow for files too big for a direct
 * upload). This request goes to object storage, not TokPortal: it carries no API key (plain
 * `httpRequest`, no credential), only the signed Content-Type and the length, and the bytes stream
 * from n8n's binary store without being read into memory. It is sent once and never retried here: a
 * stream cannot be replayed, and the caller's Retry On Fail asks for the same URL again if needed.
 */
export async function putPresigned(context: IExecuteFunctions, upload: PresignedUpload): Promise<{ etag?: string }> {
	const node = context.getNode();
	let target: URL;
	try {
		target = new URL(upload.url);
	} catch {
		throw uploadError(node, upload, 'unknown', 'TokPortal returned an upload URL that is not a valid address', 'Nothing was uploaded. Try again; if it persists, contact TokPortal support.');
	}
	const host = target.host;
	const secrets = [upload.url, target.search.slice(1)].filter((secret) => secret.length >= 4);
	if (target.protocol !== 'https:' && !(target.protocol === 'http:' && LOOPBACK.has(target.hostname))) {
		throw uploadError(
			node,
			upload,
			host,
			'TokPortal returned an upload URL that does not use https, so the file was not sent',
			`The storage host was ${host}. Nothing was uploaded.`,
		);
	}
	let response: { statusCode: number; body: unknown; headers: Record<string, unknown> };
	try {
		response = (await context.helpers.httpRequest({
			method: 'PUT',
			url: upload.url,
			headers: { 'Content-Type': upload.contentType, 'Content-Length': String(upload.size) },
			body: upload.body as Buffer,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
			encoding: 'text',
			timeout: UPLOAD_TIMEOUT_MS,
			abortSignal: context.getExecutionCancelSignal(),
		})) as typeof response;
	} catch (error) {
		const network = networkFailureOf(error);
		throw uploadError(
			node,
			upload,
			host,
			`The upload to TokPortal's storage (${host}) failed: the connection was lost`,
			`${network?.code ?? 'network error'}. The file may be incomplete there. Run the node again: the upload is repeated in full, and only the last complete upload counts.`,
		);
	}
	if (response.statusCode >= 200 && response.statusCode < 300) {
		const etag = response.headers.etag ?? response.headers.ETag;
		return { etag: typeof etag === 'string' ? etag : undefined };
	}
	const said = storageSays(response.body, secrets);
	const expired = response.statusCode === 403 && /expired/i.test(said ?? '');
	throw uploadError(
		node,
		upload,
		host,
		expired
			? 'TokPortal’s upload URL expired before the file was sent. Run the node again to get a new one.'
			: `TokPortal’s storage (${host}) refused the upload with HTTP ${response.statusCode}`,
		[said ? `Storage says: ${said}` : undefined, 'Nothing usable was uploaded; the video or image cannot be used yet. Run the node again.']
			.filter(Boolean)
			.join('\n'),
	);
}
