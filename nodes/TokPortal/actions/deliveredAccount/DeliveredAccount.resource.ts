import type { TokPortalResource } from '../operation';
import { get } from './get.operation';
import { getBundles } from './getBundles.operation';
import { getMany } from './getMany.operation';
import { getVerificationCode } from './getVerificationCode.operation';
import { revealCredentials } from './revealCredentials.operation';

export const deliveredAccount: TokPortalResource = {
	name: 'Delivered Account',
	value: 'deliveredAccount',
	description: 'A finished TikTok/Instagram account you own',
	defaultOperation: 'getMany',
	operations: [get, getBundles, getMany, getVerificationCode, revealCredentials],
};
