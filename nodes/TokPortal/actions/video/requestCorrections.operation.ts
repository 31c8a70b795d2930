import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import { readItem } from '../../../shared/validation';
import { correctionComment, feedbackOn, feedbackPerField } from '../corrections.fields';
import type { TokPortalOperation } from '../operation';
import { slotFields, videoErrors } from './common';

const comment = correctionComment({
	placeholder: 'e.g. The caption is missing the hashtags, and the sound is too loud.',
	description: 'What the account manager should correct on the posted video, and why',
});

const feedback = feedbackPerField('Optional: what to correct on specific parts of the video', {
	carousel_images: feedbackOn('carouselImages', 'Carousel Images', 'e.g. Swap slides 2 and 3.', 'What to change in the carousel photos'),
	description: feedbackOn('description', 'Description', 'e.g. Add #streetstyle and #nyc.', 'What to change in the caption'),
	target_publish_date: feedbackOn('targetPublishDate', 'Publish Date', 'e.g. Post it on a weekday.', 'What to change about when it is posted'),
	tiktok_sound_url: feedbackOn('tiktokSoundUrl', 'Sound', 'e.g. Use the sound from the brief.', 'What to change in the sound'),
	video_url: feedbackOn('videoUrl', 'Video', 'e.g. Use the uncut version of the clip.', 'What to change in the video itself'),
});

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { ...slotFields, comment, feedback });
	const body: IDataObject = { comment: input.comment };
	if (Object.keys(input.feedback).length > 0) body.fields = input.feedback as IDataObject;
	const response = await apiRequest.call(this, {
		method: 'POST',
		path: apiPath`/bundles/${input.bundleId}/videos/${input.position}/corrections`,
		body,
		itemIndex,
	});
	return (response.body.data ?? {}) as IDataObject;
}

export const requestCorrections: TokPortalOperation = {
	option: {
		name: 'Request Corrections',
		value: 'requestCorrections',
		action: 'Request corrections to a posted video',
		description:
			'Send a posted video that is in review back to its account manager with a comment (and optional feedback per field). It becomes pending_corrections until TokPortal reposts it.',
	},
	fields: [slotFields.bundleId, slotFields.position, comment, feedback],
	errors: videoErrors,
	execute,
};
