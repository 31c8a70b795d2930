import { randomUUID } from 'node:crypto';

import type { Simulator } from '../simulator';
import { startSimulator } from '../simulator';
import { bundleInReview, byId, callApi, failNext, newBundle, run } from './accountFixtures';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());

const finalize = (bundleId: string) => ({ resource: 'accountAction', operation: 'finalize', bundleId: byId(bundleId) });

const corrections = (bundleId: string, comment: string, feedback: Record<string, string>) => ({
	resource: 'accountAction',
	operation: 'requestCorrections',
	bundleId: byId(bundleId),
	comment,
	feedback,
});

const history = (bundleId: string) => ({
	resource: 'accountAction',
	operation: 'getFeedbackHistory',
	bundleId: byId(bundleId),
});

describe('Account Action → Finalize', () => {
	it('approves an account in review with one keyed POST and returns data', async () => {
		const bundleId = await bundleInReview(sim);
		const { items, error, requests } = await run(sim, finalize(bundleId));
		expect(error).toBeUndefined();
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({ method: 'POST', path: `/bundles/${bundleId}/account/finalize` });
		expect(requests[0].headers['idempotency-key']).toMatch(/^n8n-/);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ id: bundleId, account: { status: 'finalized' } });
		expect(sim.state.bundles.find((b) => b.id === bundleId)?.account?.status).toBe('finalized');
	});

	it('explains invalid_status when the account is not in review', async () => {
		const bundleId = await newBundle(sim);
		const { error, requests } = await run(sim, finalize(bundleId));
		expect(error?.message).toMatch(/^The account is not in review, so it cannot be finalized/);
		expect(error?.description).toContain('invalid_status');
		expect(error?.description).toContain(`Request ID: ${requests[0].requestId}`);
	});

	it('reports bundle_not_found with the request id', async () => {
		const { error, requests } = await run(sim, finalize(randomUUID()));
		expect(error?.message).toMatch(/^Bundle not found/);
		expect(error?.description).toContain('bundle_not_found');
		expect(error?.description).toContain(`Request ID: ${requests[0].requestId}`);
	});
});

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

describe('Account Action → Get Feedback History', () => {
	it('returns one item per entry, oldest first', async () => {
		const bundleId = await bundleInReview(sim);
		await run(sim, corrections(bundleId, 'Shorter username.', { username: 'Shorten it.' }));
		sim.operator.applyCorrections(bundleId, { username: 'short.name' });
		await run(sim, finalize(bundleId));

		const { items, requests } = await run(sim, history(bundleId));
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /bundles/${bundleId}`]);
		expect(items.map((item) => item.json.type)).toEqual(['corrections_requested', 'corrections_applied', 'finalized']);
		expect(items[0].json).toMatchObject({ comment: 'Shorter username.', fields: { username: 'Shorten it.' } });
		expect(items[1].json).toMatchObject({ changes: { username: { to: 'short.name' } } });
		expect(items.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
	});

	it('returns no items for a bundle without feedback yet', async () => {
		const bundleId = await newBundle(sim);
		const { items, error } = await run(sim, history(bundleId));
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
	});

	it('explains that a Videos Only bundle has no account history', async () => {
		const [account] = sim.seedAccounts(1, { platform: 'tiktok' });
		const created = await callApi(sim, 'POST', '/bundles', {
			bundle_type: 'videos_only',
			account_id: account.id,
			videos_quantity: 1,
		});
		const { error } = await run(sim, history(String(created.json.data?.id)));
		expect(error?.message).toBe('This bundle has no account, so it has no feedback history');
		expect(error?.description).toMatch(/videos_only/);
	});

	it('keeps each entry paired with its input bundle under Continue On Fail', async () => {
		const reviewed = await bundleInReview(sim);
		await run(sim, finalize(reviewed));
		const { items } = await run(
			sim,
			{ ...history(''), bundleId: { __rl: true, mode: 'id', value: '={{ $json.bundle }}' } },
			{ continueOnFail: true, items: [{ bundle: randomUUID() }, { bundle: reviewed }] },
		);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(items[0].json).toMatchObject({ code: 'BUNDLE_NOT_FOUND' });
		expect(items[1].json).toMatchObject({ type: 'finalized' });
	});
});
