import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import { notice, readItem } from '../../../shared/validation';
import type { TokPortalOperation } from '../operation';
import { slotFields, videoErrors } from './common';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, slotFields);
	const { body } = await apiRequest.call(this, {
		method: 'POST',
		path: apiPath`/bundles/${input.bundleId}/videos/${input.position}/reset`,
		itemIndex,
	});
	return (body.data ?? {}) as IDataObject;
}

export const reset: TokPortalOperation = {
	option: {
		name: 'Reset',
		value: 'reset',
		action: 'Reset a video slot',
		description:
			'Empty a video slot that is not posted yet (configured, published or accepted): its content, date, name and External Reference are erased, it is withdrawn from posting and becomes a free (pending) slot. Paid options already bought stay paid; nothing is refunded.',
	},
	fields: [
		notice(
			'resetNotice',
			'Reset erases the video’s configuration (content, date, name, External Reference) and withdraws it from posting; the slot becomes free again. Only before it is posted. Nothing is refunded.',
		),
		slotFields.bundleId,
		slotFields.position,
	],
	errors: videoErrors,
	execute,
};
