import type { IDataObject } from 'n8n-workflow';

/** What the node remembers about the TokPortal webhook that delivers to one of its endpoints. */
export interface Subscription {
	id: string;
	/** Returned only when the webhook is created: without it no delivery can be verified. */
	secret: string;
	events: string[];
	/** The absolute URL TokPortal was given: when n8n's public URL changes, this one is removed. */
	url: string;
	/** Event ids already turned into executions, newest last (best-effort dedupe across processes). */
	recentEventIds?: string[];
}

/**
 * The node's static data holds one entry per endpoint, keyed by the endpoint's host-independent
 * identity (see endpointKey): n8n runs the lifecycle separately for the test and the production URL,
 * neither may overwrite the other's id or secret, and a webhook processor whose own idea of the
 * public URL differs from main's must still find the secret.
 */
export class SubscriptionStore {
	constructor(private readonly staticData: IDataObject) {}

	private all(): Record<string, Subscription> {
		const subscriptions = this.staticData.subscriptions;
		return typeof subscriptions === 'object' && subscriptions !== null
			? (subscriptions as unknown as Record<string, Subscription>)
			: {};
	}

	get(key: string): Subscription | undefined {
		const entry = this.all()[key];
		return entry && typeof entry.id === 'string' && typeof entry.secret === 'string' ? entry : undefined;
	}

	/** Entries under other keys (the other endpoint, or ones written by earlier versions). */
	others(key: string): Array<{ key: string; subscription: Partial<Subscription> }> {
		return Object.entries(this.all())
			.filter(([other]) => other !== key)
			.map(([other, subscription]) => ({ key: other, subscription }));
	}

	set(key: string, subscription: Subscription): void {
		// Re-assigned at the top level, where n8n's change tracking always sees it.
		this.staticData.subscriptions = { ...this.all(), [key]: subscription } as unknown as IDataObject;
	}

	forget(key: string): void {
		const subscriptions = this.all();
		if (!(key in subscriptions)) return;
		const rest = { ...subscriptions };
		delete rest[key];
		this.staticData.subscriptions = rest as unknown as IDataObject;
	}
}
