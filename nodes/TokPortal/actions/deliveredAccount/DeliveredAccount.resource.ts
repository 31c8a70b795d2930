import type { TokPortalResource } from '../operation';
import { cancelCoverage } from './cancelCoverage.operation';
import { get } from './get.operation';
import { getBanReports } from './getBanReports.operation';
import { getBundles } from './getBundles.operation';
import { getCoverage } from './getCoverage.operation';
import { getEditRequest } from './getEditRequest.operation';
import { getMany } from './getMany.operation';
import { getVerificationCode } from './getVerificationCode.operation';
import { reactivateCoverage } from './reactivateCoverage.operation';
import { requestEdit } from './requestEdit.operation';
import { revealCredentials } from './revealCredentials.operation';
import { rewarm } from './rewarm.operation';
import { updateCommentingProfile } from './updateCommentingProfile.operation';

export const deliveredAccount: TokPortalResource = {
	name: 'Delivered Account',
	value: 'deliveredAccount',
	description: 'A finished TikTok/Instagram account you own: its bans, profile edits, warming, Coverage and credentials',
	defaultOperation: 'getMany',
	operations: [
		cancelCoverage,
		get,
		getBanReports,
		getBundles,
		getCoverage,
		getEditRequest,
		getMany,
		getVerificationCode,
		reactivateCoverage,
		requestEdit,
		revealCredentials,
		rewarm,
		updateCommentingProfile,
	],
};
