// Warming (notes §7.12, §10.7): configure a bundle's purchased terms, generate terms (free), read the
// sessions of an account and one session. The paid rewarm is in accountCare.ts.
import { ORDERABLE_PLATFORMS } from '../catalog';
import { assertTaskAccess } from '../coverage';
import { ApiError, validationError } from '../errors';
import type { RouteContext, RouteDef, RouteResult } from '../router';
import type { WarmingSession } from '../serviceTypes';
import { objectBody } from '../validate';
import { SERVICE_PRICES } from '../servicePricing';
import type { Bundle } from '../types';
import {
	type AdvancedWarming,
	checkTerms,
	generateTerms,
	newSession,
	sessionView,
	setTerms,
	startIfReady,
} from '../warming';
import { newestFirst } from './bundles';

/** The session a bundle bought at creation; it starts once it has terms and a delivered account. */
export function openBundleWarming(ctx: RouteContext, bundle: Bundle, advanced: AdvancedWarming): void {
	const session = newSession(
		ctx.store,
		ctx.owner,
		{
			source: 'bundle',
			bundle_id: bundle.id,
			saved_account_id: bundle.existing_account_id,
			platform: bundle.platform,
			terms_total: advanced.count,
			credits_charged: advanced.count * SERVICE_PRICES.advanced_warming_term,
		},
		advanced.terms,
	);
	startIfReady(ctx.store, session, ctx.emit);
}

export function ownedSession(ctx: RouteContext, id: string): WarmingSession {
	const session = ctx.store.state.warmingSessions.find((s) => s.id === id && s.owner_id === ctx.owner);
	if (!session) throw new ApiError(404, 'WARMING_SESSION_NOT_FOUND', 'Warming session not found.', { session_id: id });
	return session;
}

function configureTerms(ctx: RouteContext): RouteResult {
	const bundle = ctx.store.ownedBundle(ctx.params.id, ctx.owner);
	const session = ctx.store.state.warmingSessions.find((s) => s.bundle_id === bundle.id && s.source === 'bundle');
	if (!session) {
		throw new ApiError(404, 'WARMING_SESSION_NOT_FOUND', 'This bundle bought no Advanced Niche Warming.', { bundle_id: bundle.id });
	}
	if (session.status === 'cancelled') {
		throw new ApiError(409, 'WARMING_SESSION_CANCELLED', 'The warming purchase was cancelled and refunded (terms not set within 14 days).', {
			session_id: session.id,
			current_status: session.status,
		});
	}
	if (session.terms.length > 0) {
		throw new ApiError(409, 'WARMING_TERMS_ALREADY_SET', 'Warming terms can be set only once for a bundle.', {
			session_id: session.id,
			terms: session.terms.map((t) => t.term),
		});
	}
	const terms = checkTerms(objectBody(ctx.body).advanced_warming_terms, 'advanced_warming_terms', session.terms_total);
	const account = ctx.store.state.accounts.find((a) => a.id === (bundle.saved_account_id ?? bundle.existing_account_id));
	if (account) {
		assertTaskAccess(ctx.store, account);
		session.saved_account_id = account.id;
	}
	setTerms(ctx.store, session, terms, ctx.emit);
	return { status: 200, body: { data: sessionView(session) } };
}

function generate(ctx: RouteContext): RouteResult {
	const o = objectBody(ctx.body);
	if (typeof o.text !== 'string' || o.text.trim().length < 3 || o.text.length > 2000) {
		throw validationError('text', 'text (a niche description, 3 to 2000 characters) is required.');
	}
	if (typeof o.platform !== 'string' || !ORDERABLE_PLATFORMS.includes(o.platform)) {
		throw validationError('platform', 'platform must be tiktok or instagram.');
	}
	const count = o.count ?? 9;
	if (typeof count !== 'number' || !Number.isInteger(count) || count < 3 || count > 30 || count % 3 !== 0) {
		throw validationError('count', 'count must be 3 to 30, in multiples of 3.');
	}
	const terms = generateTerms(o.text, count);
	return { status: 200, body: { data: { terms, count: terms.length, platform: o.platform, credits_charged: 0 } } };
}

function accountSessions(ctx: RouteContext): RouteResult {
	const account = ctx.store.ownedAccount(ctx.params.id, ctx.owner);
	const sessions = newestFirst(ctx.store.state.warmingSessions).filter(
		(s) => s.owner_id === ctx.owner && s.saved_account_id === account.id,
	);
	return { status: 200, body: { data: sessions.map(sessionView) } };
}

function getSession(ctx: RouteContext): RouteResult {
	return { status: 200, body: { data: sessionView(ownedSession(ctx, ctx.params.id)) } };
}

export const warmingRoutes: Array<RouteDef<RouteContext>> = [
	{ method: 'PUT', path: '/bundles/:id/warming-terms', handler: configureTerms },
	{ method: 'POST', path: '/warming/generate-terms', handler: generate },
	{ method: 'GET', path: '/accounts/:id/warming-sessions', handler: accountSessions },
	{ method: 'GET', path: '/warming-sessions/:id', handler: getSession },
];
