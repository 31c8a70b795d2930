import { randomUUID } from 'node:crypto';

import { getMany } from '../../nodes/TokPortal/actions/deliveredAccount/getMany.operation';
import { searchAccounts, searchBundles } from '../../nodes/TokPortal/methods/listSearch';
import { loadOptionsContext as sharedLoadOptionsContext } from '../harness/loadOptionsContext';
import type { Simulator } from '../simulator';
import { startSimulator } from '../simulator';
import { bundleInReview, byId, callApi, run } from './accountFixtures';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());

function savedAccountOf(bundleId: string): string {
	return String(sim.state.bundles.find((b) => b.id === bundleId)?.saved_account_id);
}

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

describe('Delivered Account → Get Many', () => {
	it('outputs a list too long to pass as call arguments (130,000 accounts), every item paired', async () => {
		// Return All reads up to 500,000 accounts; reading 130,000 from the simulator would take
		// minutes, so the operation's result is given and the router and engine around it are real.
		const accounts = Array.from({ length: 130_000 }, (_, index) => ({ id: `account-${index}` }));
		const execute = jest.spyOn(getMany, 'execute').mockResolvedValue(accounts);
		try {
			const { items, error } = await run(sim, { resource: 'deliveredAccount', operation: 'getMany', returnAll: true });
			expect(error).toBeUndefined();
			expect(execute).toHaveBeenCalledTimes(1);
			expect(items).toHaveLength(130_000);
			expect(items[129_999]).toEqual({ json: { id: 'account-129999' }, pairedItem: { item: 0 } });
		} finally {
			execute.mockRestore();
		}
	});
});

describe('Delivered Account → Get Bundles', () => {
	let accountId: string;
	let originBundle: string;
	const videosOnly: string[] = [];

	beforeAll(async () => {
		originBundle = await bundleInReview(sim);
		accountId = savedAccountOf(originBundle);
		for (let i = 0; i < 3; i++) {
			const created = await callApi(sim, 'POST', '/bundles', {
				bundle_type: 'videos_only',
				account_id: accountId,
				videos_quantity: 2 + i,
			});
			videosOnly.push(String(created.json.data?.id));
		}
	});

	const getBundles = (extra: Record<string, unknown>) => ({
		resource: 'deliveredAccount',
		operation: 'getBundles',
		accountId: byId(accountId),
		...extra,
	});

	it('returns every bundle of the account as one item each, with its videos summary', async () => {
		const { items, requests } = await run(sim, getBundles({ returnAll: true }));
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({ method: 'GET', path: `/accounts/${accountId}/bundles` });
		expect(requests[0].query).toEqual({ page: '1', per_page: '100' });
		expect(items.map((item) => item.json.id).sort()).toEqual([originBundle, ...videosOnly].sort());
		const slots = items.find((item) => item.json.id === videosOnly[2])?.json.videos;
		expect(slots).toMatchObject({ total: 4, pending: 4 });
	});

	it('filters by status', async () => {
		const { items, requests } = await run(sim, getBundles({ returnAll: true, filters: { status: 'accepted' } }));
		expect(requests[0].query).toMatchObject({ status: 'accepted' });
		expect(items.map((item) => item.json.id)).toEqual([originBundle]);
	});

	it('stops at the Limit', async () => {
		const { items, requests } = await run(sim, getBundles({ returnAll: false, limit: 2 }));
		expect(items).toHaveLength(2);
		expect(requests).toHaveLength(1);
		expect(requests[0].query).toMatchObject({ per_page: '2' });
	});

	it('reports SAVED_ACCOUNT_NOT_FOUND', async () => {
		const { error } = await run(sim, { ...getBundles({ returnAll: true }), accountId: byId(randomUUID()) });
		expect(error?.message).toMatch(/^Delivered account not found/);
	});
});

describe('list searches used by the Bundle and Delivered Account pickers', () => {
	const loadOptionsContext = () => sharedLoadOptionsContext(sim);

	it('searchAccounts names accounts "@username · Platform · country" and links the profile', async () => {
		const [account] = sim.seedAccounts(1, { platform: 'tiktok', country: 'USA' });
		const result = await searchAccounts.call(loadOptionsContext(), account.username.toUpperCase());
		expect(result.results).toContainEqual({
			name: `@${account.username} · TikTok · USA`,
			value: account.id,
			url: account.profile_url,
		});
		expect(result.results.every((entry) => String(entry.name).includes(account.username))).toBe(true);
	});

	it('searchBundles names bundles by title, reference, platform, country and status', async () => {
		const created = await callApi(sim, 'POST', '/bundles', {
			bundle_type: 'account_only',
			platform: 'instagram',
			country: 'FR',
			title: 'Paris cafés launch',
			external_ref: `row-${randomUUID().slice(0, 6)}`,
		});
		const data = created.json.data ?? {};
		const result = await searchBundles.call(loadOptionsContext(), 'paris cafés');
		expect(result.results).toEqual([
			{
				name: `Paris cafés launch · ref ${String(data.external_ref)} · Instagram · FR · pending_setup`,
				value: data.id,
			},
		]);
	});
});
