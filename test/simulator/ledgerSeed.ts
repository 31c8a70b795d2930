// Deterministic credit history for reconciliation demos and pagination tests: transaction i is dated
// 2026-01-05T09:00Z + 6 h × i (or 6 h apart from a given start) and cycles through the kinds of spend of an agency with three clients
// (every 10th is a top-up). Seeded entries precede live ones; their balance_after values chain so
// that the last seeded entry ends where the live ledger starts.
import { SERVICE_PRICES } from './servicePricing';
import { stableUuid } from './stable';
import type { CreditTransaction, SimState } from './types';

const START = Date.parse('2026-01-05T09:00:00.000Z');
const STEP_MS = 6 * 3_600_000;
const CLIENTS = ['acme-spring-2026-us', 'globex-launch-fr', 'initech-ugc-uk'];

type Kind = { type: CreditTransaction['type']; amount: number; description: string; breakdown: Record<string, number> | null };

function kind(i: number): Kind {
	const client = CLIENTS[i % CLIENTS.length];
	if (i % 10 === 9) return { type: 'credit', amount: 500, description: 'Credit top-up', breakdown: null };
	const debit = (amount: number, description: string, breakdown: Record<string, number>): Kind => ({
		type: 'debit',
		amount: -amount,
		description,
		breakdown: { ...breakdown, total: amount },
	});
	switch (i % 5) {
		case 0:
			return debit(38, `Bundle created: ${client}`, { account_creation: 32, video_slots: 6 });
		case 1:
			return debit(32, `Bundle created: ${client}`, { account_creation: 32 });
		case 2:
			return debit(3 * SERVICE_PRICES.comment_task, `Comment tasks: ${client}`, { comment_tasks: 3 * SERVICE_PRICES.comment_task });
		case 3:
			return debit(SERVICE_PRICES.ad_code, `Ad code request: ${client}`, { ad_code: SERVICE_PRICES.ad_code });
		default:
			return debit(SERVICE_PRICES.coverage_period, `Coverage renewal: ${client}`, { coverage: SERVICE_PRICES.coverage_period });
	}
}

const seedId = (i: number) => stableUuid(`ledger-seed:${i}`);

/**
 * Adds `count` transactions of `owner` after those already seeded; returns the new ones. `start` dates
 * this batch from another instant (e.g. last week, for a demo of a weekly report); seeded
 * transactions are meant to precede the live ones.
 */
export function seedCreditHistory(state: SimState, owner: string, count: number, start?: string): CreditTransaction[] {
	const first = start === undefined ? null : Date.parse(start);
	const ids = new Set(state.ledger.map((t) => t.id));
	let already = 0;
	while (ids.has(seedId(already))) already++;
	const added = Array.from({ length: count }, (_, n): CreditTransaction => {
		const i = already + n;
		const k = kind(i);
		return {
			id: seedId(i),
			owner_id: k.type === 'debit' ? owner : null,
			type: k.type,
			amount: k.amount,
			description: k.description,
			breakdown: k.breakdown,
			balance_after: 0,
			reference_id: null,
			created_at: new Date(first === null ? START + i * STEP_MS : first + n * STEP_MS).toISOString(),
		};
	});
	state.ledger.unshift(...added);
	// Chain balances backwards from the balance just before the first live transaction.
	const seeded = new Set(Array.from({ length: already + count }, (_, i) => seedId(i)));
	const byDate = (a: CreditTransaction, b: CreditTransaction) => (a.created_at < b.created_at ? -1 : 1);
	const live = state.ledger.filter((t) => !seeded.has(t.id)).sort(byDate);
	let balance = live.length > 0 ? live[0].balance_after - live[0].amount : state.credits;
	for (const t of state.ledger.filter((x) => seeded.has(x.id)).sort(byDate).reverse()) {
		t.balance_after = balance;
		balance -= t.amount;
	}
	return added;
}
