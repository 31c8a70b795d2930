/** Event ids remembered per webhook URL: TokPortal redelivers an event within hours, not thousands later. */
export const MAX_IDS_PER_URL = 500;

/** Webhook URLs tracked in memory; the least recently used one is dropped beyond this. */
const MAX_URLS = 1000;

/**
 * Best-effort memory of recently processed event ids, in two places:
 * - in this n8n process (exact, but lost on restart and not shared between queue-mode workers);
 * - in the subscription's static data, for n8n versions that save static data changed by a webhook
 *   call (2.40.7 does not when the call starts an execution, nor for test runs).
 * Together they stop retried deliveries from running the workflow twice within one n8n process.
 */
export class RecentEventIds {
	private readonly byUrl = new Map<string, Set<string>>();

	has(url: string, eventId: string): boolean {
		return this.byUrl.get(url)?.has(eventId) ?? false;
	}

	add(url: string, eventId: string): void {
		const ids = this.byUrl.get(url) ?? new Set<string>();
		this.byUrl.delete(url);
		this.byUrl.set(url, ids);
		ids.delete(eventId);
		ids.add(eventId);
		if (ids.size > MAX_IDS_PER_URL) ids.delete(ids.values().next().value as string);
		if (this.byUrl.size > MAX_URLS) this.byUrl.delete(this.byUrl.keys().next().value as string);
	}
}

/** The persisted list with one more id, oldest dropped first. */
export function appendRecent(ids: readonly string[] | undefined, eventId: string): string[] {
	return [...(ids ?? []).filter((id) => id !== eventId), eventId].slice(-MAX_IDS_PER_URL);
}
