/**
 * TokPortal's posting calendar rules (notes §9.2), applied before anything is sent: target dates are
 * UTC calendar days at least 3 days ahead while the account is being created and 1 day ahead once it
 * exists (never today or in the past), and at most 3 videos of a bundle target the same day, counting
 * the ones already scheduled. Pure functions: the bundle's state is read by bundleState.ts.
 */

export const MAX_VIDEOS_PER_DAY = 3;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Statuses in which a slot can be (re)configured. */
export const CONFIGURABLE_STATUSES = ['pending', 'configured'];

/** Bundle statuses in which videos can be configured. */
export const OPEN_BUNDLE_STATUSES = ['pending_setup', 'published', 'published_priority', 'accepted', 'in_review', 'finalized'];

export interface SlotState {
	position: number;
	status: string;
	/** The first day of the slot's posting window, if it has one. */
	targetPublishDate: string | null;
	externalRef: string | null;
	videoType: string | null;
}

export interface BundleState {
	id: string;
	status: string;
	bundleType: string;
	platform?: string;
	savedAccountId: string | null;
	editsQuantity?: number;
	usedEdits?: number;
	slots: SlotState[];
}

export function todayUtc(now = new Date()): string {
	return now.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
	return new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Lead time in days: 3 while TokPortal is still creating the account, 1 once it exists. */
export function minDaysAhead(bundle: Pick<BundleState, 'bundleType' | 'savedAccountId'>): number {
	return bundle.bundleType !== 'videos_only' && !bundle.savedAccountId ? 3 : 1;
}

export function earliestDate(bundle: Pick<BundleState, 'bundleType' | 'savedAccountId'>, today: string): string {
	return addDays(today, minDaysAhead(bundle));
}

/** Slots that hold a place on their day: scheduled in any way, not pending or cancelled. */
function holdsDay(slot: SlotState): boolean {
	return slot.status !== 'pending' && slot.status !== 'cancelled' && slot.targetPublishDate !== null;
}

/** Videos per day, not counting the slots about to be (re)configured: they get a new date. */
export function dayCounts(bundle: BundleState, reconfigured: ReadonlySet<number>): Map<string, number> {
	const counts = new Map<string, number>();
	for (const slot of bundle.slots) {
		if (reconfigured.has(slot.position) || !holdsDay(slot)) continue;
		counts.set(slot.targetPublishDate!, (counts.get(slot.targetPublishDate!) ?? 0) + 1);
	}
	return counts;
}

export function leadTimeProblem(bundle: BundleState, date: string, today: string, label = 'Target Publish Date'): string | undefined {
	const earliest = earliestDate(bundle, today);
	if (date >= earliest) return undefined;
	const days = minDaysAhead(bundle);
	const why =
		days === 3
			? 'while TokPortal is still creating the account, videos need 3 days of lead time'
			: 'videos need at least 1 day of lead time (never today or in the past)';
	return `"${label}" ${date} is too early for this bundle: ${why} (UTC). The earliest allowed date is ${earliest}.`;
}

export function dayFullProblem(date: string, count: number): string {
	return `${date} already has ${count} videos in this bundle; at most ${MAX_VIDEOS_PER_DAY} videos can target the same day. Choose another "Target Publish Date", or leave it empty to get the next day with room.`;
}

/** Why a slot cannot be configured now, if it cannot. */
export function slotProblem(bundle: BundleState, position: number): string | undefined {
	const slot = bundle.slots.find((candidate) => candidate.position === position);
	if (!slot) {
		const count = bundle.slots.length;
		return `This bundle has no video slot ${position}: it has ${count} (positions 1–${count}). Add slots with Bundle → Add Video Slots, or choose another Position.`;
	}
	if (!CONFIGURABLE_STATUSES.includes(slot.status)) {
		return `Video ${position} is ${slot.status}, so it cannot be configured again${
			slot.status === 'published' || slot.status === 'accepted' ? ': unschedule it first (Video → Unschedule)' : ''
		}.`;
	}
	return undefined;
}

export function bundleProblem(bundle: BundleState): string | undefined {
	if (!OPEN_BUNDLE_STATUSES.includes(bundle.status)) {
		return `The bundle is ${bundle.status}: its videos can no longer be configured.`;
	}
	if (bundle.slots.length === 0) {
		return 'This bundle has no video slots (Account Only). Order video slots with Bundle → Add Video Slots, or use a Videos Only bundle.';
	}
	return undefined;
}

/** One row of a calendar to plan: what the item asks for (undefined = automatic). */
export interface CalendarRequest {
	key: number;
	position?: number;
	date?: string;
	externalRef?: string;
	editing: boolean;
}

export interface CalendarEntry {
	position: number;
	date: string;
	automaticPosition: boolean;
	automaticDate: boolean;
}

export type Planned = { entry: CalendarEntry; problem?: undefined } | { entry?: undefined; problem: string };

export interface PlanOptions {
	today: string;
	/** Automatic dates put at most this many videos on a day (1–3). */
	videosPerDay?: number;
	/** Automatic dates start no earlier than this day. */
	startDate?: string;
}

function freeSlots(bundle: BundleState): number[] {
	return bundle.slots
		.filter((slot) => slot.status === 'pending')
		.map((slot) => slot.position)
		.sort((a, b) => a - b);
}

/**
 * Positions for every request, in order: given ones as given; otherwise the slot that already carries
 * the request's External Reference (so running the same rows again updates their slots instead of
 * filling new ones), else the next free slot.
 */
function planPositions(bundle: BundleState, requests: CalendarRequest[]): Map<number, { position: number; automatic: boolean } | { problem: string }> {
	const result = new Map<number, { position: number; automatic: boolean } | { problem: string }>();
	const taken = new Map<number, number>();
	const take = (request: CalendarRequest, position: number, automatic: boolean) => {
		const problem = slotProblem(bundle, position);
		if (problem) return result.set(request.key, { problem });
		taken.set(position, request.key);
		return result.set(request.key, { position, automatic });
	};
	for (const request of requests) {
		if (request.position === undefined) continue;
		if (taken.has(request.position)) {
			result.set(request.key, { problem: `Position ${request.position} is already used by an earlier item for this bundle in this run: give each item its own position, or leave it empty.` });
		} else take(request, request.position, false);
	}
	const byRef = new Map(bundle.slots.filter((slot) => slot.externalRef).map((slot) => [slot.externalRef!, slot.position]));
	const free = freeSlots(bundle);
	for (const request of requests) {
		if (request.position !== undefined) continue;
		const known = request.externalRef === undefined ? undefined : byRef.get(request.externalRef);
		if (known !== undefined && !taken.has(known)) {
			take(request, known, true);
			continue;
		}
		const next = free.find((position) => !taken.has(position));
		if (next === undefined) {
			const count = bundle.slots.length;
			result.set(request.key, {
				problem: `No free video slot left in this bundle (${count} slot${count === 1 ? '' : 's'}, none pending or all taken by earlier items). Add slots with Bundle → Add Video Slots, or give a Position to reconfigure a slot.`,
			});
		} else take(request, next, true);
	}
	return result;
}

/**
 * The calendar of one bundle: a position and a target date for every request, or why it cannot have
 * one. Given dates are checked first (lead time, 3 per day, counting what is already scheduled and
 * the other given dates); automatic dates then take, in request order, the earliest day that is
 * allowed and still has room, never going back to an earlier day, so the rows' order is kept.
 */
export function planCalendar(bundle: BundleState, requests: CalendarRequest[], options: PlanOptions): Map<number, Planned> {
	const planned = new Map<number, Planned>();
	const blocked = bundleProblem(bundle);
	if (blocked) {
		for (const request of requests) planned.set(request.key, { problem: blocked });
		return planned;
	}
	// A given date that is too early is wrong wherever the video goes: refused before it takes a slot.
	const timely = requests.filter((request) => {
		const problem = request.date === undefined ? undefined : leadTimeProblem(bundle, request.date, options.today);
		if (problem) planned.set(request.key, { problem });
		return problem === undefined;
	});
	const positions = planPositions(bundle, timely);
	const placed = timely.flatMap((request) => {
		const position = positions.get(request.key)!;
		if ('problem' in position) {
			planned.set(request.key, { problem: position.problem });
			return [];
		}
		return [{ request, ...position }];
	});

	const editsLeft = editSlotsLeft(bundle, placed);
	for (const { request } of editsLeft.refused) planned.set(request.key, { problem: editsLeft.problem });
	const scheduled = placed.filter((entry) => !editsLeft.refused.includes(entry));

	const counts = dayCounts(bundle, new Set(scheduled.map((entry) => entry.position)));
	const earliest = earliestDate(bundle, options.today);
	for (const { request, position, automatic } of scheduled) {
		if (request.date === undefined) continue;
		const count = counts.get(request.date) ?? 0;
		if (count >= MAX_VIDEOS_PER_DAY) planned.set(request.key, { problem: dayFullProblem(request.date, count) });
		else {
			counts.set(request.date, count + 1);
			planned.set(request.key, { entry: { position, date: request.date, automaticPosition: automatic, automaticDate: false } });
		}
	}
	const perDay = Math.min(options.videosPerDay ?? MAX_VIDEOS_PER_DAY, MAX_VIDEOS_PER_DAY);
	let day = options.startDate && options.startDate > earliest ? options.startDate : earliest;
	for (const { request, position, automatic } of scheduled) {
		if (request.date !== undefined) continue;
		while ((counts.get(day) ?? 0) >= perDay) day = addDays(day, 1);
		counts.set(day, (counts.get(day) ?? 0) + 1);
		planned.set(request.key, { entry: { position, date: day, automaticPosition: automatic, automaticDate: true } });
	}
	return planned;
}

/**
 * Editing instructions use one of the bundle's edit slots each. A slot that is configured already may
 * hold one (TokPortal has the last word there); a pending slot certainly needs a new one.
 */
function editSlotsLeft<T extends { request: CalendarRequest; position: number }>(
	bundle: BundleState,
	placed: T[],
): { refused: T[]; problem: string } {
	const refused: T[] = [];
	const problem = `"Editing Instructions" need a free edit slot, and this bundle has none left (${bundle.editsQuantity ?? 0} edit slot(s), ${bundle.usedEdits ?? 0} used). Add edit slots with Bundle → Add Edit Slots, or remove the instructions.`;
	if (bundle.editsQuantity === undefined || bundle.usedEdits === undefined) return { refused, problem };
	let left = bundle.editsQuantity - bundle.usedEdits;
	for (const entry of placed) {
		if (!entry.request.editing) continue;
		const slot = bundle.slots.find((candidate) => candidate.position === entry.position);
		if (slot?.status !== 'pending') continue;
		if (left > 0) left -= 1;
		else refused.push(entry);
	}
	return { refused, problem };
}
