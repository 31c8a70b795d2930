import { resourceProperties } from '../operation';
import type { TokPortalOperation } from '../operation';
import { finalize } from './finalize.operation';
import { getFeedbackHistory } from './getFeedbackHistory.operation';
import { requestCorrections } from './requestCorrections.operation';

export const operations: TokPortalOperation[] = [finalize, requestCorrections, getFeedbackHistory];

export const description = resourceProperties('accountAction', operations, 'finalize');
