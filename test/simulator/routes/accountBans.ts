// GET /account-bans (notes §10.5): validated ban reports, newest update first, with the `since`
// watermark (reports updated at or after it, inclusive) for polling without webhooks.
import { BAN_STATUSES, banReportView } from '../banReports';
import { queryInstant } from '../analyticsFilters';
import { paginate } from '../pagination';
import type { RouteContext, RouteDef, RouteResult } from '../router';
import { queryEnum, queryValues } from '../validate';

const RESOLUTIONS = ['refund', 'remake', 'no_remake', 'pending'];

function listBans(ctx: RouteContext): RouteResult {
	const statuses = queryEnum(ctx.query, 'status', BAN_STATUSES);
	const resolutions = queryEnum(ctx.query, 'resolution', RESOLUTIONS);
	const accounts = queryValues(ctx.query, 'account_id');
	const since = queryInstant(ctx, 'since');
	const screenshots = queryEnum(ctx.query, 'include_screenshots', ['true', 'false']).at(-1) === 'true';
	const items = ctx.store.state.banReports
		.filter(
			(r) =>
				r.owner_id === ctx.owner &&
				(statuses.length === 0 || statuses.includes(r.status)) &&
				(resolutions.length === 0 || (r.resolution !== null && resolutions.includes(r.resolution.resolution))) &&
				(accounts.length === 0 || accounts.includes(r.account_id)) &&
				(since === null || Date.parse(r.updated_at) >= since),
		)
		.sort((a, b) => (a.updated_at === b.updated_at ? a.id.localeCompare(b.id) : a.updated_at < b.updated_at ? 1 : -1));
	const page = paginate(items, ctx.query);
	return { status: 200, body: { data: page.data.map((r) => banReportView(r, screenshots)), pagination: page.pagination } };
}

export const accountBanRoutes: Array<RouteDef<RouteContext>> = [{ method: 'GET', path: '/account-bans', handler: listBans }];
