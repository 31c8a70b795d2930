import { randomUUID } from 'node:crypto';

import type { INodeParameters } from 'n8n-workflow';

import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { byId, newBundle, publishedBundle, run, storedBundle } from '../accountFixtures';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());

describe('Bundle → Unpublish', () => {
	const unpublish = (id: string): INodeParameters => ({ resource: 'bundle', operation: 'unpublish', bundleId: byId(id) });

	it('takes a published bundle back to pending_setup', async () => {
		const id = await publishedBundle(sim);
		const { items, requests } = await run(sim, unpublish(id));
		expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([`POST /bundles/${id}/unpublish`]);
		expect(requests[0].headers['idempotency-key']).toMatch(/^n8n-/);
		expect(items[0].json).toMatchObject({ id, status: 'pending_setup' });
		expect(storedBundle(sim, id)?.status).toBe('pending_setup');
	});

	it('explains that an accepted bundle can no longer be unpublished, with the request id', async () => {
		const id = await publishedBundle(sim);
		sim.operator.acceptBundle(id);
		const { error, requests } = await run(sim, unpublish(id));
		expect(error?.message).toMatch(/already accepted it, so it can no longer be unpublished. Nothing was changed or refunded/);
		expect(error?.description).toContain(`Request ID: ${requests[0].requestId}`);
		expect(storedBundle(sim, id)?.status).toBe('accepted');
	});

	it('says only published bundles can be unpublished', async () => {
		const id = await newBundle(sim);
		const { error } = await run(sim, unpublish(id));
		expect(error?.message).toBe('Only published bundles can be unpublished; this one is pending_setup. Nothing was changed.');
	});

	it('keeps pairing under Continue On Fail with a good and a bad bundle', async () => {
		const good = await publishedBundle(sim);
		const { items, requests } = await run(
			sim,
			{ resource: 'bundle', operation: 'unpublish', bundleId: byId('={{ $json.id }}') },
			{ continueOnFail: true, items: [{ id: randomUUID() }, { id: good }] },
		);
		expect(requests).toHaveLength(2);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(items[0].json).toMatchObject({ code: 'BUNDLE_NOT_FOUND', requestId: requests[0].requestId });
		expect(items[1].json).toMatchObject({ id: good, status: 'pending_setup' });
	});
});
