import type { TokPortalResource } from '../operation';
import { finalize } from './finalize.operation';
import { getFeedbackHistory } from './getFeedbackHistory.operation';
import { requestCorrections } from './requestCorrections.operation';

export const accountAction: TokPortalResource = {
	name: 'Account Action',
	value: 'accountAction',
	description: 'Review the account TokPortal built for a bundle: approve it or ask for corrections',
	defaultOperation: 'finalize',
	operations: [finalize, requestCorrections, getFeedbackHistory],
};
