import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import { collection, notice, options, readItem, text } from '../../../shared/validation';
import type { TokPortalOperation } from '../operation';
import { chargeInfo, paidCallOptions, paidRequest } from '../paidCall';
import { videoErrors } from './common';
import { videoId } from './fields';

export const AD_CODE_PRICE = 7;

const authorizationDays = options<'7' | '30' | '60' | '365'>({
	name: 'authorizationDays',
	displayName: 'Authorization Days',
	required: true,
	default: '30',
	description: 'How long the code authorizes the ad to use the post',
	options: [
		{ name: '30 Days', value: '30' },
		{ name: '365 Days', value: '365' },
		{ name: '60 Days', value: '60' },
		{ name: '7 Days', value: '7' },
	],
});

const additionalFields = collection({
	name: 'additionalFields',
	displayName: 'Additional Fields',
	placeholder: 'Add Field',
	fields: {
		note: text({
			name: 'note',
			displayName: 'Note',
			maxLength: 500,
			refuseBlank: true,
			rows: 2,
			placeholder: 'e.g. For the spring campaign in Ads Manager',
			description: 'A note for the account manager (max 500 characters)',
		}),
	},
});

const adCodeOptions = paidCallOptions(
	`TokPortal checks the request and shows the price (${AD_CODE_PRICE} credits), nothing is requested or charged`,
);

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { videoId, authorizationDays, additionalFields, options: adCodeOptions });
	const body: IDataObject = { authorization_days: Number(input.authorizationDays) };
	if (input.additionalFields.note !== undefined) body.note = input.additionalFields.note;
	const response = await apiRequest.call(this, {
		method: 'POST',
		path: apiPath`/videos/${input.videoId}/ad-code-request`,
		body,
		itemIndex,
		...paidRequest('video.requestAdCode', input.options),
	});
	return { ...((response.body.data ?? {}) as IDataObject), ...chargeInfo(response) };
}

export const requestAdCode: TokPortalOperation = {
	option: {
		name: 'Request Ad Code',
		value: 'requestAdCode',
		action: 'Request an ad code for a video',
		description: `Order a TikTok Spark Code or Instagram Partner Code for a finalized video, to run it as an ad (${AD_CODE_PRICE} credits). The code arrives later: read it with Get Ad Code.`,
	},
	fields: [
		notice('requestAdCodeNotice', `Costs ${AD_CODE_PRICE} credits, charged when the request is made. Only for finalized videos (posted and approved). Turn on Options → Dry Run to check first.`),
		videoId,
		authorizationDays,
		additionalFields,
		adCodeOptions,
	],
	errors: {
		...videoErrors,
		VIDEO_NOT_FINALIZED: (details: IDataObject) =>
			`Ad codes are only for finalized videos (posted and approved)${details.current_status ? `; this one is ${String(details.current_status)}` : ''}. Finalize it (Video → Finalize) once it is posted, then run again. Nothing was charged.`,
		AD_CODE_REQUEST_ALREADY_OPEN:
			'An ad code request for this video is already in progress: read it with Video → Get Ad Code. Nothing was charged.',
	},
	execute,
};
