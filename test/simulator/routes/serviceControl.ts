// /_sim/ operator actions of the account-care, task and reporting areas (serviceOperator.ts) and the
// credit-history seeding; no API key, JSON in/out like the other control endpoints.
import { banReportView } from '../banReports';
import type { RouteDef } from '../router';
import type { BanResolution } from '../serviceTypes';
import { sessionView } from '../warming';
import { bad, type ControlContext, nonNegativeInt, ok, optionalString } from './control';

const RESOLUTIONS: readonly BanResolution[] = ['refund', 'remake', 'no_remake'];
const COMMENT_RESULTS = ['matched', 'not_found', 'manually_confirmed'] as const;

function optionalPositive(value: unknown, name: string): number | undefined {
	if (value === undefined) return undefined;
	const n = nonNegativeInt(value, name);
	if (n === 0) throw bad(`${name} must be a positive integer.`);
	return n;
}

export const serviceControlRoutes: Array<RouteDef<ControlContext>> = [
	{
		method: 'POST',
		path: '/accounts/:id/ban-report',
		handler: ({ deps, params, body }) => {
			if (body.appeal !== undefined && typeof body.appeal !== 'boolean') throw bad('appeal must be a boolean.');
			return ok(banReportView(deps.operator.reportBan(params.id, { appeal: body.appeal === true }), false));
		},
	},
	{
		method: 'POST',
		path: '/ban-reports/:id/appeal',
		handler: ({ deps, params, body }) => {
			if (typeof body.accepted !== 'boolean') throw bad('accepted (boolean) is required.');
			return ok(banReportView(deps.operator.resolveBanAppeal(params.id, body.accepted), false));
		},
	},
	{
		method: 'POST',
		path: '/ban-reports/:id/resolution',
		handler: ({ deps, params, body }) => {
			const resolution = body.resolution as BanResolution;
			if (!RESOLUTIONS.includes(resolution)) throw bad(`resolution must be one of: ${RESOLUTIONS.join(', ')}.`);
			const report = deps.operator.decideBanResolution(params.id, resolution, {
				refund_credits: optionalPositive(body.refund_credits, 'refund_credits'),
				reason_code: optionalString(body.reason_code),
			});
			return ok(banReportView(report, false));
		},
	},
	{
		method: 'POST',
		path: '/ban-reports/:id/restore-credits',
		handler: ({ deps, params, body }) =>
			ok(banReportView(deps.operator.restoreCoverageCredits(params.id, optionalPositive(body.amount, 'amount')), false)),
	},
	{
		method: 'POST',
		path: '/accounts/:id/edit-request/complete',
		handler: ({ deps, params, body }) => {
			const outcome = body.outcome ?? 'completed';
			if (outcome !== 'completed' && outcome !== 'rejected') throw bad('outcome must be completed or rejected.');
			return ok(deps.operator.completeEditRequest(params.id, outcome));
		},
	},
	{
		method: 'POST',
		path: '/warming-sessions/:id/verify-term',
		handler: ({ deps, params, body }) => ok(sessionView(deps.operator.verifyWarmingTerm(params.id, optionalString(body.term)))),
	},
	{
		method: 'POST',
		path: '/warming-sessions/:id/complete',
		handler: ({ deps, params }) => ok(sessionView(deps.operator.completeWarmingSession(params.id))),
	},
	{
		method: 'POST',
		path: '/warming-sessions/:id/expire',
		handler: ({ deps, params }) => ok(sessionView(deps.operator.expireWarmingSession(params.id))),
	},
	{
		method: 'POST',
		path: '/accounts/:id/coverage/lapse',
		handler: ({ deps, params, body }) => ok(deps.operator.lapseCoverage(params.id, optionalPositive(body.unpaid_periods, 'unpaid_periods'))),
	},
	{ method: 'POST', path: '/accounts/:id/coverage/renew', handler: ({ deps, params }) => ok(deps.operator.renewCoverage(params.id)) },
	{ method: 'POST', path: '/accounts/:id/coverage/end', handler: ({ deps, params }) => ok(deps.operator.endCoverage(params.id)) },
	{ method: 'POST', path: '/comments/:id/submit', handler: ({ deps, params }) => ok(deps.operator.submitComment(params.id)) },
	{
		method: 'POST',
		path: '/comments/:id/verify',
		handler: ({ deps, params, body }) => {
			const result = body.result as (typeof COMMENT_RESULTS)[number];
			if (!COMMENT_RESULTS.includes(result)) throw bad(`result must be one of: ${COMMENT_RESULTS.join(', ')}.`);
			return ok(deps.operator.verifyComment(params.id, result));
		},
	},
	{ method: 'POST', path: '/comments/:id/finalize', handler: ({ deps, params }) => ok(deps.operator.finalizeComment(params.id)) },
	{ method: 'POST', path: '/comments/:id/expire', handler: ({ deps, params }) => ok(deps.operator.expireComment(params.id)) },
	{
		method: 'POST',
		path: '/videos/:id/ad-code/submit',
		handler: ({ deps, params, body }) => ok(deps.operator.submitAdCode(params.id, optionalString(body.code))),
	},
	{ method: 'POST', path: '/videos/:id/ad-code/deliver', handler: ({ deps, params }) => ok(deps.operator.deliverAdCode(params.id)) },
	{
		method: 'POST',
		path: '/accounts/:id/analytics/reset-refresh',
		handler: ({ deps, params }) => (deps.operator.resetAnalyticsRefresh(params.id), ok({ account_id: params.id, reset: true })),
	},
	{
		method: 'POST',
		path: '/seed/credit-history',
		handler: ({ deps, body }) => {
			const count = optionalPositive(body.count, 'count');
			if (count === undefined) throw bad('count (a positive integer) is required.');
			const start = optionalString(body.start);
			if (body.start !== undefined && (start === undefined || Number.isNaN(Date.parse(start)))) throw bad('start must be an ISO timestamp.');
			return ok({ added: deps.seedCreditHistory(count, start).length, total: deps.state.ledger.length });
		},
	},
];
