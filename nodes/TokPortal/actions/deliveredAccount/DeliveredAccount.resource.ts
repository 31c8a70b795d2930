import { resourceProperties } from '../operation';
import type { TokPortalOperation } from '../operation';
import { getMany } from './getMany.operation';

export const operations: TokPortalOperation[] = [getMany];

export const description = resourceProperties('deliveredAccount', operations, 'getMany');
