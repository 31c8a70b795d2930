import type { IDataObject } from 'n8n-workflow';

/** What the node remembers about the TokPortal webhook that delivers to one of its URLs. */
export interface Subscription {
	id: string;
	/** Returned only when the webhook is created: without it no delivery can be verified. */
	secret: string;
	events: string[];
	/** Event ids already turned into executions, newest last (best-effort dedupe across processes). */
	recentEventIds?: string[];
}

/**
 * The node's static data holds one entry per webhook URL: n8n runs the lifecycle separately for the
 * test URL (/webhook-test/…) and the production URL (/webhook/…), and neither may overwrite the
 * other's id or secret.
 */
export class SubscriptionStore {
	constructor(private readonly staticData: IDataObject) {}

	private all(): Record<string, Subscription> | undefined {
		const subscriptions = this.staticData.subscriptions;
		return typeof subscriptions === 'object' && subscriptions !== null
			? (subscriptions as unknown as Record<string, Subscription>)
			: undefined;
	}

	get(url: string): Subscription | undefined {
		const entry = this.all()?.[url];
		return entry && typeof entry.id === 'string' && typeof entry.secret === 'string' ? entry : undefined;
	}

	set(url: string, subscription: Subscription): void {
		const subscriptions = this.all() ?? {};
		subscriptions[url] = subscription;
		// Re-assigned at the top level, where n8n's change tracking always sees it.
		this.staticData.subscriptions = subscriptions as unknown as IDataObject;
	}

	forget(url: string): void {
		const subscriptions = this.all();
		if (!subscriptions || !(url in subscriptions)) return;
		delete subscriptions[url];
		// Re-assigned at the top level, where n8n's change tracking always sees it.
		this.staticData.subscriptions = subscriptions as unknown as IDataObject;
	}
}
