import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { byId, configureViaApi, newBundle, run } from '../accountFixtures';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());

describe('Bundle → Get Publish Readiness', () => {
	it('lists the blockers of an unconfigured bundle, then ready once configured', async () => {
		const id = await newBundle(sim);
		const parameters = { resource: 'bundle', operation: 'getPublishReadiness', bundleId: byId(id) };
		const blocked = await run(sim, parameters);
		expect(blocked.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			`GET /bundles/${id}/publish-readiness`,
		]);
		expect(blocked.items[0].json).toMatchObject({
			bundle_id: id,
			ready: false,
			blockers: [expect.objectContaining({ code: 'ACCOUNT_MISSING' })],
		});

		await configureViaApi(sim, id);
		const ready = await run(sim, parameters);
		expect(ready.items[0].json).toEqual({ bundle_id: id, ready: true, blockers: [] });
	});
});
