// TokPortal's calendar rules as the node applies them before sending (pure functions).
import type { BundleState, CalendarRequest, SlotState } from '../../../nodes/TokPortal/actions/video/calendar';
import { addDays, earliestDate, minDaysAhead, planCalendar } from '../../../nodes/TokPortal/actions/video/calendar';

const TODAY = '2026-06-01';

function slot(position: number, status = 'pending', date: string | null = null, externalRef: string | null = null): SlotState {
	return { position, status, targetPublishDate: date, externalRef, videoType: status === 'pending' ? null : 'video' };
}

function bundle(slots: SlotState[], overrides: Partial<BundleState> = {}): BundleState {
	return { id: 'b', status: 'pending_setup', bundleType: 'account_and_videos', platform: 'tiktok', savedAccountId: null, editsQuantity: 0, usedEdits: 0, slots, ...overrides };
}

const slots = (count: number) => Array.from({ length: count }, (_, i) => slot(i + 1));
const ask = (key: number, extra: Partial<CalendarRequest> = {}): CalendarRequest => ({ key, editing: false, ...extra });

function plan(state: BundleState, requests: CalendarRequest[], options: { videosPerDay?: number; startDate?: string } = {}) {
	const result = planCalendar(state, requests, { today: TODAY, ...options });
	return requests.map((request) => {
		const planned = result.get(request.key)!;
		return planned.problem ?? [planned.entry!.position, planned.entry!.date];
	});
}

describe('lead time', () => {
	it('is 3 days while the account is being created, 1 day once it exists or for Videos Only', () => {
		expect(minDaysAhead({ bundleType: 'account_and_videos', savedAccountId: null })).toBe(3);
		expect(minDaysAhead({ bundleType: 'account_and_videos', savedAccountId: 'acc_1' })).toBe(1);
		expect(minDaysAhead({ bundleType: 'videos_only', savedAccountId: null })).toBe(1);
		expect(earliestDate({ bundleType: 'account_and_videos', savedAccountId: null }, TODAY)).toBe('2026-06-04');
		expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
	});

	it('refuses a given date that is too early, today or in the past, naming the earliest allowed day', () => {
		const state = bundle(slots(3));
		expect(plan(state, [ask(0, { date: '2026-06-03' }), ask(1, { date: TODAY }), ask(2, { date: '2025-01-01' })])).toEqual([
			expect.stringMatching(/^"Target Publish Date" 2026-06-03 is too early for this bundle: while TokPortal is still creating the account, videos need 3 days of lead time \(UTC\)\. The earliest allowed date is 2026-06-04\.$/),
			expect.stringContaining('The earliest allowed date is 2026-06-04'),
			expect.stringContaining('The earliest allowed date is 2026-06-04'),
		]);
		expect(plan(bundle(slots(1), { savedAccountId: 'acc_1' }), [ask(0, { date: '2026-06-02' })])).toEqual([[1, '2026-06-02']]);
	});
});

describe('3 videos per day', () => {
	it('counts what is already scheduled (not pending or cancelled) and fills each day up to 3, in row order', () => {
		const state = bundle([
			slot(1, 'published', '2026-06-04'),
			slot(2, 'configured', '2026-06-04'),
			slot(3, 'cancelled', '2026-06-05'),
			...[4, 5, 6, 7, 8].map((n) => slot(n)),
		]);
		expect(plan(state, [0, 1, 2, 3, 4].map((key) => ask(key)))).toEqual([
			[4, '2026-06-04'],
			[5, '2026-06-05'],
			[6, '2026-06-05'],
			[7, '2026-06-05'],
			[8, '2026-06-06'],
		]);
	});

	it('reserves the given dates first, then gives automatic ones the days with room, never going back', () => {
		const state = bundle(slots(6));
		expect(
			plan(state, [ask(0), ask(1, { date: '2026-06-04' }), ask(2), ask(3, { date: '2026-06-04' }), ask(4), ask(5, { date: '2026-06-10' })]),
		).toEqual([
			[1, '2026-06-04'],
			[2, '2026-06-04'],
			[3, '2026-06-05'],
			[4, '2026-06-04'],
			[5, '2026-06-05'],
			[6, '2026-06-10'],
		]);
	});

	it('refuses a fourth video on a given day, counting the other rows', () => {
		const state = bundle([slot(1, 'configured', '2026-06-04'), ...[2, 3, 4].map((n) => slot(n))]);
		expect(plan(state, [1, 2, 3].map((key) => ask(key, { date: '2026-06-04' })))).toEqual([
			[2, '2026-06-04'],
			[3, '2026-06-04'],
			expect.stringMatching(/^2026-06-04 already has 3 videos in this bundle; at most 3 videos can target the same day\./),
		]);
	});

	it('does not count a slot against its own new date when it is reconfigured', () => {
		const full = bundle([slot(1, 'configured', '2026-06-04'), slot(2, 'configured', '2026-06-04'), slot(3, 'configured', '2026-06-04')]);
		expect(plan(full, [ask(0, { position: 3, date: '2026-06-04' })])).toEqual([[3, '2026-06-04']]);
	});

	it('spreads automatic dates with Videos per Day and starts no earlier than Start From', () => {
		expect(plan(bundle(slots(3)), [0, 1, 2].map((key) => ask(key)), { videosPerDay: 1 })).toEqual([
			[1, '2026-06-04'],
			[2, '2026-06-05'],
			[3, '2026-06-06'],
		]);
		expect(plan(bundle(slots(2)), [ask(0), ask(1)], { startDate: '2026-07-01', videosPerDay: 2 })).toEqual([
			[1, '2026-07-01'],
			[2, '2026-07-01'],
		]);
		// A Start From before the lead time does not make dates too early.
		expect(plan(bundle(slots(1)), [ask(0)], { startDate: '2026-06-02' })).toEqual([[1, '2026-06-04']]);
	});
});

describe('positions', () => {
	it('take free slots in order, skip the ones given to other rows, and say when none is left', () => {
		const state = bundle([slot(1, 'configured', '2026-06-09'), slot(2), slot(3), slot(4)]);
		expect(plan(state, [ask(0), ask(1, { position: 2 }), ask(2), ask(3)])).toEqual([
			[3, '2026-06-04'],
			[2, '2026-06-04'],
			[4, '2026-06-04'],
			expect.stringMatching(/^No free video slot left in this bundle \(4 slots/),
		]);
	});

	it('reuse the slot that already carries the row’s External Reference, so a re-run updates instead of adding', () => {
		const state = bundle([slot(1, 'configured', '2026-06-04', 'row-1'), slot(2, 'configured', '2026-06-04', 'row-2'), slot(3), slot(4)]);
		expect(plan(state, [ask(0, { externalRef: 'row-1' }), ask(1, { externalRef: 'row-9' }), ask(2, { externalRef: 'row-2' })])).toEqual([
			[1, '2026-06-04'],
			[3, '2026-06-04'],
			[2, '2026-06-04'],
		]);
	});

	it('refuse a slot that does not exist, one given twice, and one already submitted or posted', () => {
		const state = bundle([slot(1, 'published', '2026-06-04'), slot(2, 'finalized', '2026-06-04'), slot(3)]);
		expect(plan(state, [ask(0, { position: 7 }), ask(1, { position: 3 }), ask(2, { position: 3 }), ask(3, { position: 1 }), ask(4, { position: 2 })])).toEqual([
			'This bundle has no video slot 7: it has 3 (positions 1–3). Add slots with Bundle → Add Video Slots, or choose another Position.',
			[3, '2026-06-04'],
			'Position 3 is already used by an earlier item for this bundle in this run: give each item its own position, or leave it empty.',
			'Video 1 is published, so it cannot be configured again: unschedule it first (Video → Unschedule).',
			'Video 2 is finalized, so it cannot be configured again.',
		]);
	});
});

describe('the bundle', () => {
	it('must still take configurations and have video slots', () => {
		expect(plan(bundle(slots(2), { status: 'completed' }), [ask(0)])).toEqual(['The bundle is completed: its videos can no longer be configured.']);
		expect(plan(bundle([], { bundleType: 'account_only' }), [ask(0)])).toEqual([expect.stringMatching(/^This bundle has no video slots \(Account Only\)/)]);
	});

	it('needs a free edit slot for each new video with editing instructions', () => {
		const state = bundle([slot(1), slot(2), slot(3, 'configured', '2026-06-04')], { editsQuantity: 2, usedEdits: 1 });
		expect(plan(state, [ask(0, { editing: true }), ask(1, { editing: true }), ask(2, { position: 3, editing: true })])).toEqual([
			[1, '2026-06-04'],
			expect.stringMatching(/^"Editing Instructions" need a free edit slot, and this bundle has none left \(2 edit slot\(s\), 1 used\)/),
			// A configured slot may already hold its edit: TokPortal decides.
			[3, '2026-06-04'],
		]);
	});
});
