import { randomUUID } from 'node:crypto';

import type { Simulator } from '../../simulator';
import { DEFAULT_API_KEY, startSimulator } from '../../simulator';
import { byId, newBundle, run } from '../accountFixtures';

const OTHER_KEY = `sk_${'b'.repeat(64)}`;

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false, apiKeys: [DEFAULT_API_KEY, OTHER_KEY] });
});
afterAll(async () => await sim.close());

describe('Bundle → Get', () => {
	it('returns the bundle with its computed fields from one GET', async () => {
		const id = await newBundle(sim);
		const { items, requests } = await run(sim, { resource: 'bundle', operation: 'get', bundleId: byId(id) });
		expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([`GET /bundles/${id}`]);
		expect(requests[0].headers['x-api-key']).toBe(sim.apiKey);
		expect(requests[0].headers['idempotency-key']).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ id, status: 'pending_setup', next_action: 'configure_account' });
		expect(items[0].json.account).toBeDefined();
		expect(items[0].json.data).toBeUndefined();
	});

	it('BUNDLE_NOT_FOUND says to check the ID, with the request id', async () => {
		const { error, requests } = await run(sim, { resource: 'bundle', operation: 'get', bundleId: byId(randomUUID()) });
		expect(error?.message).toMatch(/^Bundle not found. Check the Bundle ID/);
		expect(error?.description).toContain('BUNDLE_NOT_FOUND');
		expect(error?.description).toContain(`Request ID: ${requests[0].requestId}`);
	});

	it('BUNDLE_NOT_OWNED when another user’s API key asks, with the request id', async () => {
		const id = await newBundle(sim);
		const { error, requests } = await run(
			sim,
			{ resource: 'bundle', operation: 'get', bundleId: byId(id) },
			{ apiKey: OTHER_KEY },
		);
		expect(requests[0].headers['x-api-key']).toBe(OTHER_KEY);
		expect(error?.message).toMatch(/^This bundle belongs to another TokPortal user/);
		expect(error?.description).toContain(`Request ID: ${requests[0].requestId}`);
	});

	it('refuses an empty Bundle ID without sending anything', async () => {
		const { error, requests } = await run(sim, { resource: 'bundle', operation: 'get', bundleId: byId('={{ $json.id }}') });
		expect(error?.message).toBe('"Bundle" is required');
		expect(requests).toHaveLength(0);
	});
});
