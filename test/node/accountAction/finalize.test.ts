import { randomUUID } from 'node:crypto';

import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { bundleInReview, newBundle, run } from '../accountFixtures';
import { finalize } from './parameters';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());

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
