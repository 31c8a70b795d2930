import { resourceProperties } from '../operation';
import type { TokPortalOperation } from '../operation';
import { configure } from './configure.operation';
import { get } from './get.operation';

export const operations: TokPortalOperation[] = [configure, get];

export const description = resourceProperties('accountConfiguration', operations, 'configure');
