// /me, credits and reference lists (notes §12.1–12.3).
import { COUNTRIES, PLATFORMS } from '../catalog';
import { paginate } from '../pagination';
import { PRICES } from '../pricing';
import type { RouteContext, RouteDef, RouteResult } from '../router';
import { queryValues } from '../validate';
import { newestFirst } from './bundles';

function me(ctx: RouteContext): RouteResult {
	return {
		status: 200,
		body: {
			data: {
				id: ctx.user.id,
				email: ctx.user.email,
				name: ctx.user.name,
				organization_name: 'TokPortal Simulator',
				credits: ctx.store.state.credits,
				api_key: { hint: ctx.user.keyHint, scope: '*', environment: 'test' },
			},
		},
	};
}

function lastLedgerChange(ctx: RouteContext): string {
	return ctx.store.state.ledger.at(-1)?.created_at ?? ctx.store.now();
}

/** The current shape (notes §12.2); simulated credits never expire. */
function balance(ctx: RouteContext): RouteResult {
	return {
		status: 200,
		body: {
			data: {
				total_credits: ctx.store.state.credits,
				expiring_within_7_days: 0,
				upcoming_expirations: [],
				last_updated: lastLedgerChange(ctx),
			},
		},
	};
}

function history(ctx: RouteContext): RouteResult {
	const from = queryValues(ctx.query, 'date_from')[0];
	const to = queryValues(ctx.query, 'date_to')[0];
	const items = newestFirst(ctx.store.state.ledger).filter(
		(t) => (!from || t.created_at >= from) && (!to || t.created_at.slice(0, to.length) <= to),
	);
	const page = paginate(items, ctx.query);
	return {
		status: 200,
		body: {
			data: page.data.map((t) => ({
				id: t.id,
				type: t.type,
				amount: t.amount,
				description: t.description,
				breakdown: t.breakdown,
				balance_after: t.balance_after,
				created_at: t.created_at,
			})),
			pagination: page.pagination,
		},
	};
}

function creditCosts(): RouteResult {
	return {
		status: 200,
		body: {
			data: {
				costs: {
					account_creation: PRICES.account_creation,
					video_upload: PRICES.video_slot,
					video_edit: PRICES.edit_slot,
					niche_warming: PRICES.niche_warming,
					deep_warming: PRICES.deep_warming,
					credential_reveal: PRICES.credential_reveal,
				},
			},
		},
	};
}

export const referenceRoutes: Array<RouteDef<RouteContext>> = [
	{ method: 'GET', path: '/me', handler: me },
	{ method: 'GET', path: '/countries', handler: () => ({ status: 200, body: { data: COUNTRIES.map((c) => ({ code: c.code, name: c.name })) } }) },
	{ method: 'GET', path: '/platforms', handler: () => ({ status: 200, body: { data: PLATFORMS.map((p) => ({ ...p })) } }) },
	{ method: 'GET', path: '/credits/balance', handler: balance },
	{ method: 'GET', path: '/credits/history', handler: history },
	{ method: 'GET', path: '/credit-costs', handler: creditCosts },
];
