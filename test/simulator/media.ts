// Uploaded bytes and presigned upload targets (notes §12.4). Bytes live here, outside SimState, so a
// dry run never copies them and /_sim/state stays small; SimState.uploads holds the metadata.
import { createHash, randomBytes } from 'node:crypto';
import { REQUEST_BODY_LIMIT } from './httpUtil';
import type { UploadPurpose } from './types';

/** Served by the simulator itself on 127.0.0.1: public URLs and presigned upload URLs. */
export const STORAGE_PREFIX = '/storage';
/** Direct (multipart) uploads are API requests, so they share the request body limit. */
export const DIRECT_UPLOAD_LIMIT = REQUEST_BODY_LIMIT;
/** A PUT to a presigned URL goes to object storage, not the API: simulator cap (R2 itself allows 5 GB). */
export const PRESIGNED_UPLOAD_LIMIT = 512 * 1024 * 1024;
/** "Short-lived" (notes §12.4); no duration is documented. */
export const PRESIGN_TTL_MS = 15 * 60 * 1000;

export const VIDEO_MEDIA_TYPES: Readonly<Record<string, string>> = {
	'video/mp4': 'mp4',
	'video/quicktime': 'mov',
	'video/webm': 'webm',
	'video/x-m4v': 'm4v',
};
/** JPEG/PNG/WebP/GIF (notes §12.4, image from URL). */
export const IMAGE_MEDIA_TYPES: Readonly<Record<string, string>> = {
	'image/jpeg': 'jpg',
	'image/png': 'png',
	'image/webp': 'webp',
	'image/gif': 'gif',
};

/** What a presigned URL allows; its expiry is the upload record's `expires_at` (SimState). */
export interface PresignedTarget {
	uploadId: string;
	storagePath: string;
	contentType: string;
}

export interface StoredObject {
	data: Buffer;
	contentType: string;
	sha256: string;
}

/** What route handlers may do with media; a dry run gets a view whose writes go nowhere. */
export interface MediaAccess {
	publicUrl(storagePath: string): string;
	uploadUrl(token: string): string;
	put(storagePath: string, data: Buffer, contentType: string): StoredObject;
	get(storagePath: string): StoredObject | undefined;
	presign(target: PresignedTarget): string;
}

export function sha256(data: Buffer): string {
	return createHash('sha256').update(data).digest('hex');
}

export class MediaStore implements MediaAccess {
	private readonly objects = new Map<string, StoredObject>();
	private readonly targets = new Map<string, PresignedTarget>();
	private origin = 'http://127.0.0.1';

	/** Set once the server listens, so public URLs carry the real port. */
	setOrigin(origin: string): void {
		this.origin = origin;
	}

	publicUrl(storagePath: string): string {
		return `${this.origin}${STORAGE_PREFIX}/${storagePath}`;
	}

	uploadUrl(token: string): string {
		return `${this.origin}${STORAGE_PREFIX}/upload/${token}`;
	}

	/** The storage path behind one of our public URLs (or the path itself). */
	pathOf(ref: string): string {
		const prefix = `${this.origin}${STORAGE_PREFIX}/`;
		return ref.startsWith(prefix) ? ref.slice(prefix.length) : ref;
	}

	put(storagePath: string, data: Buffer, contentType: string): StoredObject {
		const stored = { data: Buffer.from(data), contentType, sha256: sha256(data) };
		this.objects.set(storagePath, stored);
		return stored;
	}

	get(storagePath: string): StoredObject | undefined {
		return this.objects.get(storagePath);
	}

	presign(target: PresignedTarget): string {
		const token = randomBytes(24).toString('base64url');
		this.targets.set(token, target);
		return token;
	}

	target(token: string): PresignedTarget | undefined {
		return this.targets.get(token);
	}

	dryRunView(): MediaAccess {
		return {
			publicUrl: (p) => this.publicUrl(p),
			uploadUrl: (t) => this.uploadUrl(t),
			put: (_p, data, contentType) => ({ data, contentType, sha256: sha256(data) }),
			get: (p) => this.get(p),
			presign: () => 'dry-run',
		};
	}
}

export function storagePathFor(purpose: UploadPurpose, owner: string, bundleId: string, ext: string): string {
	const name = `${Date.now()}-${randomBytes(4).toString('hex')}.${ext}`;
	if (purpose === 'video') return `videos/${bundleId}/${name}`;
	const folder = purpose === 'carousel' ? 'carousel-images' : 'profile-pictures';
	return `${folder}/org_${owner}/${bundleId}/photo-${name}`;
}
