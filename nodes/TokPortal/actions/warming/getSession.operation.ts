import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import { identifier, readItem } from '../../../shared/validation';
import type { TokPortalOperation } from '../operation';
import { WARMING_ERRORS } from './fields';

const sessionId = identifier({
	name: 'sessionId',
	displayName: 'Session ID',
	required: true,
	placeholder: 'e.g. 5b2e9c1a-7d4f-4a3b-8e6c-0f1d2a3b4c5d',
	description: 'The warming session: an ID from Warming → Get Sessions, Delivered Account → Rewarm or a warming webhook (session_id)',
});

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { sessionId });
	const { body } = await apiRequest.call(this, {
		method: 'GET',
		path: apiPath`/warming-sessions/${input.sessionId}`,
		itemIndex,
	});
	return body.data as IDataObject;
}

export const getSession: TokPortalOperation = {
	option: {
		name: 'Get Session',
		value: 'getSession',
		action: 'Get a warming session',
		description:
			'Read one warming session: its status (awaiting terms, scheduled, in progress, paused, completed, cancelled), each term with its report and proof link, and what it cost',
	},
	fields: [sessionId],
	errors: WARMING_ERRORS,
	execute,
};
