import type { IDataObject } from 'n8n-workflow';

/**
 * "Only New Since Last Run" for ban reports, without webhooks. TokPortal's `since` returns the
 * reports updated at or after a moment (inclusive), so the node keeps, per workflow node and per set
 * of filters, the latest `updated_at` it returned and which reports it returned at exactly that
 * moment. The next run asks from that moment and drops those: each update of a report comes out
 * once, and the position only moves to what was actually returned, so nothing is skipped when a
 * Limit holds some reports back for the next run.
 */
export interface Watermark {
	/** The latest `updated_at` returned, exactly as TokPortal wrote it (sent back as `since`). */
	since: string;
	/** `id@updated_at` of the reports returned at that moment. */
	seen: string[];
}

/** Where the node keeps its positions in the workflow's static data (saved by n8n after production runs). */
const STATIC_KEY = 'banReportWatermarks';
/** Positions kept per node: one per set of filters, the least recently used dropped first. */
const MAX_POSITIONS = 20;

function instant(value: unknown): number {
	return typeof value === 'string' ? Date.parse(value) : NaN;
}

function reportKey(report: IDataObject): string {
	return `${String(report.id)}@${String(report.updated_at)}`;
}

/** Oldest update first; reports without a readable `updated_at` last (TokPortal always sets it). */
function compareUpdates(a: IDataObject, b: IDataObject): number {
	const [at, bt] = [instant(a.updated_at), instant(b.updated_at)];
	if (Number.isNaN(at) || Number.isNaN(bt)) return Number.isNaN(at) ? (Number.isNaN(bt) ? 0 : 1) : -1;
	if (at !== bt) return at - bt;
	return String(a.id).localeCompare(String(b.id));
}

/** The later of the stored position and the user's own "Since" (the starting point of a first run). */
export function startingPoint(mark: Watermark | undefined, since: string | undefined): { since?: string; seen: string[] } {
	if (!mark) return { since, seen: [] };
	if (since !== undefined && instant(since) > instant(mark.since)) return { since, seen: [] };
	return mark;
}

/** The reports not returned before, oldest update first, at most `limit` of them. */
export function newReports(reports: IDataObject[], seen: string[], limit: number | undefined): IDataObject[] {
	const returned = new Set(seen);
	const fresh = reports.filter((report) => !returned.has(reportKey(report))).sort(compareUpdates);
	return limit === undefined ? fresh : fresh.slice(0, limit);
}

/** The position after returning `returned` (oldest first): its latest update, and who was returned then. */
export function advance(start: { since?: string; seen: string[] }, returned: IDataObject[]): Watermark | undefined {
	const dated = returned.filter((report) => !Number.isNaN(instant(report.updated_at)));
	const latest = dated.at(-1);
	if (!latest) return undefined;
	const moment = instant(latest.updated_at);
	const atMoment = dated.filter((report) => instant(report.updated_at) === moment).map(reportKey);
	const carried = start.since !== undefined && instant(start.since) === moment ? start.seen : [];
	return { since: String(latest.updated_at), seen: [...new Set([...carried, ...atMoment])] };
}

/** The positions of one node, in its static data. A set of filters is one position. */
export class BanWatermarks {
	constructor(private readonly staticData: IDataObject) {}

	private all(): Record<string, Watermark> {
		const stored = this.staticData[STATIC_KEY];
		return stored !== null && typeof stored === 'object' && !Array.isArray(stored)
			? (stored as unknown as Record<string, Watermark>)
			: {};
	}

	get(key: string): Watermark | undefined {
		const mark = this.all()[key];
		if (!mark || typeof mark.since !== 'string' || !Array.isArray(mark.seen)) return undefined;
		return { since: mark.since, seen: mark.seen.map(String) };
	}

	set(key: string, mark: Watermark): void {
		const others = Object.entries(this.all()).filter(([other]) => other !== key);
		const kept = others.slice(Math.max(0, others.length - (MAX_POSITIONS - 1)));
		// A new object on the node's own key: n8n notices the change and saves it after the run.
		this.staticData[STATIC_KEY] = Object.fromEntries([...kept, [key, mark]]) as unknown as IDataObject;
	}
}

/** One position per set of filters: the same filters in any order are the same watch. */
export function watermarkKey(filters: Record<string, string[]>): string {
	const sorted = Object.keys(filters)
		.sort()
		.map((name) => [name, [...filters[name]].sort()]);
	return JSON.stringify(sorted);
}
