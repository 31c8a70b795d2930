import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import { list, media, notSentError, readItem } from '../../../shared/validation';
import type { TokPortalOperation } from '../operation';
import { slotFields, videoErrors } from './common';
import { MAX_CAROUSEL_IMAGES } from './fields';

const videoUrl = media({
	name: 'videoUrl',
	displayName: 'Video URL',
	placeholder: 'e.g. https://cdn.example.com/clips/launch-01-v2.mp4',
	description: 'A working link to the video (videos and video stories): an upload’s public_url or a public direct link',
});

const carouselImages = list({
	name: 'carouselImages',
	displayName: 'Carousel Images',
	item: media({ name: 'carouselImage', displayName: 'Carousel Image' }),
	minItems: 1,
	maxItems: MAX_CAROUSEL_IMAGES,
	placeholder: 'e.g. https://cdn.example.com/slides/1.jpg, https://cdn.example.com/slides/2.jpg',
	description: `Carousels: all the photos again, in order (1–${MAX_CAROUSEL_IMAGES}), as storage_path values or public links`,
});

const UNPOSTED = ['configured', 'published', 'accepted'];

function mismatch(slot: IDataObject, videoUrlGiven: boolean): string | undefined {
	const status = String(slot.status ?? '');
	if (!UNPOSTED.includes(status)) {
		return `Video ${String(slot.position ?? '')} is ${status}: its media can only be replaced after it is configured and before it is posted`;
	}
	const type = slot.video_type;
	if (videoUrlGiven && type === 'carousel') return 'This video is a carousel: give "Carousel Images" instead of "Video URL"';
	if (!videoUrlGiven && type !== 'carousel') return `This video is a ${String(type)}: give "Video URL" instead of "Carousel Images"`;
	return undefined;
}

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { ...slotFields, videoUrl, carouselImages }, (values) => [
		values.videoUrl === undefined && values.carouselImages === undefined &&
			'Give the replacement media: "Video URL" (videos and stories) or "Carousel Images" (carousels)',
		values.videoUrl !== undefined && values.carouselImages !== undefined &&
			'Give either "Video URL" or "Carousel Images", not both: a video has one or the other',
	]);
	// The replacement must fit the video's type, and the video must not be posted yet: read it (free).
	const { body: current } = await apiRequest.call(this, {
		method: 'GET',
		path: apiPath`/bundles/${input.bundleId}/videos/${input.position}`,
		itemIndex,
	});
	const slot = (current.data ?? {}) as IDataObject;
	const problem = mismatch(slot, input.videoUrl !== undefined);
	if (problem) throw notSentError(this, itemIndex, problem);
	const body: IDataObject = {};
	if (input.videoUrl !== undefined) body.video_url = input.videoUrl;
	if (input.carouselImages !== undefined) body.carousel_images = input.carouselImages;
	const response = await apiRequest.call(this, {
		method: 'POST',
		path: apiPath`/bundles/${input.bundleId}/videos/${input.position}/fix-download`,
		body,
		itemIndex,
	});
	return (response.body.data ?? {}) as IDataObject;
}

export const fixDownload: TokPortalOperation = {
	option: {
		name: 'Fix Download',
		value: 'fixDownload',
		action: 'Replace the media link of a video',
		description:
			'Give a new link when TokPortal could not download a video’s media (download_error is set), before it is posted. Broken or expired links are not refunded.',
	},
	fields: [slotFields.bundleId, slotFields.position, videoUrl, carouselImages],
	errors: videoErrors,
	execute,
};
