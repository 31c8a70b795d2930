import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import { notice, readItem } from '../../../shared/validation';
import type { TokPortalOperation } from '../operation';
import { slotFields, videoErrors } from './common';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, slotFields);
	const { body } = await apiRequest.call(this, {
		method: 'POST',
		path: apiPath`/bundles/${input.bundleId}/videos/${input.position}/unschedule`,
		itemIndex,
	});
	return (body.data ?? {}) as IDataObject;
}

export const unschedule: TokPortalOperation = {
	option: {
		name: 'Unschedule',
		value: 'unschedule',
		action: 'Unschedule a video',
		description:
			'Withdraw a submitted video (published or accepted, not posted yet) from posting: it goes back to configured, keeping its content, so it can be changed and published again',
	},
	fields: [
		notice(
			'unscheduleNotice',
			'Unschedule stops a submitted video from being posted: it goes back to configured (content kept) until you publish it again. Only before it is posted.',
		),
		slotFields.bundleId,
		slotFields.position,
	],
	errors: videoErrors,
	execute,
};
