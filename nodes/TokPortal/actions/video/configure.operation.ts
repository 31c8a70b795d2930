import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import { notice, notSentError } from '../../../shared/validation';
import type { TokPortalOperation } from '../operation';
import { chargeInfo, paidCallOptions, paidRequest } from '../paidCall';
import { readBundleState } from './bundleState';
import { planCalendar, todayUtc } from './calendar';
import { slotFields, videoErrors } from './common';
import { bundleProblems, calendarRequest, configurationFields, readConfiguration } from './configuration';
import { autoPublish, targetPublishDateField, videoBody } from './fields';

const targetPublishDate = targetPublishDateField(
	true,
	'The first day of the 2-day posting window (posted that day or the next), YYYY-MM-DD in UTC. At least 3 days ahead while the account is being created, 1 day once it exists; at most 3 videos of a bundle per day.',
);

const configureOptions = paidCallOptions(
	'TokPortal checks and prices the configuration, nothing is changed or charged (only the paid options cost credits: a sound volume, a story repost or an instant repost as story, 1 credit each, once per video)',
);

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { bundleId, position, autoPublish: publish, options, input } = readConfiguration(this, itemIndex, targetPublishDate, {
		...slotFields,
		autoPublish,
		options: configureOptions,
	});
	const bundle = await readBundleState(this, bundleId, itemIndex);
	const planned = planCalendar(bundle, [calendarRequest(0, position, input)], { today: todayUtc() }).get(0)!;
	const problems = bundleProblems(input, bundle.platform, planned.problem);
	if (problems.length > 0) throw notSentError(this, itemIndex, problems.join('; '));
	const body = videoBody(input, input.targetPublishDate!);
	if (publish) body.auto_publish = true;
	const response = await apiRequest.call(this, {
		method: 'PUT',
		path: apiPath`/bundles/${bundleId}/videos/${position}`,
		body,
		itemIndex,
		...paidRequest('video.configure', options),
	});
	const outcome = response.body.auto_publish;
	return {
		...((response.body.data ?? {}) as IDataObject),
		...(outcome !== undefined ? { auto_publish: outcome } : {}),
		...chargeInfo(response),
	};
}

export const configure: TokPortalOperation = {
	option: {
		name: 'Configure',
		value: 'configure',
		action: 'Configure a video of a bundle',
		description:
			'Set what one video slot posts and when: video, carousel or story, caption, media and target date (checked against TokPortal’s calendar rules first). For many rows at once, use Configure Many.',
	},
	fields: [
		notice(
			'configureNotice',
			'Free, except the paid options: a sound volume, a story repost or an instant repost as story cost 1 credit each, once per video.',
		),
		slotFields.bundleId,
		slotFields.position,
		...configurationFields(targetPublishDate),
		configureOptions,
	],
	errors: videoErrors,
	execute,
};
