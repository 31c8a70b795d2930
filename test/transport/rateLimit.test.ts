import type { IDataObject } from 'n8n-workflow';

import { chain, runWorkflow } from '../harness';
import type { Simulator } from '../simulator';
import { startSimulator } from '../simulator';

/**
 * Return All against TokPortal's real bucket (120 requests, 2 per second): the transport must wait
 * for tokens instead of collecting 429s, and finish close to the bucket's theoretical minimum.
 */
describe('pagination under the rate limit', () => {
	let sim: Simulator;
	const pages = 130;

	beforeAll(async () => {
		sim = await startSimulator({ seed: { accounts: pages * 100 }, rateLimit: { capacity: 120, refillPerSecond: 2 } });
	});
	afterAll(async () => {
		await sim.close();
	});

	it('returns every item with zero errors within 10% of the theoretical minimum time', async () => {
		const started = Date.now();
		const result = await runWorkflow(
			{
				nodes: [
					{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', parameters: {} },
					{
						name: 'List',
						type: 'n8n-nodes-tokportal.tokPortal',
						parameters: { resource: 'deliveredAccount', operation: 'getMany', returnAll: true },
						credentials: { tokPortalApi: { id: '1', name: 'TokPortal account' } },
					},
				],
				connections: chain('Start', 'List'),
			},
			{ credentials: { tokPortalApi: { apiKey: sim.apiKey, baseUrl: sim.baseUrl } } },
		);
		const seconds = (Date.now() - started) / 1000;
		expect(result.nodeError('List')).toBeUndefined();
		const items = result.output('List');
		expect(items).toHaveLength(pages * 100);
		expect(new Set(items.map((item) => (item.json as IDataObject).id)).size).toBe(pages * 100);
		const theoreticalMinimum = (pages - 120) / 2;
		expect(seconds).toBeGreaterThanOrEqual(theoreticalMinimum * 0.9);
		expect(seconds).toBeLessThanOrEqual(theoreticalMinimum * 1.1 + 0.5);
		expect(sim.requests.filter((request) => request.status === 429)).toHaveLength(0);
		expect(sim.requests).toHaveLength(pages);
	}, 60_000);
});
