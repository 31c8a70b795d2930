import type { INodeParameters } from 'n8n-workflow';

import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { byId, run } from '../accountFixtures';
import { configureSlots, day, slot, videoBundle, videoConfig } from './videoFixtures';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());

const update = (bundle: string, updateFields: INodeParameters, position = 1): INodeParameters => ({
	resource: 'video',
	operation: 'update',
	bundleId: byId(bundle),
	position,
	updateFields,
});

describe('Video → Update', () => {
	it('changes name and External Reference with one PATCH, and clears them explicitly', async () => {
		const a = await videoBundle(sim);
		await configureSlots(sim, a, [{ position: 1, ...videoConfig({ name: 'Old', external_ref: 'old-ref' }) }]);
		const renamed = await run(sim, update(a, { name: 'Teaser', externalRef: 'acme-7' }));
		expect(renamed.requests.map((r) => [r.method, r.path, r.body])).toEqual([['PATCH', `/bundles/${a}/videos/1`, { name: 'Teaser', external_ref: 'acme-7' }]]);
		expect(renamed.items[0].json).toMatchObject({ name: 'Teaser', external_ref: 'acme-7' });
		const cleared = await run(sim, update(a, { clearName: true, clearExternalRef: true }));
		expect(cleared.requests[0].body).toEqual({ name: null, external_ref: null });
		expect(slot(sim, a, 1).external_ref).toBeNull();
	});

	it('moves a date after checking the calendar rules on the bundle it read', async () => {
		const a = await videoBundle(sim, { videos: 5 });
		const full = day(9);
		await configureSlots(sim, a, [
			{ position: 1, ...videoConfig({ target_publish_date: day(5) }) },
			...[2, 3, 4].map((position) => ({ position, ...videoConfig({ target_publish_date: full }) })),
		]);
		const moved = await run(sim, update(a, { targetPublishDate: day(7), description: 'New caption' }));
		expect(moved.requests.map((r) => r.method)).toEqual(['GET', 'PATCH']);
		expect(moved.requests[1].body).toEqual({ description: 'New caption', target_publish_date: day(7) });
		expect(moved.items[0].json).toMatchObject({ target_publish_start_date: day(7), target_publish_end_date: day(8) });
		const crowded = await run(sim, update(a, { targetPublishDate: full }));
		expect(crowded.error?.message).toMatch(new RegExp(`^${full} already has 3 videos in this bundle`));
		const early = await run(sim, update(a, { windowStartDate: day(1), windowEndDate: day(4) }));
		expect(early.error?.message).toMatch(/^"Window Start Date" .* is too early for this bundle/);
		const window = await run(sim, update(a, { windowStartDate: day(10), windowEndDate: day(12) }));
		expect(window.requests[1].body).toEqual({ target_publish_start_date: day(10), target_publish_end_date: day(12) });
		for (const refused of [crowded, early]) expect(refused.requests.map((r) => r.method)).toEqual(['GET']);
	});

	it('refuses, before sending, an empty update, contradictory fields and an empty value', async () => {
		const a = await videoBundle(sim);
		const cases = [
			[{}, 'Add at least one field to update under "Update Fields" (or turn on a Clear option)'],
			[{ name: 'A', clearName: true }, '"Name" and "Clear Name" cannot be used together: remove one'],
			[{ targetPublishDate: day(5), windowEndDate: day(6) }, 'Give either "Target Publish Date" (a 2-day window) or "Window Start Date"/"Window End Date", not both'],
			[{ windowStartDate: day(8), windowEndDate: day(6) }, `"Window End Date" (${day(6)}) cannot be before "Window Start Date" (${day(8)})`],
			[{ externalRef: '' }, '"External Reference" is empty. To remove it from the video, use "Clear External Reference" instead'],
		] as const;
		for (const [fields, message] of cases) {
			const { error, requests } = await run(sim, update(a, fields));
			expect(error?.message).toBe(message);
			expect(requests).toHaveLength(0);
		}
	});
});
