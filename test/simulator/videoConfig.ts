// The body of a video configuration (notes §9.2), shared by PUT one slot, the batch and the CSV
// import: field types, per-type requirements and platform-only fields. Date rules that depend on
// the bundle's state are in videoSchedule.ts.
import { ApiError, validationError } from './errors';
import type { VideoContent, VideoType } from './types';
import { isHttpUrl, isStoragePath, type Json } from './validate';
import { parseDay } from './videoSchedule';

export const VIDEO_TYPES: readonly VideoType[] = ['video', 'carousel', 'story'];
const MAX_CAROUSEL_IMAGES = 20;

const CONTENT_FIELDS = [
	'video_type',
	'target_publish_date',
	'description',
	'video_url',
	'carousel_images',
	'carousel_title',
	'story_image_url',
	'story_repost_url',
	'tiktok_sound_url',
	'volume_original_sound',
	'volume_added_sound',
	'editing_instructions',
	'instagram_content_type',
	'instagram_location',
	'instagram_collaborators',
	'instagram_audio_name',
	'instagram_add_to_story',
	'ai_content_disclaimer',
	'disclose_as_ads',
	'instant_repost_as_story',
] as const;
const METADATA_FIELDS = ['name', 'external_ref'] as const;
const YOUTUBE_FIELDS = ['youtube_title', 'youtube_tags', 'youtube_category', 'youtube_visibility', 'youtube_sound_url'];
const INSTAGRAM_ONLY = [
	'instagram_content_type',
	'instagram_location',
	'instagram_collaborators',
	'instagram_audio_name',
	'instagram_add_to_story',
] as const;

/** Which type each type-specific field belongs to (fields not listed apply to every type). */
const TYPE_ONLY: Record<string, readonly VideoType[]> = {
	description: ['video', 'carousel'],
	video_url: ['video', 'story'],
	carousel_images: ['carousel'],
	carousel_title: ['carousel'],
	story_image_url: ['story'],
	story_repost_url: ['story'],
	tiktok_sound_url: ['video', 'carousel'],
	instagram_content_type: ['video', 'carousel'],
};

export interface VideoInput {
	content: VideoContent;
	/** undefined = unchanged (metadata is not replaced by a configuration). */
	name?: string | null;
	external_ref?: string | null;
	auto_publish?: boolean;
}

export interface ParseOptions {
	platform: string;
	/** Batch items carry `position` and may not carry `auto_publish` (it is top-level there). */
	batchItem?: boolean;
}

function given(o: Json, field: string): boolean {
	return o[field] !== undefined && o[field] !== null;
}

function text(o: Json, field: string, max?: number): string | null {
	if (!given(o, field)) return null;
	const v = o[field];
	if (typeof v !== 'string' || v.trim() === '') throw validationError(field, `${field} must be a non-empty string.`);
	if (max !== undefined && v.length > max) throw validationError(field, `${field} must be at most ${max} characters.`);
	return v;
}

function mediaRef(o: Json, field: string, allowStoragePath: boolean): string | null {
	const v = text(o, field);
	if (v === null || isHttpUrl(v) || (allowStoragePath && isStoragePath(v))) return v;
	throw validationError(
		field,
		`${field} must be an http(s) URL${allowStoragePath ? ' or an upload storage_path' : ''} (got "${v}").`,
	);
}

function flag(o: Json, field: string): boolean {
	if (!given(o, field)) return false;
	if (typeof o[field] !== 'boolean') throw validationError(field, `${field} must be true or false.`);
	return o[field] as boolean;
}

function volume(o: Json, field: string): number | null {
	if (!given(o, field)) return null;
	const v = o[field];
	if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 100) {
		throw validationError(field, `${field} must be a whole number from 0 to 100, or null.`);
	}
	return v;
}

function stringList(o: Json, field: string, min: number, max: number, item: (v: string) => boolean): string[] | null {
	if (!given(o, field)) return null;
	const v = o[field];
	if (!Array.isArray(v) || v.length < min || v.length > max || !v.every((x) => typeof x === 'string' && item(x))) {
		throw validationError(field, `${field} must be a list of ${min}–${max} valid entries.`);
	}
	return [...(v as string[])];
}

function metadata(o: Json, field: string): string | null | undefined {
	if (o[field] === undefined) return undefined;
	if (o[field] === null) return null;
	return text(o, field, 200);
}

function rejectUnknown(o: Json, opts: ParseOptions): void {
	for (const key of Object.keys(o)) {
		if (key === 'target_publish_end_date') {
			throw new ApiError(
				400,
				'UNKNOWN_FIELD',
				'target_publish_end_date cannot be set here: the posting window is target_publish_date and the next day. Use PATCH to set an explicit window.',
				{ field: key },
			);
		}
		if (key === 'auto_publish' && opts.batchItem) {
			throw validationError(key, 'auto_publish is a top-level option of the batch: move it out of the videos[] items.');
		}
		if (YOUTUBE_FIELDS.includes(key)) {
			throw validationError(key, `${key} only applies to YouTube bundles, which cannot be ordered yet.`);
		}
		const known =
			(CONTENT_FIELDS as readonly string[]).includes(key) ||
			(METADATA_FIELDS as readonly string[]).includes(key) ||
			key === 'auto_publish' ||
			(key === 'position' && opts.batchItem);
		if (!known) throw new ApiError(400, 'UNKNOWN_FIELD', `Unknown field: ${key}.`, { field: key });
	}
}

function requireField(ok: boolean, field: string, message: string): void {
	if (!ok) throw validationError(field, message);
}

/** Validates one configuration; every problem names its field. */
export function parseVideoConfig(o: Json, opts: ParseOptions): VideoInput {
	rejectUnknown(o, opts);
	const type = o.video_type;
	if (typeof type !== 'string' || !VIDEO_TYPES.includes(type as VideoType)) {
		throw validationError('video_type', `video_type is required: one of ${VIDEO_TYPES.join(', ')}.`);
	}
	const videoType = type as VideoType;
	if (!given(o, 'target_publish_date')) {
		throw validationError('target_publish_date', 'target_publish_date (YYYY-MM-DD) is required.');
	}
	for (const [field, types] of Object.entries(TYPE_ONLY)) {
		if (given(o, field) && !types.includes(videoType)) {
			throw validationError(field, `${field} does not apply to video_type "${videoType}" (only ${types.join(', ')}).`);
		}
	}
	const instagram = opts.platform === 'instagram';
	for (const field of INSTAGRAM_ONLY) {
		if (given(o, field) && !instagram) throw validationError(field, `${field} is only available on Instagram.`);
	}
	if (given(o, 'tiktok_sound_url') && opts.platform !== 'tiktok') {
		throw validationError('tiktok_sound_url', 'tiktok_sound_url is only available on TikTok.');
	}
	const start = parseDay(o.target_publish_date, 'target_publish_date');
	const content: VideoContent = {
		video_type: videoType,
		description: text(o, 'description'),
		video_url: mediaRef(o, 'video_url', true),
		carousel_images: stringList(o, 'carousel_images', 1, MAX_CAROUSEL_IMAGES, (x) => isHttpUrl(x) || isStoragePath(x)),
		carousel_title: text(o, 'carousel_title'),
		story_image_url: mediaRef(o, 'story_image_url', true),
		story_repost_url: mediaRef(o, 'story_repost_url', false),
		tiktok_sound_url: mediaRef(o, 'tiktok_sound_url', false),
		volume_original_sound: volume(o, 'volume_original_sound'),
		volume_added_sound: volume(o, 'volume_added_sound'),
		editing_instructions: text(o, 'editing_instructions'),
		instagram_content_type: null,
		instagram_location: text(o, 'instagram_location'),
		instagram_collaborators: stringList(o, 'instagram_collaborators', 1, 20, (x) => x.trim() !== ''),
		instagram_audio_name: text(o, 'instagram_audio_name'),
		instagram_add_to_story: flag(o, 'instagram_add_to_story'),
		ai_content_disclaimer: flag(o, 'ai_content_disclaimer'),
		disclose_as_ads: flag(o, 'disclose_as_ads'),
		instant_repost_as_story: flag(o, 'instant_repost_as_story'),
		target_publish_start_date: start,
		target_publish_end_date: null,
	};
	if (given(o, 'instagram_content_type')) {
		requireField(
			o.instagram_content_type === 'reel' || o.instagram_content_type === 'post',
			'instagram_content_type',
			'instagram_content_type must be "reel" or "post".',
		);
		content.instagram_content_type = o.instagram_content_type as 'reel' | 'post';
	}
	if (videoType !== 'story') {
		requireField(content.description !== null, 'description', `description is required for a ${videoType}.`);
		if (instagram) {
			requireField(
				content.instagram_content_type !== null,
				'instagram_content_type',
				'instagram_content_type ("reel" or "post") is required on Instagram.',
			);
		}
	}
	if (videoType === 'video') requireField(content.video_url !== null, 'video_url', 'video_url is required for a video.');
	if (videoType === 'carousel') {
		requireField(content.carousel_images !== null, 'carousel_images', 'carousel_images (1–20 images) is required for a carousel.');
		if (opts.platform === 'tiktok') {
			requireField(content.tiktok_sound_url !== null, 'tiktok_sound_url', 'tiktok_sound_url is required for a TikTok carousel.');
		}
	}
	if (videoType === 'story') {
		requireField(
			(content.video_url === null) !== (content.story_image_url === null),
			content.video_url === null ? 'story_image_url' : 'video_url',
			'A story needs exactly one of video_url or story_image_url.',
		);
	}
	const input: VideoInput = { content, name: metadata(o, 'name'), external_ref: metadata(o, 'external_ref') };
	if (o.auto_publish !== undefined) {
		if (typeof o.auto_publish !== 'boolean') throw validationError('auto_publish', 'auto_publish must be true or false.');
		input.auto_publish = o.auto_publish;
	}
	return input;
}

/** Fields that fix-download may replace, and which types they belong to. */
export function parseMediaFix(o: Json, videoType: VideoType | null): Partial<Pick<VideoContent, 'video_url' | 'carousel_images'>> {
	const unknown = Object.keys(o).find((k) => k !== 'video_url' && k !== 'carousel_images');
	if (unknown) throw new ApiError(400, 'UNKNOWN_FIELD', `Unknown field: ${unknown}.`, { field: unknown });
	const fix: Partial<Pick<VideoContent, 'video_url' | 'carousel_images'>> = {};
	if (given(o, 'video_url')) {
		requireField(videoType === 'video' || videoType === 'story', 'video_url', `video_url does not apply to a ${videoType}.`);
		fix.video_url = mediaRef(o, 'video_url', true);
	}
	if (given(o, 'carousel_images')) {
		requireField(videoType === 'carousel', 'carousel_images', `carousel_images does not apply to a ${videoType}.`);
		fix.carousel_images = stringList(o, 'carousel_images', 1, MAX_CAROUSEL_IMAGES, (x) => isHttpUrl(x) || isStoragePath(x));
	}
	requireField(Object.keys(fix).length > 0, 'body', 'Provide video_url or carousel_images.');
	return fix;
}
