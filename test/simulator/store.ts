// State access shared by routes and the operator: ids, clock, owned lookups, the credit ledger.
import { randomBytes, randomUUID } from 'node:crypto';
import { ApiError } from './errors';
import { emptyServiceState } from './serviceTypes';
import type { Bundle, DeliveredAccount, SimState, WebhookEndpoint } from './types';

/** Dry runs return ids in the documented all-zero prefix so nobody mistakes them for real ones (notes §1.6). */
const DRY_RUN_ID_PREFIX = '00000000-0000-4000-8000-';

export function createState(initialCredits: number): SimState {
	return {
		credits: initialCredits,
		ledger: [],
		bundles: [],
		accounts: [],
		webhooks: [],
		events: [],
		deliveries: [],
		uploads: [],
		...emptyServiceState(),
	};
}

export class Store {
	constructor(
		readonly state: SimState,
		private readonly idFactory: () => string = randomUUID,
	) {}

	/** A throw-away copy for `X-TokPortal-Dry-Run`: same validation and pricing, nothing persists. */
	dryRunCopy(): Store {
		return new Store(structuredClone(this.state), () => DRY_RUN_ID_PREFIX + randomBytes(6).toString('hex'));
	}

	newId(): string {
		return this.idFactory();
	}

	now(): string {
		return new Date().toISOString();
	}

	/** notFoundCode differs by endpoint family: `BUNDLE_NOT_FOUND` (spec 001) vs `bundle_not_found` (spec 003/004). */
	ownedBundle(id: string, owner: string, notFoundCode = 'BUNDLE_NOT_FOUND'): Bundle {
		const bundle = this.state.bundles.find((b) => b.id === id);
		if (!bundle) throw new ApiError(404, notFoundCode, 'Bundle not found.');
		if (bundle.owner_id !== owner) {
			throw new ApiError(403, 'BUNDLE_NOT_OWNED', 'This bundle belongs to another user.');
		}
		return bundle;
	}

	ownedAccount(id: string, owner: string): DeliveredAccount {
		const account = this.state.accounts.find((a) => a.id === id);
		if (!account) throw new ApiError(404, 'SAVED_ACCOUNT_NOT_FOUND', 'Account not found.');
		if (account.owner_id !== owner) {
			throw new ApiError(403, 'SAVED_ACCOUNT_NOT_OWNED', 'This account belongs to another user.');
		}
		return account;
	}

	/** Foreign endpoints answer 404 too: an endpoint id is not worth confirming to another user. */
	ownedWebhook(id: string, owner: string): WebhookEndpoint {
		const hook = this.state.webhooks.find((w) => w.id === id && w.owner_id === owner);
		if (!hook) throw new ApiError(404, 'WEBHOOK_NOT_FOUND', 'Webhook endpoint not found.');
		return hook;
	}

	/** Throws 402 before any write, so a failed purchase changes nothing (all-or-nothing). */
	assertCredits(breakdown: Record<string, number> & { total: number }): void {
		if (breakdown.total > this.state.credits) {
			throw new ApiError(402, 'INSUFFICIENT_CREDITS', 'Not enough credits for this operation.', {
				required: breakdown.total,
				available: this.state.credits,
				missing: breakdown.total - this.state.credits,
				breakdown,
			});
		}
	}

	debit(
		owner: string,
		breakdown: Record<string, number> & { total: number },
		description: string,
		referenceId: string | null,
	): void {
		this.assertCredits(breakdown);
		this.state.credits -= breakdown.total;
		this.state.ledger.push({
			id: this.newId(),
			owner_id: owner,
			type: 'debit',
			amount: -breakdown.total,
			description,
			breakdown,
			balance_after: this.state.credits,
			reference_id: referenceId,
			created_at: this.now(),
		});
	}

	credit(amount: number, description: string): number {
		this.state.credits += amount;
		this.state.ledger.push({
			id: this.newId(),
			owner_id: null,
			type: 'credit',
			amount,
			description,
			breakdown: null,
			balance_after: this.state.credits,
			reference_id: null,
			created_at: this.now(),
		});
		return this.state.credits;
	}
}
