import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { MAX_TEXT_LENGTH } from '../../../shared/constants';
import type { Field, ItemReader } from '../../../shared/validation';
import { boolean, collection, date, integer, isBlank, list, media, options, shown, text, toIdentifier, toInteger, url } from '../../../shared/validation';

/** Fields the video operations share, in TokPortal's rules (notes §9.2). */

export const VIDEO_TYPES = ['video', 'carousel', 'story'] as const;
export type VideoType = (typeof VIDEO_TYPES)[number];

export const MAX_CAROUSEL_IMAGES = 20;
export const MAX_COLLABORATORS = 20;

/**
 * The slot of a bundle: a dropdown of the chosen bundle's slots with their status, or a number from
 * an expression. `required: false` lets Configure Many leave it empty (the next free slot).
 */
export function positionField<R extends boolean>(required: R, description: string): Field<number, R> {
	const property: INodeProperties = {
		displayName: 'Position Name or ID',
		name: 'position',
		type: 'options',
		default: '',
		typeOptions: { loadOptionsMethod: 'getVideoSlots', loadOptionsDependsOn: ['bundleId.value'] },
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: description,
	};
	if (required) property.required = true;
	return {
		property,
		fallback: '',
		rules: { kind: 'integer', required, number: { min: 1 } },
		read(raw) {
			if (isBlank(raw)) return required ? { problem: 'is required' } : { value: undefined };
			const value = toInteger(raw, { min: 1 });
			return value.problem === undefined
				? value
				: { problem: `must be a video slot number: a whole number of 1 or more (got ${shown(raw)})` };
		},
	};
}

export const videoType = options<VideoType>({
	name: 'videoType',
	displayName: 'Video Type',
	required: true,
	default: 'video',
	description: 'What is posted in this slot',
	options: [
		{
			name: 'Carousel',
			value: 'carousel',
			description: 'Photos (1–20) with a description; on TikTok also a sound',
		},
		{ name: 'Story', value: 'story', description: 'A story: one video or one image, no description' },
		{ name: 'Video', value: 'video', description: 'A video with a description' },
	],
});

export const description = text({
	name: 'description',
	displayName: 'Description',
	rows: 3,
	placeholder: 'e.g. New drop this Friday 🔥 #streetstyle',
	description: 'The caption posted with the video or carousel (hashtags included). Required for videos and carousels; stories have none.',
	displayOptions: { show: { videoType: ['video', 'carousel'] } },
});

export const videoUrl = media({
	name: 'videoUrl',
	displayName: 'Video URL',
	placeholder: 'e.g. https://cdn.example.com/clips/launch-01.mp4',
	description:
		'The video file: the public_url of Upload → Upload Video, or a public direct link (Google Drive, Dropbox…) that stays online for 30 days. Required for videos; a story takes this or Story Image URL.',
	displayOptions: { show: { videoType: ['video', 'story'] } },
});

export const carouselImages = list({
	name: 'carouselImages',
	displayName: 'Carousel Images',
	item: media({
		name: 'carouselImage',
		displayName: 'Carousel Image',
	}),
	minItems: 1,
	maxItems: MAX_CAROUSEL_IMAGES,
	placeholder: 'e.g. https://cdn.example.com/slides/1.jpg, https://cdn.example.com/slides/2.jpg',
	description: `The photos in order (1–${MAX_CAROUSEL_IMAGES}), separated by commas or as a list from an expression: storage_path values from Upload → Upload Image (purpose Carousel), or public image links. Required for carousels.`,
	displayOptions: { show: { videoType: ['carousel'] } },
});

export const storyImageUrl = media({
	name: 'storyImageUrl',
	displayName: 'Story Image URL',
	placeholder: 'e.g. https://cdn.example.com/stories/teaser.jpg',
	description: 'A story made of one image (instead of Video URL): a public image link or an upload’s storage_path',
	displayOptions: { show: { videoType: ['story'] } },
});

export function targetPublishDateField(required: boolean, description: string) {
	return date({
		name: 'targetPublishDate',
		displayName: 'Target Publish Date',
		required,
		placeholder: 'e.g. 2026-06-05',
		description,
	});
}

/** A choice a sheet cell may leave empty: empty means "not set", like the text fields below. */
function blankIsUnset<T, A extends boolean>(field: Field<T, A>): Field<T, A> {
	return { ...field, read: (raw) => (isBlank(raw) ? { value: undefined } : field.read(raw)) };
}

/**
 * The documented optional fields, in TokPortal's names once sent. An empty value (a sheet cell left
 * blank) means "not set": rows differ in which of these they use.
 */
export const contentFields = {
	aiContentDisclaimer: boolean({
		name: 'aiContentDisclaimer',
		displayName: 'AI Content Disclaimer',
		default: true,
		description: 'Whether the post is labelled as AI-generated content',
	}),
	carouselTitle: text({
		name: 'carouselTitle',
		displayName: 'Carousel Title',
		placeholder: 'e.g. 5 looks for spring',
		description: 'Carousels only: a title shown on the carousel',
	}),
	discloseAsAds: boolean({
		name: 'discloseAsAds',
		displayName: 'Disclose as Ad',
		default: true,
		description: 'Whether the post is disclosed as paid partnership / advertising content',
	}),
	editingInstructions: text({
		name: 'editingInstructions',
		displayName: 'Editing Instructions',
		rows: 3,
		placeholder: 'e.g. Cut to 15 s, add captions, keep the logo at the end',
		description: 'What TokPortal’s editors should do with the footage. Uses one of the bundle’s edit slots (Bundle → Add Edit Slots).',
	}),
	externalRef: text({
		name: 'externalRef',
		displayName: 'External Reference',
		maxLength: MAX_TEXT_LENGTH,
		placeholder: 'e.g. acme-clip-01',
		description: `Your own ID for this video, such as a sheet row or clip ID (max ${MAX_TEXT_LENGTH} characters). It comes back in every video.* event.`,
	}),
	instagramAddToStory: boolean({
		name: 'instagramAddToStory',
		displayName: 'Instagram Add to Story',
		default: true,
		description: 'Whether the Instagram post is also shared to the story (Instagram only)',
	}),
	instagramAudioName: text({
		name: 'instagramAudioName',
		displayName: 'Instagram Audio Name',
		placeholder: 'e.g. Espresso - Sabrina Carpenter',
		description: 'The Instagram sound to use (Instagram only)',
	}),
	instagramCollaborators: list({
		name: 'instagramCollaborators',
		displayName: 'Instagram Collaborators',
		item: text({ name: 'instagramCollaborator', displayName: 'Instagram Collaborator', refuseBlank: true }),
		minItems: 1,
		maxItems: MAX_COLLABORATORS,
		placeholder: 'e.g. acme_official, jane.doe',
		description: `Instagram only: up to ${MAX_COLLABORATORS} accounts invited as collaborators, separated by commas`,
	}),
	instagramContentType: blankIsUnset(options<'reel' | 'post'>({
		name: 'instagramContentType',
		displayName: 'Instagram Content Type',
		default: 'reel',
		description:
			'Required on Instagram (except stories): Reel, or Post. A carousel as Reel is a "fixed photos" video, as Post a swipeable carousel.',
		options: [
			{ name: 'Post', value: 'post', description: 'A feed post (a carousel becomes swipeable)' },
			{ name: 'Reel', value: 'reel', description: 'A reel (a carousel becomes a fixed-photos video)' },
		],
	})),
	instagramLocation: text({
		name: 'instagramLocation',
		displayName: 'Instagram Location',
		placeholder: 'e.g. Brooklyn, New York',
		description: 'The location tagged on the post (Instagram only)',
	}),
	instantRepostAsStory: boolean({
		name: 'instantRepostAsStory',
		displayName: 'Instant Repost as Story',
		default: true,
		description: 'Whether the post is reposted to the story right away (1 credit, once per video)',
	}),
	name: text({
		name: 'name',
		displayName: 'Name',
		maxLength: MAX_TEXT_LENGTH,
		placeholder: 'e.g. Launch clip 1',
		description: `An internal name for the video in TokPortal (max ${MAX_TEXT_LENGTH} characters; default "Video N")`,
	}),
	storyRepostUrl: url({
		name: 'storyRepostUrl',
		displayName: 'Story Repost URL',
		placeholder: 'e.g. https://www.tiktok.com/@acme/video/7312345678901234567',
		description: 'Stories only: a post on the same platform to repost in the story (1 credit, once per video)',
	}),
	tiktokSoundUrl: url({
		name: 'tiktokSoundUrl',
		displayName: 'TikTok Sound URL',
		placeholder: 'e.g. https://www.tiktok.com/music/original-sound-7312345678901234567',
		description: 'TikTok only: the sound to use. Required for TikTok carousels, optional for videos.',
	}),
	volumeAddedSound: integer({
		name: 'volumeAddedSound',
		displayName: 'Volume of Added Sound',
		min: 0,
		max: 100,
		default: 50,
		description: 'Volume of the added sound, 0–100 (setting a volume costs 1 credit once per video)',
	}),
	volumeOriginalSound: integer({
		name: 'volumeOriginalSound',
		displayName: 'Volume of Original Sound',
		min: 0,
		max: 100,
		default: 50,
		description: 'Volume of the video’s own sound, 0–100 (setting a volume costs 1 credit once per video)',
	}),
};

export const additionalContent = collection({
	name: 'additionalFields',
	displayName: 'Additional Fields',
	placeholder: 'Add Field',
	fields: contentFields,
});

export type ContentValues = ReturnType<typeof additionalContent.readAll>['values'];

/** The values one configuration is made of, read and checked field by field. */
export interface VideoInput {
	videoType: VideoType;
	description?: string;
	videoUrl?: string;
	carouselImages?: string[];
	storyImageUrl?: string;
	targetPublishDate?: string;
	extra: ContentValues;
}

const TYPE_NAMES: Record<VideoType, string> = { video: 'a video', carousel: 'a carousel', story: 'a story' };

/**
 * Rules that depend only on the video type (notes §9.2): what each type needs and what it cannot
 * have. Checked before anything is sent; platform rules need the bundle (see platformProblems).
 */
export function typeProblems(input: VideoInput): Array<string | false | undefined> {
	const { videoType: type, extra } = input;
	const on = TYPE_NAMES[type];
	const notFor = (given: unknown, label: string, allowed: string) =>
		given !== undefined && `"${label}" does not apply to ${on} (only ${allowed}): remove it or change the Video Type`;
	return [
		type !== 'story' && input.description === undefined && `"Description" is required for ${on}`,
		type === 'video' && input.videoUrl === undefined && '"Video URL" is required for a video: use the public_url of Upload → Upload Video or a public link',
		type === 'carousel' && input.carouselImages === undefined && `"Carousel Images" (1–${MAX_CAROUSEL_IMAGES}) are required for a carousel`,
		type === 'story' && (input.videoUrl === undefined) === (input.storyImageUrl === undefined) &&
			'A story needs exactly one of "Video URL" or "Story Image URL"',
		type === 'story' && notFor(input.description, 'Description', 'videos and carousels'),
		type === 'carousel' && notFor(input.videoUrl, 'Video URL', 'videos and stories'),
		type !== 'carousel' && notFor(input.carouselImages, 'Carousel Images', 'carousels'),
		type !== 'carousel' && notFor(extra.carouselTitle, 'Carousel Title', 'carousels'),
		type !== 'story' && notFor(input.storyImageUrl, 'Story Image URL', 'stories'),
		type !== 'story' && notFor(extra.storyRepostUrl, 'Story Repost URL', 'stories'),
		type === 'story' && notFor(extra.tiktokSoundUrl, 'TikTok Sound URL', 'videos and carousels'),
		type === 'story' && notFor(extra.instagramContentType, 'Instagram Content Type', 'videos and carousels'),
	];
}

const INSTAGRAM_ONLY: Array<[keyof ContentValues, string]> = [
	['instagramAddToStory', 'Instagram Add to Story'],
	['instagramAudioName', 'Instagram Audio Name'],
	['instagramCollaborators', 'Instagram Collaborators'],
	['instagramContentType', 'Instagram Content Type'],
	['instagramLocation', 'Instagram Location'],
];

/** Rules that depend on the bundle's platform (the bundle is read first, for free). */
export function platformProblems(input: VideoInput, platform: string | undefined): Array<string | false | undefined> {
	if (platform === undefined) return [];
	const { videoType: type, extra } = input;
	const instagram = platform === 'instagram';
	return [
		...INSTAGRAM_ONLY.map(
			([key, label]) => !instagram && extra[key] !== undefined && `"${label}" is only available on Instagram, and this bundle is on ${platform}: remove it`,
		),
		instagram && type !== 'story' && extra.instagramContentType === undefined &&
			'"Instagram Content Type" (Reel or Post) is required on Instagram: add it under Additional Fields',
		platform !== 'tiktok' && extra.tiktokSoundUrl !== undefined &&
			`"TikTok Sound URL" is only available on TikTok, and this bundle is on ${platform}: remove it`,
		platform === 'tiktok' && type === 'carousel' && extra.tiktokSoundUrl === undefined &&
			'"TikTok Sound URL" is required for a TikTok carousel: add it under Additional Fields',
	];
}

/**
 * Reads one configuration (type first: an invalid Video Type decides nothing else) and checks the
 * type rules; problems stay in the reader. Undefined when the Video Type itself is invalid.
 */
export function readVideoInput(reader: ItemReader, targetPublishDate: Field<string, boolean>): VideoInput | undefined {
	const { videoType: type } = reader.read({ videoType });
	if (type === undefined) return undefined;
	const values = reader.read({ description, videoUrl, carouselImages, storyImageUrl, targetPublishDate, extra: additionalContent });
	const input: VideoInput = { videoType: type, ...values };
	if (reader.problems.length === 0) reader.check(typeProblems(input));
	return input;
}

/** The configuration in TokPortal's names, only the fields that were set. */
export function videoBody(input: VideoInput, targetPublishDate: string): IDataObject {
	const { extra } = input;
	const body: IDataObject = { video_type: input.videoType, target_publish_date: targetPublishDate };
	const set = (key: string, value: unknown) => {
		if (value !== undefined) body[key] = value as IDataObject[string];
	};
	set('description', input.description);
	set('video_url', input.videoUrl);
	set('carousel_images', input.carouselImages);
	set('story_image_url', input.storyImageUrl);
	set('carousel_title', extra.carouselTitle);
	set('story_repost_url', extra.storyRepostUrl);
	set('tiktok_sound_url', extra.tiktokSoundUrl);
	set('volume_original_sound', extra.volumeOriginalSound);
	set('volume_added_sound', extra.volumeAddedSound);
	set('editing_instructions', extra.editingInstructions);
	set('name', extra.name);
	set('external_ref', extra.externalRef);
	set('instagram_content_type', extra.instagramContentType);
	set('instagram_location', extra.instagramLocation);
	set('instagram_collaborators', extra.instagramCollaborators);
	set('instagram_audio_name', extra.instagramAudioName);
	set('instagram_add_to_story', extra.instagramAddToStory);
	set('ai_content_disclaimer', extra.aiContentDisclaimer);
	set('disclose_as_ads', extra.discloseAsAds);
	set('instant_repost_as_story', extra.instantRepostAsStory);
	return body;
}

/** Paid options of a configuration: each costs 1 credit the first time it is set on a video. */
export function paidOptionsUsed(extra: ContentValues): boolean {
	return (
		extra.volumeOriginalSound !== undefined ||
		extra.volumeAddedSound !== undefined ||
		extra.storyRepostUrl !== undefined ||
		extra.instantRepostAsStory === true
	);
}

export const autoPublish = boolean({
	name: 'autoPublish',
	displayName: 'Auto Publish',
	default: false,
	description:
		'Whether to publish right after configuring: a bundle still in setup is published (if its account is configured), otherwise the videos configured here are submitted for posting',
});

/** A video's own ID (not its position): the `id` of Get / Get Many, or `video_id` of a video.* event. */
export const videoId: Field<string, true> = {
	property: {
		displayName: 'Video ID',
		name: 'videoId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
		description: 'The video’s own ID (not its position): the ID that Video → Get and Get Many output, or data.video_id of a video.finalized event',
	},
	fallback: '',
	rules: { kind: 'id', required: true },
	read: (raw) => (isBlank(raw) ? { problem: 'is required' } : toIdentifier(raw)),
};
