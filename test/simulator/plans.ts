// Plan-aware analytics access (notes §12.5): Starter = basic totals, Creator adds time series, CSV
// export and web reports, Marketer/Farmer+ add raw provider payloads, demographics and comments.
// GET /analytics/contract describes it; every analytics response carries the contract header.
import { API_VERSION } from './catalog';
import { ApiError } from './errors';
import type { RouteContext } from './router';
import type { AnalyticsPlan } from './serviceTypes';

export type AnalyticsFeature =
	| 'dashboard'
	| 'account_analytics'
	| 'video_analytics'
	| 'refresh'
	| 'series'
	| 'export_videos_csv'
	| 'reports'
	| 'demographics'
	| 'comments'
	| 'raw_snapshots';

const PLAN_ORDER: readonly AnalyticsPlan[] = ['starter', 'creator', 'marketer', 'farmer'];
const PLAN_NAMES: Record<AnalyticsPlan, string> = {
	starter: 'Starter',
	creator: 'Creator',
	marketer: 'Marketer',
	farmer: 'Farmer',
};
const LEVELS: Record<AnalyticsPlan, 'basic' | 'core' | 'full'> = {
	starter: 'basic',
	creator: 'core',
	marketer: 'full',
	farmer: 'full',
};

/** The cheapest plan that includes each feature. */
const REQUIRED_PLAN: Record<AnalyticsFeature, AnalyticsPlan> = {
	dashboard: 'starter',
	account_analytics: 'starter',
	video_analytics: 'starter',
	refresh: 'starter',
	series: 'creator',
	export_videos_csv: 'creator',
	reports: 'creator',
	demographics: 'marketer',
	comments: 'marketer',
	raw_snapshots: 'marketer',
};

const FEATURE_NAMES: Record<AnalyticsFeature, string> = {
	dashboard: 'the analytics dashboard',
	account_analytics: 'account analytics',
	video_analytics: 'video analytics',
	refresh: 'analytics refresh',
	series: 'analytics time series',
	export_videos_csv: 'CSV export of video analytics',
	reports: 'analytics web reports',
	demographics: 'audience demographics',
	comments: 'comment analytics',
	raw_snapshots: 'raw provider snapshots',
};

/** Which feature each analytics operation reads (the contract's endpoint list). */
const ENDPOINTS: ReadonlyArray<{ method: string; path: string; feature: AnalyticsFeature }> = [
	{ method: 'GET', path: '/analytics', feature: 'dashboard' },
	{ method: 'GET', path: '/analytics/series', feature: 'series' },
	{ method: 'GET', path: '/analytics/accounts/{id}', feature: 'account_analytics' },
	{ method: 'GET', path: '/accounts/{id}/analytics', feature: 'account_analytics' },
	{ method: 'GET', path: '/accounts/{id}/analytics/videos', feature: 'video_analytics' },
	{ method: 'GET', path: '/videos/{id}/analytics', feature: 'video_analytics' },
	{ method: 'GET', path: '/accounts/{id}/analytics/can-refresh', feature: 'refresh' },
	{ method: 'POST', path: '/accounts/{id}/analytics/refresh', feature: 'refresh' },
	{ method: 'POST', path: '/analytics/accounts/{id}/refresh', feature: 'refresh' },
	{ method: 'GET', path: '/analytics/export/videos', feature: 'export_videos_csv' },
	{ method: 'POST', path: '/analytics/export/reports', feature: 'reports' },
	{ method: 'POST', path: '/analytics/export/reports/html', feature: 'reports' },
	{ method: 'GET', path: '/analytics/comments', feature: 'comments' },
	{ method: 'GET', path: '/analytics/accounts/{id}/comments', feature: 'comments' },
	{ method: 'GET', path: '/analytics/accounts/{id}/raw', feature: 'raw_snapshots' },
	{ method: 'GET', path: '/analytics/posts/{id}/raw', feature: 'raw_snapshots' },
];

export const ANALYTICS_CONTRACT_VERSION = 'analytics-v2';

export function includes(plan: AnalyticsPlan, feature: AnalyticsFeature): boolean {
	return PLAN_ORDER.indexOf(plan) >= PLAN_ORDER.indexOf(REQUIRED_PLAN[feature]);
}

/** Header on every analytics response (notes §1.4). */
export function contractHeaders(plan: AnalyticsPlan): Record<string, string> {
	return { 'X-TokPortal-Analytics-Contract': `${ANALYTICS_CONTRACT_VERSION}; plan=${plan}; level=${LEVELS[plan]}` };
}

/** `access` block of analytics bodies, named like the documented dashboard example. */
export function accessInfo(plan: AnalyticsPlan): Record<string, unknown> {
	const level = LEVELS[plan];
	return { level, planTier: plan, reason: level === 'full' ? 'full_access' : `${plan}_plan` };
}

/**
 * 403 naming the feature, the key's plan and the cheapest plan that includes it, so a client can tell
 * the user what to upgrade to (simulator code, the real one is undocumented).
 */
export function requireFeature(ctx: RouteContext, feature: AnalyticsFeature): void {
	const plan = ctx.user.plan;
	if (includes(plan, feature)) return;
	const required = REQUIRED_PLAN[feature];
	throw new ApiError(
		403,
		'ANALYTICS_PLAN_UPGRADE_REQUIRED',
		`Your ${PLAN_NAMES[plan]} plan does not include ${FEATURE_NAMES[feature]}. It is included from the ` +
			`${PLAN_NAMES[required]} plan; GET /analytics/contract shows what this API key can read.`,
		{
			feature,
			current_plan: plan,
			required_plan: required,
			plans_including_feature: PLAN_ORDER.filter((p) => includes(p, feature)),
			contract_endpoint: '/analytics/contract',
		},
	);
}

export function contract(plan: AnalyticsPlan): Record<string, unknown> {
	const features = Object.fromEntries(
		(Object.keys(REQUIRED_PLAN) as AnalyticsFeature[]).map((f) => [f, includes(plan, f)]),
	);
	return {
		version: ANALYTICS_CONTRACT_VERSION,
		api_version: API_VERSION,
		plan,
		plan_name: PLAN_NAMES[plan],
		access: accessInfo(plan),
		features,
		endpoints: ENDPOINTS.map((e) => ({
			...e,
			allowed: includes(plan, e.feature),
			required_plan: REQUIRED_PLAN[e.feature],
		})),
		plans: PLAN_ORDER.map((p) => ({
			plan: p,
			name: PLAN_NAMES[p],
			level: LEVELS[p],
			features: (Object.keys(REQUIRED_PLAN) as AnalyticsFeature[]).filter((f) => includes(p, f)),
		})),
		metrics: ['views', 'likes', 'comments', 'shares', 'bookmarks', 'followers'],
		data_sources: ['connected', 'public', 'cache'],
	};
}
