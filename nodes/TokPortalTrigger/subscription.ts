import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { MAX_WEBHOOK_DESCRIPTION_LENGTH } from '../shared/constants';
import { apiPath, apiRequest, apiRequestAllItems, asNodeError } from '../shared/transport';
import { sameEvents, subscribedEvents } from '../shared/events';
import type { Subscription } from './staticData';
import { SubscriptionStore } from './staticData';
import { assertDeliverable, endpointKey, lifecycleWebhookUrl } from './webhookUrl';

/** Activation waits on these calls: retry transient failures briefly, then tell the user. */
const LIFECYCLE_RETRY = { maxAttempts: 3 };

interface RemoteWebhook {
	id: string;
	url: string;
	events: string[];
	enabled?: boolean;
}

function wantedEvents(this: IHookFunctions): string[] {
	const selection = this.getNodeParameter('events', []) as string[];
	if (selection.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Select at least one event in the TokPortal Trigger', {
			description: 'Open the trigger and choose events under Events, or choose All Events.',
		});
	}
	return subscribedEvents(selection);
}

function subscriptionDescription(this: IHookFunctions): string {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const custom = typeof options.description === 'string' ? options.description.trim() : '';
	const workflow = this.getWorkflow();
	return (custom || `n8n: ${workflow.name ?? workflow.id ?? 'workflow'}`).slice(0, MAX_WEBHOOK_DESCRIPTION_LENGTH);
}

function isNotFound(error: unknown): boolean {
	return error instanceof NodeApiError && error.context.httpStatus === 404;
}

/** Every webhook of this account that delivers to `url` (the server is the truth, not static data). */
async function webhooksAt(this: IHookFunctions, url: string): Promise<RemoteWebhook[]> {
	const all = await apiRequestAllItems.call(this, { path: '/webhooks', retry: LIFECYCLE_RETRY });
	return all
		.filter((hook) => hook.url === url && typeof hook.id === 'string')
		.map((hook) => ({
			id: hook.id as string,
			url,
			events: Array.isArray(hook.events) ? (hook.events as string[]) : [],
			enabled: typeof hook.enabled === 'boolean' ? hook.enabled : undefined,
		}));
}

/** A webhook that is already gone counts as deleted; any other failure is the caller's to surface. */
async function deleteWebhook(this: IHookFunctions, id: string): Promise<void> {
	try {
		await apiRequest.call(this, { method: 'DELETE', path: apiPath`/webhooks/${id}`, retry: LIFECYCLE_RETRY });
	} catch (error) {
		if (!isNotFound(error)) throw asNodeError(this.getNode(), error);
		this.logger.debug(`TokPortal webhook ${id} was already deleted`);
	}
}

/**
 * Removes what this trigger recorded for endpoints it no longer serves: the same endpoint on an
 * earlier public URL (WEBHOOK_URL changed, a new tunnel), entries of an earlier webhook id, and
 * entries keyed by URL by earlier versions. The other endpoint (test vs production) is left alone.
 */
async function removeStale(this: IHookFunctions, store: SubscriptionStore, key: string, url: string): Promise<void> {
	const current = store.get(key);
	const stale = current && current.url !== url ? [{ key, subscription: current as Partial<Subscription> }] : [];
	const suffix = key.split('/').slice(1).join('/');
	for (const other of store.others(key)) {
		if (other.key.includes('://') || other.key.split('/').slice(1).join('/') !== suffix) stale.push(other);
	}
	for (const { key: staleKey, subscription } of stale) {
		if (typeof subscription.id === 'string') {
			this.logger.info(
				`Deleting TokPortal webhook ${subscription.id}: it delivers to an address this trigger no longer serves`,
			);
			await deleteWebhook.call(this, subscription.id);
		}
		store.forget(staleKey);
	}
}

/**
 * Reconciles with TokPortal instead of trusting static data (lost on crashes, empty for test runs):
 * removes subscriptions on addresses this trigger no longer serves, keeps the one webhook on this URL
 * whose secret we hold, brings its events up to date, deletes every other webhook on this URL
 * (duplicates, or ones whose secret is lost), and answers whether a usable subscription remains.
 * n8n calls `create` when it answers false.
 */
export async function checkExists(this: IHookFunctions): Promise<boolean> {
	const url = lifecycleWebhookUrl.call(this);
	await assertDeliverable.call(this, url);
	const events = wantedEvents.call(this);
	const key = endpointKey(url);
	const store = new SubscriptionStore(this.getWorkflowStaticData('node'));
	await removeStale.call(this, store, key, url);
	const stored = store.get(key);
	const remote = await webhooksAt.call(this, url);
	const kept = stored && remote.find((hook) => hook.id === stored.id);

	for (const hook of remote) {
		if (hook === kept) continue;
		this.logger.info(`Deleting TokPortal webhook ${hook.id}: a second subscription for ${url}, or one whose signing secret this n8n does not hold`);
		await deleteWebhook.call(this, hook.id);
	}
	if (!stored || !kept) {
		store.forget(key);
		return false;
	}
	if (sameEvents(kept.events, events) && kept.enabled !== false) return true;

	try {
		await apiRequest.call(this, {
			method: 'PATCH',
			path: apiPath`/webhooks/${kept.id}`,
			body: { events, enabled: true, description: subscriptionDescription.call(this) },
			retry: LIFECYCLE_RETRY,
		});
	} catch (error) {
		if (!isNotFound(error)) throw asNodeError(this.getNode(), error);
		store.forget(key);
		return false;
	}
	store.set(key, { ...stored, events });
	return true;
}

/** Subscribes this URL and keeps the signing secret, which TokPortal returns only now. */
export async function createSubscription(this: IHookFunctions): Promise<boolean> {
	const url = lifecycleWebhookUrl.call(this);
	await assertDeliverable.call(this, url);
	const events = wantedEvents.call(this);
	const key = endpointKey(url);
	const store = new SubscriptionStore(this.getWorkflowStaticData('node'));
	await removeStale.call(this, store, key, url);
	// POST /webhooks returns a secret: the transport sends it without Idempotency-Key and never retries it.
	const { body } = await apiRequest.call(this, {
		method: 'POST',
		path: '/webhooks',
		body: { url, events, description: subscriptionDescription.call(this) },
	});
	const data = (body.data ?? {}) as IDataObject;
	if (typeof data.id !== 'string' || typeof data.signing_secret !== 'string' || !data.signing_secret) {
		if (typeof data.id === 'string') await deleteWebhook.call(this, data.id);
		throw new NodeOperationError(this.getNode(), 'TokPortal created the webhook without a signing secret', {
			description: 'Deliveries could not be verified, so the webhook was not kept. Try activating again.',
		});
	}
	store.set(key, { id: data.id, secret: data.signing_secret, events, url });
	return true;
}

/**
 * Unsubscribes this endpoint: the stored webhook (whatever URL it was created for), any other one on
 * the current URL (left by lost static data), and stale records. The stored entry is forgotten only
 * once TokPortal no longer has them.
 */
export async function deleteSubscription(this: IHookFunctions): Promise<boolean> {
	const url = lifecycleWebhookUrl.call(this);
	const key = endpointKey(url);
	const store = new SubscriptionStore(this.getWorkflowStaticData('node'));
	const ids = new Set((await webhooksAt.call(this, url)).map((hook) => hook.id));
	const stored = store.get(key);
	if (stored) ids.add(stored.id);
	for (const id of ids) await deleteWebhook.call(this, id);
	store.forget(key);
	await removeStale.call(this, store, key, url);
	return true;
}
