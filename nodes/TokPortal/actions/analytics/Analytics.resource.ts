import type { TokPortalResource } from '../operation';
import { canRefreshAccount } from './canRefreshAccount.operation';
import { createReport } from './createReport.operation';
import { exportReportHtml } from './exportReportHtml.operation';
import { exportVideos } from './exportVideos.operation';
import { getAccount } from './getAccount.operation';
import { getAccountComments } from './getAccountComments.operation';
import { getAccountRawSnapshots } from './getAccountRawSnapshots.operation';
import { getAccountVideos } from './getAccountVideos.operation';
import { getCommentPulse } from './getCommentPulse.operation';
import { getContract } from './getContract.operation';
import { getDashboard } from './getDashboard.operation';
import { getPostRawSnapshots } from './getPostRawSnapshots.operation';
import { getSeries } from './getSeries.operation';
import { getVideo } from './getVideo.operation';
import { refreshAccount } from './refreshAccount.operation';

export const analytics: TokPortalResource = {
	name: 'Analytics',
	value: 'analytics',
	description:
		'Views, likes, followers and comments of your delivered accounts and videos: dashboard, time series, CSV export, shareable reports, refresh',
	defaultOperation: 'getDashboard',
	operations: [
		canRefreshAccount,
		createReport,
		exportReportHtml,
		exportVideos,
		getAccount,
		getAccountComments,
		getAccountRawSnapshots,
		getAccountVideos,
		getCommentPulse,
		getContract,
		getDashboard,
		getPostRawSnapshots,
		getSeries,
		getVideo,
		refreshAccount,
	],
};
