import { resourceProperties } from '../operation';
import type { TokPortalOperation } from '../operation';
import { get } from './get.operation';
import { getBundles } from './getBundles.operation';
import { getMany } from './getMany.operation';
import { getVerificationCode } from './getVerificationCode.operation';
import { revealCredentials } from './revealCredentials.operation';

export const operations: TokPortalOperation[] = [
	get,
	getBundles,
	getMany,
	getVerificationCode,
	revealCredentials,
];

export const description = resourceProperties('deliveredAccount', operations, 'getMany');
