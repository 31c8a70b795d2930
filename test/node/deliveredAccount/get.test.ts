import { randomUUID } from 'node:crypto';

import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { byId, run } from '../accountFixtures';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());

describe('Delivered Account → Get', () => {
	it('returns the account with its remade info, from one GET', async () => {
		const [account] = sim.seedAccounts(1, { platform: 'instagram', country: 'FR' });
		account.remade = { was_remade: true, remade_count: 1, old_username: 'old.name', remade_at: '2026-05-01T00:00:00.000Z' };
		const { items, requests } = await run(sim, {
			resource: 'deliveredAccount',
			operation: 'get',
			accountId: byId(account.id),
		});
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /accounts/${account.id}`]);
		expect(requests[0].headers['idempotency-key']).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			id: account.id,
			username: account.username,
			credentials: null,
			remade: { was_remade: true, old_username: 'old.name' },
		});
		expect(account.support_forfeited_at).toBeNull();
	});

	it('reports SAVED_ACCOUNT_NOT_FOUND with the request id', async () => {
		const { error, requests } = await run(sim, {
			resource: 'deliveredAccount',
			operation: 'get',
			accountId: byId(randomUUID()),
		});
		expect(error?.message).toMatch(/^Delivered account not found/);
		expect(error?.description).toContain('SAVED_ACCOUNT_NOT_FOUND');
		expect(error?.description).toContain(`Request ID: ${requests[0].requestId}`);
	});
});
