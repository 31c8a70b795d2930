import { randomUUID } from 'node:crypto';

import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { bundleInReview, callApi, newBundle, run } from '../accountFixtures';
import { corrections, finalize, history } from './parameters';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());

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
