import { randomUUID } from 'node:crypto';

import { searchAccounts, searchBundles } from '../../../nodes/TokPortal/methods/listSearch';
import { loadOptionsContext } from '../../harness/loadOptionsContext';
import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { callApi } from '../accountFixtures';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());

describe('list searches used by the Bundle and Delivered Account pickers', () => {
	it('searchAccounts names accounts "@username · Platform · country" and links the profile', async () => {
		const [account] = sim.seedAccounts(1, { platform: 'tiktok', country: 'USA' });
		const result = await searchAccounts.call(loadOptionsContext(sim), account.username.toUpperCase());
		expect(result.results).toContainEqual({
			name: `@${account.username} · TikTok · US`,
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
		const result = await searchBundles.call(loadOptionsContext(sim), 'paris cafés');
		expect(result.results).toEqual([
			{
				name: `Paris cafés launch · ref ${String(data.external_ref)} · Instagram · FR · pending_setup`,
				value: data.id,
			},
		]);
	});
});
