import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { byId, configureViaApi, newBundle, run } from '../accountFixtures';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());

describe('Account Configuration → Get', () => {
	it('returns the configuration with its status', async () => {
		const bundleId = await newBundle(sim);
		await configureViaApi(sim, bundleId);
		const { items, requests } = await run(sim, {
			resource: 'accountConfiguration',
			operation: 'get',
			bundleId: byId(bundleId),
		});
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /bundles/${bundleId}/account`]);
		expect(requests[0].headers['idempotency-key']).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ visible_name: 'Fixture Account', status: 'configured' });
	});

	it('names the Bundle field when its expression resolves to nothing, instead of sending a request', async () => {
		const { error, requests } = await run(sim, {
			resource: 'accountConfiguration',
			operation: 'get',
			bundleId: byId('={{ $json.missing }}'),
		});
		expect(error?.message).toBe('"Bundle" is required');
		expect(requests).toHaveLength(0);
	});
});
