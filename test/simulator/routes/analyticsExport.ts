// Analytics exports (notes §12.5): the video CSV, shareable web reports (the token is a secret: no
// Idempotency-Key) and the same report rendered as an HTML document. Creator plan and above.
import { randomBytes } from 'node:crypto';
import { accountSummary, postsByAccount, postView, type TrackedPost } from '../analyticsData';
import { accountFilters, inRange, parseInstant, queryRange, selectAccounts, workspaceOf } from '../analyticsFilters';
import { countryCode, ORDERABLE_PLATFORMS } from '../catalog';
import { ApiError, validationError } from '../errors';
import { contractHeaders, requireFeature } from '../plans';
import type { RouteContext, RouteDef, RouteResult } from '../router';
import type { ReportFilters } from '../serviceTypes';
import type { DeliveredAccount } from '../types';
import { type Json, objectBody, optString, queryValues } from '../validate';

export const CSV_COLUMNS = [
	'video_id',
	'account_id',
	'username',
	'account_name',
	'platform',
	'country',
	'bundle_id',
	'position',
	'platform_url',
	'published_at',
	'views',
	'likes',
	'comments',
	'shares',
	'bookmarks',
	'engagement_rate',
] as const;
export const REPORT_TEMPLATES = ['executive', 'agency', 'creator', 'minimal', 'growth', 'board'];
const REPORT_FIELDS = [
	'title',
	'template',
	'brandName',
	'brandAccent',
	'accountIds',
	'workspaceId',
	'platforms',
	'countries',
	'query',
	'from',
	'to',
];
const REPORT_BASE_URL = 'https://reports.tokportal.test/r/';

const today = () => new Date().toISOString().slice(0, 10);

/** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled. */
function csvField(value: unknown): string {
	const text = value === null || value === undefined ? '' : String(value);
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function matchesQuery(post: TrackedPost, q: string | null): boolean {
	if (!q) return true;
	const needle = q.toLowerCase();
	return [post.account.username, post.account.visible_name, post.platform_url, post.video.name].some(
		(v) => v?.toLowerCase().includes(needle) === true,
	);
}

/** Posts of the selected accounts in the range, newest first (ties by video id). */
function selectedPosts(ctx: RouteContext, accounts: DeliveredAccount[], filters: { q: string | null; from: number | null; to: number | null }): TrackedPost[] {
	const byAccount = postsByAccount(ctx.store, ctx.owner);
	return accounts
		.flatMap((a) => byAccount.get(a.id) ?? [])
		.filter((p) => inRange(p.published_at, filters) && matchesQuery(p, filters.q))
		.sort((a, b) => (a.published_at === b.published_at ? a.video.id.localeCompare(b.video.id) : a.published_at < b.published_at ? 1 : -1));
}

function exportVideos(ctx: RouteContext): RouteResult {
	requireFeature(ctx, 'export_videos_csv');
	const range = queryRange(ctx);
	const q = queryValues(ctx.query, 'q').at(-1) ?? null;
	const posts = selectedPosts(ctx, selectAccounts(ctx, accountFilters(ctx)), { ...range, q });
	const lines = [CSV_COLUMNS.join(',')];
	for (const post of posts) {
		const row: Record<string, unknown> = { ...postView(ctx.store, post), account_name: post.account.visible_name };
		lines.push(CSV_COLUMNS.map((c) => csvField(row[c])).join(','));
	}
	return {
		status: 200,
		body: `${lines.join('\r\n')}\r\n`,
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="tokportal-video-analytics-${today()}.csv"`,
			...contractHeaders(ctx.user.plan),
		},
	};
}

function stringList(o: Json, field: string, check: (v: string) => string): string[] {
	const v = o[field];
	if (v === undefined || v === null) return [];
	if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
		throw validationError(field, `${field} must be an array of strings.`);
	}
	return [...new Set((v as string[]).map(check))];
}

interface ReportSpec {
	title: string;
	template: string;
	brand_name: string | null;
	brand_accent: string | null;
	filters: ReportFilters;
}

/** The camelCase body of both report operations (SDK CreateAnalyticsReportRequest). */
function parseReport(ctx: RouteContext): ReportSpec {
	const o = objectBody(ctx.body ?? {});
	const unknown = Object.keys(o).find((k) => !REPORT_FIELDS.includes(k));
	if (unknown) {
		throw new ApiError(400, 'UNKNOWN_FIELD', `Unknown field: ${unknown}. Report fields are camelCase: ${REPORT_FIELDS.join(', ')}.`, {
			field: unknown,
			allowed: REPORT_FIELDS,
		});
	}
	const template = o.template ?? null;
	if (template !== null && (typeof template !== 'string' || !REPORT_TEMPLATES.includes(template))) {
		throw validationError('template', `template must be one of: ${REPORT_TEMPLATES.join(', ')}.`);
	}
	const accent = optString(o, 'brandAccent', 7, true) ?? null;
	if (accent !== null && !/^#[0-9a-fA-F]{6}$/.test(accent)) {
		throw validationError('brandAccent', 'brandAccent must be a hex colour like #FF0050.');
	}
	const workspace = optString(o, 'workspaceId', 100, true) ?? null;
	if (workspace !== null && workspace !== workspaceOf(ctx.owner)) {
		throw validationError('workspaceId', `Unknown workspace: ${workspace}.`);
	}
	const accountIds = stringList(o, 'accountIds', (id) => ctx.store.ownedAccount(id, ctx.owner).id);
	const platforms = stringList(o, 'platforms', (p) => {
		if (!ORDERABLE_PLATFORMS.includes(p)) throw validationError('platforms', 'platforms must be tiktok or instagram.');
		return p;
	});
	const countries = stringList(o, 'countries', (c) => {
		const code = countryCode(c);
		if (!code) throw validationError('countries', `Unknown country: ${c}.`);
		return code;
	});
	const from = optString(o, 'from', 40, true) ?? null;
	const to = optString(o, 'to', 40, true) ?? null;
	const fromMs = parseInstant(from, 'from');
	const toMs = parseInstant(to, 'to', true);
	if (fromMs !== null && toMs !== null && fromMs > toMs) throw validationError('from', 'from must not be after to.');
	return {
		title: optString(o, 'title', 200, true) ?? 'Analytics report',
		template: template ?? 'agency',
		brand_name: optString(o, 'brandName', 100, true) ?? null,
		brand_accent: accent,
		filters: {
			account_ids: accountIds,
			workspace_id: workspace,
			platforms,
			countries,
			query: optString(o, 'query', 200, true) ?? null,
			from,
			to,
		},
	};
}

function reportContent(ctx: RouteContext, spec: ReportSpec) {
	const f = spec.filters;
	const accounts = selectAccounts(ctx, {
		platforms: f.platforms,
		countries: f.countries,
		accountIds: f.account_ids,
		workspace: f.workspace_id,
	});
	const range = { from: parseInstant(f.from, 'from'), to: parseInstant(f.to, 'to', true), q: f.query };
	const posts = selectedPosts(ctx, accounts, range);
	const rows = accounts
		.map((a) => accountSummary(ctx.store, a, posts.filter((p) => p.account.id === a.id)))
		.filter((r) => !f.query || (r.tracked_posts as number) > 0);
	const sum = (k: string) => rows.reduce((total, r) => total + (r[k] as number), 0);
	const totals = {
		account_count: rows.length,
		followers: sum('followers'),
		tracked_posts: sum('tracked_posts'),
		views: sum('views'),
		likes: sum('likes'),
		comments: sum('comments'),
		shares: sum('shares'),
		bookmarks: sum('bookmarks'),
	};
	return { rows, totals };
}

function createReport(ctx: RouteContext): RouteResult {
	requireFeature(ctx, 'reports');
	const spec = parseReport(ctx);
	const { totals } = reportContent(ctx, spec);
	const id = ctx.store.newId();
	const report = {
		id,
		owner_id: ctx.owner,
		...spec,
		url: `${REPORT_BASE_URL}${id}`,
		token: `rpt_${randomBytes(24).toString('hex')}`,
		created_at: ctx.store.now(),
	};
	ctx.store.state.analyticsReports.push(report);
	return {
		status: 201,
		body: {
			data: {
				id,
				// The public link and the private token exist only once the report is really created.
				url: ctx.dryRun ? null : report.url,
				token: ctx.dryRun ? null : report.token,
				title: spec.title,
				template: spec.template,
				brand_name: spec.brand_name,
				brand_accent: spec.brand_accent,
				filters: spec.filters,
				totals,
				created_at: report.created_at,
			},
		},
		headers: contractHeaders(ctx.user.plan),
	};
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (value: unknown) => String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);

function renderHtml(spec: ReportSpec, content: ReturnType<typeof reportContent>): string {
	const accent = spec.brand_accent ?? '#FE2C55';
	const t = content.totals;
	const rows = content.rows
		.map(
			(r) =>
				`<tr><td>${escapeHtml(r.username)}</td><td>${escapeHtml(r.platform)}</td><td>${escapeHtml(r.country)}</td>` +
				`<td>${r.followers}</td><td>${r.tracked_posts}</td><td>${r.views}</td><td>${r.likes}</td><td>${r.engagement_rate}</td></tr>`,
		)
		.join('\n');
	const range = spec.filters.from || spec.filters.to ? `${spec.filters.from ?? '…'} – ${spec.filters.to ?? '…'}` : 'All time';
	return [
		'<!DOCTYPE html>',
		'<html lang="en">',
		'<head>',
		'<meta charset="utf-8">',
		`<title>${escapeHtml(spec.title)}</title>`,
		`<style>h1{color:${accent}}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:4px 8px}</style>`,
		'</head>',
		`<body class="template-${spec.template}">`,
		spec.brand_name ? `<p class="brand">${escapeHtml(spec.brand_name)}</p>` : '',
		`<h1>${escapeHtml(spec.title)}</h1>`,
		`<p class="range">${escapeHtml(range)}</p>`,
		'<table class="totals"><tr><th>Accounts</th><th>Followers</th><th>Posts</th><th>Views</th><th>Likes</th><th>Comments</th><th>Shares</th></tr>',
		`<tr><td>${t.account_count}</td><td>${t.followers}</td><td>${t.tracked_posts}</td><td>${t.views}</td><td>${t.likes}</td><td>${t.comments}</td><td>${t.shares}</td></tr></table>`,
		'<table class="accounts"><tr><th>Account</th><th>Platform</th><th>Country</th><th>Followers</th><th>Posts</th><th>Views</th><th>Likes</th><th>Engagement %</th></tr>',
		rows,
		'</table>',
		'</body>',
		'</html>',
		'',
	]
		.filter((line, i, all) => line !== '' || i === all.length - 1)
		.join('\n');
}

function exportReportHtml(ctx: RouteContext): RouteResult {
	requireFeature(ctx, 'reports');
	const spec = parseReport(ctx);
	return {
		status: 200,
		body: renderHtml(spec, reportContent(ctx, spec)),
		headers: {
			'Content-Type': 'text/html; charset=utf-8',
			'Content-Disposition': `attachment; filename="tokportal-report-${today()}.html"`,
			...contractHeaders(ctx.user.plan),
		},
	};
}

export const analyticsExportRoutes: Array<RouteDef<RouteContext>> = [
	{ method: 'GET', path: '/analytics/export/videos', handler: exportVideos },
	{ method: 'POST', path: '/analytics/export/reports', handler: createReport, sensitive: true },
	{ method: 'POST', path: '/analytics/export/reports/html', handler: exportReportHtml },
];
