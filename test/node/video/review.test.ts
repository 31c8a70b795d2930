import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { byId, run } from '../accountFixtures';
import { postedVideoBundle, slot } from './videoFixtures';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());

describe('Video → Finalize', () => {
	it('approves a posted video in review; TokPortal sends video.finalized', async () => {
		const a = await postedVideoBundle(sim);
		const { items, requests } = await run(sim, { resource: 'video', operation: 'finalize', bundleId: byId(a), position: 1 });
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST /bundles/${a}/videos/1/finalize`]);
		expect(items[0].json).toMatchObject({ position: 1, status: 'finalized', finalized_at: expect.any(String) });
		expect(sim.state.events.some((event) => event.type === 'video.finalized' && event.data.bundle_id === a)).toBe(true);
		const twice = await run(sim, { resource: 'video', operation: 'finalize', bundleId: byId(a), position: 1 });
		expect(twice.error?.message).toBe('Video 1 is finalized; this action needs it to be accepted, in_review. Use Video → Get to check it.');
	});
});

describe('Video → Request Corrections', () => {
	it('sends the comment and the feedback per field in TokPortal’s names', async () => {
		const a = await postedVideoBundle(sim);
		const { items, requests } = await run(sim, {
			resource: 'video',
			operation: 'requestCorrections',
			bundleId: byId(a),
			position: 1,
			comment: 'The caption lost its hashtags.',
			feedback: { description: 'Add #streetstyle', videoUrl: 'Use the uncut clip' },
		});
		expect(requests[0].body).toEqual({
			comment: 'The caption lost its hashtags.',
			fields: { description: 'Add #streetstyle', video_url: 'Use the uncut clip' },
		});
		expect(items[0].json).toMatchObject({ status: 'pending_corrections', corrections: { comment: 'The caption lost its hashtags.' } });
		expect(slot(sim, a, 1).status).toBe('pending_corrections');
	});

	it('needs a comment (nothing sent without one); feedback per field is optional', async () => {
		const a = await postedVideoBundle(sim);
		const none = await run(sim, { resource: 'video', operation: 'requestCorrections', bundleId: byId(a), position: 1, comment: '  ' });
		expect(none.error?.message).toBe('"Comment" is required');
		expect(none.requests).toHaveLength(0);
		const plain = await run(sim, { resource: 'video', operation: 'requestCorrections', bundleId: byId(a), position: 1, comment: 'Repost it later in the day.' });
		expect(plain.requests[0].body).toEqual({ comment: 'Repost it later in the day.' });
	});
});
