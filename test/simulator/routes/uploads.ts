// Media uploads (notes §12.4): presigned (returns an upload URL served by this simulator), direct
// multipart, and image import from a URL. Public URLs and storage paths feed video configuration
// (video_url, carousel_images) and profile_picture_url.
import { ApiError, validationError } from '../errors';
import {
	DIRECT_UPLOAD_LIMIT,
	IMAGE_MEDIA_TYPES,
	PRESIGN_TTL_MS,
	PRESIGNED_UPLOAD_LIMIT,
	storagePathFor,
	VIDEO_MEDIA_TYPES,
} from '../media';
import type { FilePart } from '../multipart';
import type { RouteContext, RouteDef, RouteResult } from '../router';
import type { Bundle, UploadedObject, UploadPurpose } from '../types';
import { isHttpUrl, type Json, objectBody } from '../validate';

const LOCAL_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];
const FETCH_TIMEOUT_MS = 5000;

type Kind = 'video' | 'image';
const TYPES: Record<Kind, Readonly<Record<string, string>>> = { video: VIDEO_MEDIA_TYPES, image: IMAGE_MEDIA_TYPES };

function uploadBundle(ctx: RouteContext, value: unknown): Bundle {
	if (typeof value !== 'string' || value.trim() === '') {
		throw validationError('bundle_id', 'bundle_id (the bundle the media is for) is required.');
	}
	return ctx.store.ownedBundle(value.trim(), ctx.owner);
}

function requiredText(value: unknown, field: string): string {
	if (typeof value !== 'string' || value.trim() === '') throw validationError(field, `${field} is required.`);
	if (value.length > 255) throw validationError(field, `${field} must be at most 255 characters.`);
	return value.trim();
}

/** The declared type (parameters dropped), or the one the file extension implies. */
function mediaType(kind: Kind, declared: string | undefined, filename: string | null, field: string): { type: string; ext: string } {
	const types = TYPES[kind];
	let type = declared?.split(';')[0].trim().toLowerCase();
	if (!type || type === 'application/octet-stream') {
		const ext = filename?.split('.').pop()?.toLowerCase();
		type = Object.keys(types).find((t) => types[t] === ext || (ext === 'jpeg' && types[t] === 'jpg'));
	}
	if (!type || !types[type]) {
		throw validationError(field, `Unsupported ${kind} type${type ? ` "${type}"` : ''}: use ${Object.keys(types).join(', ')}.`);
	}
	return { type, ext: types[type] };
}

/** Omitted or empty → carousel; an explicit unknown value is refused (notes §12.4). */
function imagePurpose(value: unknown): UploadPurpose {
	if (value === undefined || value === null || value === '') return 'carousel';
	if (value === 'carousel' || value === 'profile_picture') return value;
	throw validationError('purpose', 'purpose must be "carousel" or "profile_picture".');
}

function record(ctx: RouteContext, fields: Omit<UploadedObject, 'id' | 'owner_id' | 'public_url' | 'created_at'>): UploadedObject {
	const upload: UploadedObject = {
		id: ctx.store.newId(),
		owner_id: ctx.owner,
		public_url: ctx.media.publicUrl(fields.storage_path),
		created_at: ctx.store.now(),
		...fields,
	};
	ctx.store.state.uploads.push(upload);
	return upload;
}

function presign(ctx: RouteContext, kind: Kind): RouteResult {
	const o = objectBody(ctx.body);
	const filename = requiredText(o.filename, 'filename');
	if (kind === 'image') requiredText(o.content_type, 'content_type');
	const b = uploadBundle(ctx, o.bundle_id);
	const purpose = kind === 'video' ? 'video' : imagePurpose(o.purpose);
	const { type, ext } = mediaType(kind, typeof o.content_type === 'string' ? o.content_type : undefined, filename, 'content_type');
	const storagePath = storagePathFor(purpose, ctx.owner, b.id, ext);
	const expiresAt = Date.now() + PRESIGN_TTL_MS;
	const upload = record(ctx, {
		bundle_id: b.id,
		purpose,
		method: 'presigned',
		storage_path: storagePath,
		filename,
		content_type: type,
		size_bytes: null,
		sha256: null,
		source_url: null,
		status: 'awaiting_upload',
		uploaded_at: null,
		expires_at: new Date(expiresAt).toISOString(),
	});
	const token = ctx.media.presign({ uploadId: upload.id, storagePath, contentType: type });
	return {
		status: 200,
		body: {
			data: {
				// The capability itself: never handed out by a dry run.
				upload_url: ctx.dryRun ? null : ctx.media.uploadUrl(token),
				...(kind === 'image' && { upload_token: ctx.dryRun ? null : token }),
				method: 'PUT',
				headers: { 'Content-Type': type },
				storage_path: storagePath,
				public_url: upload.public_url,
				expires_at: upload.expires_at,
				max_size_bytes: PRESIGNED_UPLOAD_LIMIT,
			},
		},
	};
}

function filePart(ctx: RouteContext): FilePart {
	const file = ctx.form?.files.find((f) => f.field === 'file');
	if (!file) throw validationError('file', 'Attach the media as the "file" part of a multipart/form-data request.');
	if (file.data.length === 0) throw validationError('file', 'The uploaded file is empty.');
	return file;
}

function storeDirect(ctx: RouteContext, kind: Kind): UploadedObject {
	const form = ctx.form;
	const file = filePart(ctx);
	const b = uploadBundle(ctx, form?.fields.bundle_id);
	const purpose = kind === 'video' ? 'video' : imagePurpose(form?.fields.purpose);
	const { type, ext } = mediaType(kind, file.contentType, file.filename, 'file');
	const storagePath = storagePathFor(purpose, ctx.owner, b.id, ext);
	const stored = ctx.media.put(storagePath, file.data, type);
	return record(ctx, {
		bundle_id: b.id,
		purpose,
		method: 'direct',
		storage_path: storagePath,
		filename: file.filename,
		content_type: type,
		size_bytes: file.data.length,
		sha256: stored.sha256,
		source_url: null,
		status: 'stored',
		uploaded_at: ctx.store.now(),
		expires_at: null,
	});
}

function directVideo(ctx: RouteContext): RouteResult {
	const u = storeDirect(ctx, 'video');
	return {
		status: 201,
		body: { data: { public_url: u.public_url, filename: u.filename, size_bytes: u.size_bytes, content_type: u.content_type } },
	};
}

function directImage(ctx: RouteContext): RouteResult {
	const u = storeDirect(ctx, 'image');
	return {
		status: 201,
		body: {
			data: {
				public_url: u.public_url,
				storage_path: u.storage_path,
				filename: u.filename,
				size_bytes: u.size_bytes,
				content_type: u.content_type,
			},
		},
	};
}

/** Only this machine is ever fetched (tests talk to 127.0.0.1 only); other URLs are recorded, not copied. */
async function fetchLocalImage(url: URL): Promise<{ data: Buffer; type: string }> {
	let res: Response;
	try {
		res = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
	} catch (err) {
		throw validationError('url', `The image could not be downloaded: ${err instanceof Error ? err.message : String(err)}.`);
	}
	if (!res.ok) throw validationError('url', `The image URL answered HTTP ${res.status}.`);
	const data = Buffer.from(await res.arrayBuffer());
	if (data.length === 0) throw validationError('url', 'The image URL returned an empty body.');
	if (data.length > DIRECT_UPLOAD_LIMIT) throw validationError('url', `The image exceeds ${DIRECT_UPLOAD_LIMIT} bytes.`);
	const { type } = mediaType('image', res.headers.get('content-type') ?? undefined, url.pathname, 'url');
	return { data, type };
}

async function fromUrl(ctx: RouteContext): Promise<RouteResult> {
	const o: Json = objectBody(ctx.body);
	const source = requiredText(o.url, 'url');
	if (!isHttpUrl(source)) throw validationError('url', 'url must be a public http(s) link to a JPEG, PNG, WebP or GIF image.');
	const b = uploadBundle(ctx, o.bundle_id);
	const purpose = imagePurpose(o.purpose);
	const url = new URL(source);
	const local = LOCAL_HOSTS.includes(url.hostname);
	const fetched = local ? await fetchLocalImage(url) : null;
	const guessed = fetched ? null : mediaTypeOrNull(url.pathname);
	const ext = fetched ? IMAGE_MEDIA_TYPES[fetched.type] : (guessed?.ext ?? 'jpg');
	const storagePath = storagePathFor(purpose, ctx.owner, b.id, ext);
	const stored = fetched ? ctx.media.put(storagePath, fetched.data, fetched.type) : null;
	const u = record(ctx, {
		bundle_id: b.id,
		purpose,
		method: 'from_url',
		storage_path: storagePath,
		filename: url.pathname.split('/').pop() || null,
		content_type: fetched?.type ?? guessed?.type ?? null,
		size_bytes: fetched?.data.length ?? null,
		sha256: stored?.sha256 ?? null,
		source_url: source,
		status: fetched ? 'stored' : 'recorded',
		uploaded_at: fetched ? ctx.store.now() : null,
		expires_at: null,
	});
	return {
		status: 201,
		body: {
			data: {
				storage_path: u.storage_path,
				public_url: u.public_url,
				source_url: u.source_url,
				size_bytes: u.size_bytes,
				content_type: u.content_type,
			},
		},
	};
}

function mediaTypeOrNull(pathname: string): { type: string; ext: string } | null {
	try {
		return mediaType('image', undefined, pathname, 'url');
	} catch (err) {
		if (err instanceof ApiError) return null;
		throw err;
	}
}

export const uploadRoutes: Array<RouteDef<RouteContext>> = [
	{ method: 'POST', path: '/upload/video', handler: (ctx) => presign(ctx, 'video'), sensitive: true },
	{ method: 'POST', path: '/upload/image', handler: (ctx) => presign(ctx, 'image'), sensitive: true },
	{ method: 'POST', path: '/upload/video/direct', handler: directVideo, body: 'multipart' },
	{ method: 'POST', path: '/upload/image/direct', handler: directImage, body: 'multipart' },
	{ method: 'POST', path: '/upload/image/from-url', handler: fromUrl },
];
