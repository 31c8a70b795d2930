// Advanced Niche Warming (notes §7.12, §10.7): search-term rules, sessions bought with a bundle or a
// rewarm, their lifecycle (awaiting_terms → scheduled → in_progress ⇄ paused → completed, or cancelled)
// and the warming.* webhooks. A session starts once it has terms and a delivered account.
import { ApiError, validationError } from './errors';
import { SERVICE_PRICES } from './servicePricing';
import type { WarmingSession, WarmingTermReport } from './serviceTypes';
import { stableHex, stableInt } from './stable';
import type { Store } from './store';
import type { CostBreakdown } from './types';
import { type Json, optBool } from './validate';

export type OwnerEmit = (type: string, data: Record<string, unknown>) => void;

/** Sessions that block a rewarm of the same account. */
export const ACTIVE_WARMING: readonly string[] = ['scheduled', 'in_progress', 'paused'];

function termsError(message: string, details: Record<string, unknown>): ApiError {
	return new ApiError(400, 'ADVANCED_WARMING_TERMS', message, details);
}

/** 3–30 targets in multiples of 3 (notes §12.2). */
export function checkTermCount(count: number, field: string): number {
	if (!Number.isInteger(count) || count < 3 || count > 30 || count % 3 !== 0) {
		throw termsError('The number of warming terms must be 3 to 30, in multiples of 3.', { field, received_count: count });
	}
	return count;
}

/**
 * Terms are 2–50 characters after trimming; duplicates (case-insensitive) are removed first, so they
 * count once (cursor-plugin skill). `expected` is the purchased count, which must match exactly.
 */
export function checkTerms(value: unknown, field: string, expected?: number): string[] {
	if (!Array.isArray(value) || value.some((t) => typeof t !== 'string')) {
		throw termsError(`${field} must be an array of search terms (strings).`, { field });
	}
	const seen = new Set<string>();
	const terms: string[] = [];
	for (const raw of value as string[]) {
		const term = raw.trim();
		if (term.length < 2 || term.length > 50) {
			throw termsError(`Each warming term must be 2 to 50 characters: "${raw}".`, { field, invalid_term: raw });
		}
		if (seen.has(term.toLowerCase())) continue;
		seen.add(term.toLowerCase());
		terms.push(term);
	}
	if (expected !== undefined && terms.length !== expected) {
		throw termsError(`This bundle bought ${expected} warming terms; ${terms.length} distinct terms were sent.`, {
			field,
			purchased_terms_count: expected,
			received_count: terms.length,
		});
	}
	checkTermCount(terms.length, field);
	return terms;
}

export interface AdvancedWarming {
	count: number;
	terms: string[] | null;
}

/** `wants_advanced_warming` with `advanced_warming_terms_count` or `advanced_warming_terms` (bundle create). */
export function parseAdvancedWarming(o: Json, wantsNicheWarming: boolean): AdvancedWarming | null {
	const wants = optBool(o, 'wants_advanced_warming') ?? false;
	const count = o.advanced_warming_terms_count;
	const terms = o.advanced_warming_terms;
	if (!wants) {
		if (count !== undefined || terms !== undefined) {
			throw validationError('wants_advanced_warming', 'Set wants_advanced_warming to true to buy warming terms.');
		}
		return null;
	}
	if (wantsNicheWarming) {
		throw new ApiError(400, 'WARMING_CONFLICT', 'Advanced warming cannot be combined with wants_niche_warming.', {
			field: 'wants_advanced_warming',
		});
	}
	if ((count === undefined) === (terms === undefined)) {
		throw termsError('Send either advanced_warming_terms_count or advanced_warming_terms.', { field: 'advanced_warming_terms_count' });
	}
	if (terms !== undefined) {
		const list = checkTerms(terms, 'advanced_warming_terms');
		return { count: list.length, terms: list };
	}
	if (typeof count !== 'number') throw termsError('advanced_warming_terms_count must be a number.', { field: 'advanced_warming_terms_count' });
	return { count: checkTermCount(count, 'advanced_warming_terms_count'), terms: null };
}

/** The create price with the warming terms added (`advanced_warming` is always in the breakdown). */
export function withAdvancedWarming<T extends CostBreakdown>(cost: T, terms: number): T & { advanced_warming: number } {
	const advanced = terms * SERVICE_PRICES.advanced_warming_term;
	return { ...cost, advanced_warming: advanced, total: cost.total + advanced };
}

export function newSession(
	store: Store,
	owner: string,
	spec: Pick<WarmingSession, 'source' | 'bundle_id' | 'saved_account_id' | 'platform' | 'terms_total' | 'credits_charged'>,
	terms: string[] | null,
): WarmingSession {
	const now = store.now();
	const session: WarmingSession = {
		id: store.newId(),
		owner_id: owner,
		...spec,
		status: terms ? 'scheduled' : 'awaiting_terms',
		terms: (terms ?? []).map((term) => ({ term, status: 'pending', report: null })),
		credits_refunded: 0,
		created_at: now,
		started_at: null,
		completed_at: null,
		cancelled_at: null,
		updated_at: now,
	};
	store.state.warmingSessions.push(session);
	return session;
}

function eventData(s: WarmingSession): Record<string, unknown> {
	return {
		session_id: s.id,
		saved_account_id: s.saved_account_id,
		bundle_id: s.bundle_id,
		source: s.source,
		status: s.status,
		terms_total: s.terms_total,
		terms_verified: s.terms.filter((t) => t.status === 'verified').length,
	};
}

/** scheduled → in_progress once it has terms and an account (warming.session_started). */
export function startIfReady(store: Store, s: WarmingSession, emit: OwnerEmit): void {
	if (s.status !== 'scheduled' || !s.saved_account_id) return;
	s.status = 'in_progress';
	s.started_at = s.updated_at = store.now();
	emit('warming.session_started', { ...eventData(s), started_at: s.started_at });
}

export function setTerms(store: Store, s: WarmingSession, terms: string[], emit: OwnerEmit): void {
	s.terms = terms.map((term) => ({ term, status: 'pending', report: null }));
	s.status = 'scheduled';
	s.updated_at = store.now();
	startIfReady(store, s, emit);
}

function report(s: WarmingSession, term: string, now: string): WarmingTermReport {
	const seed = `${s.id}:${term}`;
	return {
		videos_watched: stableInt(`${seed}:watched`, 12, 40),
		likes: stableInt(`${seed}:likes`, 3, 12),
		saves: stableInt(`${seed}:saves`, 1, 6),
		comments: 1,
		keywords: [term, ...term.split(/\s+/).filter((w) => w.length > 3)].slice(0, 4),
		proof_url: `https://proofs.tokportal.test/warming/${s.id}/${stableHex(seed, 12)}.mp4`,
		verified_at: now,
	};
}

/** Verifies one pending term (the named one or the next); completes the session after the last. */
export function verifyTerm(store: Store, s: WarmingSession, emit: OwnerEmit, term?: string): void {
	const target = s.terms.find((t) => t.status === 'pending' && (term === undefined || t.term === term));
	if (!target) throw new ApiError(409, 'SIM_INVALID_STATE', term ? `No pending term "${term}".` : 'No pending term.', { current_status: s.status });
	const now = store.now();
	target.status = 'verified';
	target.report = report(s, target.term, now);
	s.updated_at = now;
	emit('warming.term_verified', { ...eventData(s), term: target.term, report: { ...target.report } });
	if (s.terms.every((t) => t.status === 'verified')) {
		s.status = 'completed';
		s.completed_at = now;
		const reports = s.terms.map((t) => t.report as WarmingTermReport);
		const sum = (k: 'videos_watched' | 'likes' | 'saves' | 'comments') => reports.reduce((n, r) => n + r[k], 0);
		emit('warming.session_completed', {
			...eventData(s),
			completed_at: now,
			report: { videos_watched: sum('videos_watched'), likes: sum('likes'), saves: sum('saves'), comments: sum('comments') },
		});
	}
}

export function sessionView(s: WarmingSession): Record<string, unknown> {
	return {
		id: s.id,
		source: s.source,
		bundle_id: s.bundle_id,
		saved_account_id: s.saved_account_id,
		platform: s.platform,
		status: s.status,
		terms_total: s.terms_total,
		terms_configured: s.terms.length,
		terms_verified: s.terms.filter((t) => t.status === 'verified').length,
		terms: s.terms.map((t) => ({ term: t.term, status: t.status, report: t.report ? { ...t.report } : null })),
		credits_charged: s.credits_charged,
		credits_refunded: s.credits_refunded,
		created_at: s.created_at,
		started_at: s.started_at,
		completed_at: s.completed_at,
		cancelled_at: s.cancelled_at,
		updated_at: s.updated_at,
	};
}

const STOP_WORDS = new Set(['the', 'and', 'for', 'with', 'from', 'that', 'this', 'our', 'your', 'are', 'who', 'about', 'into']);
const PATTERNS = ['{w}', 'best {w}', '{w} tips', '{w} ideas', 'easy {w}', '{w} tutorial', '{w} for beginners', '{w} review', '{w} hacks', '{w} routine'];

/** POST /warming/generate-terms: search-style phrases from the niche description, fixed for its text. */
export function generateTerms(text: string, count: number): string[] {
	const words = [...new Set(text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? [])].filter((w) => !STOP_WORDS.has(w));
	if (words.length === 0) throw validationError('text', 'text must describe the niche in a few words.');
	const pairs = words.slice(0, -1).map((w, i) => `${w} ${words[i + 1]}`);
	const candidates = [...pairs, ...PATTERNS.flatMap((p) => words.map((w) => p.replace('{w}', w)))];
	const start = stableInt(`terms:${text}`, 0, candidates.length - 1);
	const out: string[] = [];
	for (let i = 0; out.length < count && i < candidates.length; i++) {
		const term = candidates[(start + i) % candidates.length].slice(0, 50).trim();
		if (term.length >= 2 && !out.includes(term)) out.push(term);
	}
	if (out.length < count) throw validationError('text', `text is too short to generate ${count} distinct terms.`);
	return out;
}

/** Coverage paused: running sessions of the account wait (tasks withheld, not late). Returns their ids. */
export function pauseSessions(store: Store, accountId: string): string[] {
	const paused = store.state.warmingSessions.filter((s) => s.saved_account_id === accountId && s.status === 'in_progress');
	for (const s of paused) {
		s.status = 'paused';
		s.updated_at = store.now();
	}
	return paused.map((s) => s.id);
}

export function resumeSessions(store: Store, accountId: string): string[] {
	const resumed = store.state.warmingSessions.filter((s) => s.saved_account_id === accountId && s.status === 'paused');
	for (const s of resumed) {
		s.status = 'in_progress';
		s.updated_at = store.now();
	}
	return resumed.map((s) => s.id);
}
