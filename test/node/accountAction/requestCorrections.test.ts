import { randomUUID } from 'node:crypto';

import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { bundleInReview, failNext, run } from '../accountFixtures';
import { corrections } from './parameters';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());

describe('Account Action → Request Corrections', () => {
	it('sends the comment and per-field feedback, mapping Profile Picture to profile_picture', async () => {
		const bundleId = await bundleInReview(sim);
		const { items, error, requests } = await run(
			sim,
			corrections(bundleId, ' Shorter username, and mention NYC. ', {
				username: 'Shorten it.',
				profilePicture: 'Use a brighter photo.',
				biography: '  ',
			}),
		);
		expect(error).toBeUndefined();
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({ method: 'POST', path: `/bundles/${bundleId}/account/corrections` });
		expect(requests[0].headers['idempotency-key']).toMatch(/^n8n-/);
		expect(requests[0].body).toEqual({
			comment: 'Shorter username, and mention NYC.',
			fields: { username: 'Shorten it.', profile_picture: 'Use a brighter photo.' },
		});
		expect(items[0].json).toMatchObject({ account: { status: 'corrections_requested' } });
	});

	it('sends every field under its API name', async () => {
		const bundleId = await bundleInReview(sim);
		const { requests } = await run(
			sim,
			corrections(bundleId, 'All of it.', {
				username: 'u',
				visibleName: 'v',
				biography: 'b',
				profilePicture: 'p',
			}),
		);
		expect(requests[0].body).toEqual({
			comment: 'All of it.',
			fields: { username: 'u', visible_name: 'v', biography: 'b', profile_picture: 'p' },
		});
	});

	it('requires a comment and sends nothing without one', async () => {
		const bundleId = await bundleInReview(sim);
		const { error, requests } = await run(sim, corrections(bundleId, '={{ "   " }}', { username: 'x' }));
		expect(error?.message).toBe('"Comment" is required');
		expect(requests).toHaveLength(0);
	});

	it('requires feedback on at least one field and sends nothing without it', async () => {
		const bundleId = await bundleInReview(sim);
		const { error, requests } = await run(sim, corrections(bundleId, 'Please fix.', { biography: ' ' }));
		expect(error?.message).toMatch(/^Add feedback on at least one field under "Feedback per Field": say what to change in the Username, Visible Name, Biography or Profile Picture/);
		expect(requests).toHaveLength(0);
	});

	it('explains invalid_status when corrections are already pending', async () => {
		const bundleId = await bundleInReview(sim);
		await run(sim, corrections(bundleId, 'First round.', { username: 'x' }));
		const { error, requests } = await run(sim, corrections(bundleId, 'Second round.', { username: 'y' }));
		expect(error?.message).toMatch(/^Corrections can only be requested while the account is in review/);
		expect(error?.description).toContain(`Request ID: ${requests[0].requestId}`);
	});

	// The node only ever sends a non-empty comment and known, non-empty fields, so these three can
	// only come from the server; a fault makes it send them to check what the user then reads.
	it.each([
		['missing_comment', /needs a Comment/],
		['missing_fields', /feedback on at least one field/],
		['invalid_field', /only be requested on username, visible name, biography and profile picture/],
	])('surfaces %s with the request id', async (code, message) => {
		const bundleId = await bundleInReview(sim);
		failNext(sim, 'POST', `/bundles/${bundleId}/account/corrections`, 400, code);
		const { error, requests } = await run(sim, corrections(bundleId, 'Fix.', { username: 'x' }));
		expect(requests).toHaveLength(1);
		expect(error?.message).toMatch(message);
		expect(error?.description).toContain(code);
		expect(error?.description).toContain(`Request ID: ${requests[0].requestId}`);
	});

	it('reports bundle_not_found', async () => {
		const { error } = await run(sim, corrections(randomUUID(), 'Fix.', { username: 'x' }));
		expect(error?.message).toMatch(/^Bundle not found/);
	});
});
