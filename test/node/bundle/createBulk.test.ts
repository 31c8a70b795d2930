import type { INodeParameters } from 'n8n-workflow';

import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { run } from '../accountFixtures';
import { bulkOrder, expectRefused, long } from './orders';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());

const bundlesWithRef = (ref: string) => sim.state.bundles.filter((bundle) => bundle.external_ref === ref);

describe('Bundle → Create Bulk', () => {
	it('orders accounts on every platform and outputs one item per bundle with the batch charge', async () => {
		const before = sim.state.credits;
		const { items, requests } = await run(
			sim,
			bulkOrder({
				platforms: ['tiktok', 'instagram'],
				accountsCount: 2,
				additionalFields: { uploadAccountsCount: 1, videosPerAccount: 3, externalRef: 'bulk-happy' },
			}),
		);

		expect(requests).toHaveLength(1);
		expect(`${requests[0].method} ${requests[0].path}`).toBe('POST /bundles/bulk');
		expect(requests[0].body).toEqual({
			platforms: ['tiktok', 'instagram'],
			country: 'USA',
			accounts_count: 2,
			upload_accounts_count: 1,
			videos_per_account: 3,
			external_ref: 'bulk-happy',
		});
		expect(requests[0].headers['x-api-key']).toBe(sim.apiKey);
		expect(requests[0].headers['idempotency-key']).toMatch(/^n8n-/);

		// 4 accounts × 32 + 2 upload accounts × 3 videos × 2
		const charged = 4 * 32 + 2 * 3 * 2;
		const created = bundlesWithRef('bulk-happy');
		expect(created).toHaveLength(4);
		expect(items.map((item) => item.json.id).sort()).toEqual(created.map((bundle) => bundle.id).sort());
		expect(items.map((item) => item.pairedItem)).toEqual(Array(4).fill({ item: 0 }));
		for (const item of items) {
			expect(item.json.credits_charged).toBeUndefined();
			expect(item.json.batch).toMatchObject({
				bundles_count: 4,
				credits_charged: charged,
				credits_remaining: before - charged,
				cost_breakdown: expect.objectContaining({ total: charged }),
			});
		}
		expect(sim.state.credits).toBe(before - charged);
	});

	it('reads platforms from an expression such as "TikTok, Instagram"', async () => {
		const { requests } = await run(
			sim,
			bulkOrder({ platforms: '={{ $json.platforms }}', additionalFields: { externalRef: 'bulk-expr' } }),
			{ items: [{ platforms: 'TikTok, Instagram' }] },
		);
		expect((requests[0].body as { platforms: string[] }).platforms).toEqual(['tiktok', 'instagram']);
		expect(bundlesWithRef('bulk-expr')).toHaveLength(2);
	});

	it('dry run lists what it would order and charges nothing', async () => {
		const before = sim.state.credits;
		const { items, requests } = await run(
			sim,
			bulkOrder({ accountsCount: 3, additionalFields: { externalRef: 'bulk-dry' }, options: { dryRun: true } }),
		);
		expect(requests[0].headers['x-tokportal-dry-run']).toBe('true');
		expect(items).toHaveLength(3);
		expect(items[0].json.batch).toMatchObject({ dry_run: true, credits_charged: 0, credits_would_charge: 96 });
		expect(bundlesWithRef('bulk-dry')).toHaveLength(0);
		expect(sim.state.credits).toBe(before);
	});

	it('orders once when two executions use the same Idempotency Key', async () => {
		const parameters = bulkOrder({
			accountsCount: 2,
			additionalFields: { externalRef: 'bulk-keyed' },
			options: { idempotencyKey: '={{ $json.rowId }}' },
		});
		const first = await run(sim, parameters, { items: [{ rowId: 'batch-7' }] });
		const second = await run(sim, parameters, { items: [{ rowId: 'batch-7' }] });
		expect(second.requests[0].headers['idempotency-key']).toBe('bundle.createBulk:batch-7');
		expect(bundlesWithRef('bulk-keyed')).toHaveLength(2);
		expect(second.items.map((item) => item.json.id)).toEqual(first.items.map((item) => item.json.id));
		expect(second.items[0].json.batch).toMatchObject({ idempotent_replay: true });
	});

	it.each<[string, INodeParameters, RegExp]>([
		['101 accounts per platform', bulkOrder({ accountsCount: 101 }), /"Accounts per Platform" must be a whole number from 1 to 100/],
		['0 accounts per platform', bulkOrder({ accountsCount: 0 }), /"Accounts per Platform" must be a whole number from 1 to 100/],
		['more upload accounts than accounts', bulkOrder({ additionalFields: { uploadAccountsCount: 2, videosPerAccount: 1 } }), /cannot exceed "Accounts per Platform"/],
		['501 videos per account', bulkOrder({ additionalFields: { uploadAccountsCount: 1, videosPerAccount: 501 } }), /"Videos per Upload Account" must be a whole number from 0 to 500/],
		['upload accounts without videos', bulkOrder({ additionalFields: { uploadAccountsCount: 1 } }), /must be at least 1 when "Upload Accounts per Platform"/],
		['a repeated platform', bulkOrder({ platforms: '={{ "tiktok,tiktok" }}' }), /lists a platform twice/],
		['no platform (an expression giving none)', bulkOrder({ platforms: '={{ $json.none }}' }), /"Platform Names or IDs" is required/],
		['deep warming with TikTok', bulkOrder({ platforms: ['instagram', 'tiktok'], additionalFields: { wantsDeepWarming: true } }), /"Deep Warming" is only available on Instagram \(not on tiktok\)/],
		['niche warming without instructions', bulkOrder({ additionalFields: { wantsNicheWarming: true } }), /needs "Niche Warming Instructions"/],
		['an external reference over 200', bulkOrder({ additionalFields: { externalRef: 'r'.repeat(201) } }), /"External Reference" must be at most 200/],
		['an Idempotency Key over 255', bulkOrder({ options: { idempotencyKey: 'k'.repeat(256) } }), /"Idempotency Key" must be at most 255/],
	])('refuses %s before sending anything', async (_name, parameters, message) => {
		const { error, requests } = await run(sim, parameters);
		expect(error?.message).toMatch(message);
		expect(error?.description).toContain('no credits were charged');
		expect(requests).toHaveLength(0);
	});

	it('INSUFFICIENT_CREDITS creates none of the batch, with the request id', async () => {
		const saved = sim.state.credits;
		sim.state.credits = 40;
		try {
			const { error, requests } = await run(
				sim,
				bulkOrder({ accountsCount: 2, additionalFields: { externalRef: 'bulk-poor' } }),
			);
			expect(error?.message).toMatch(/^Not enough TokPortal credits/);
			expect(error?.description).toContain('"required":64');
			expect(error?.description).toContain(`Request ID: ${requests[0].requestId}`);
			expect(bundlesWithRef('bulk-poor')).toHaveLength(0);
			expect(sim.state.credits).toBe(40);
		} finally {
			sim.state.credits = saved;
		}
	});
});

describe('Bundle → Create Bulk: rules checked before anything is sent', () => {
	const bulk = bulkOrder({ accountsCount: 2 });

	it.each<[string, INodeParameters, RegExp]>([
		['no platform', { ...bulk, platforms: '={{ [] }}' }, /"Platform Names or IDs" is required/],
		['a repeated platform', { ...bulk, platforms: ['tiktok', 'tiktok'] }, /lists a platform twice/],
		['youtube', { ...bulk, platforms: ['youtube'] }, /must be tiktok or instagram/],
		['a missing country', { ...bulk, country: '={{ "" }}' }, /"Country Name or ID" is required/],
		['0 accounts', { ...bulk, accountsCount: 0 }, /"Accounts per Platform" must be a whole number from 1 to 100/],
		['101 accounts', { ...bulk, accountsCount: 101 }, /"Accounts per Platform" must be a whole number from 1 to 100/],
		['more uploads than accounts', { ...bulk, additionalFields: { uploadAccountsCount: 3, videosPerAccount: 1 } }, /\(3\) cannot exceed "Accounts per Platform" \(2\)/],
		['501 videos', { ...bulk, additionalFields: { uploadAccountsCount: 1, videosPerAccount: 501 } }, /from 0 to 500/],
		['upload accounts without videos', { ...bulk, additionalFields: { uploadAccountsCount: 1 } }, /must be at least 1 when "Upload Accounts/],
		['videos without upload accounts', { ...bulk, additionalFields: { videosPerAccount: 5 } }, /no account gets videos/],
		['an external ref over 200', { ...bulk, additionalFields: { externalRef: long(201) } }, /"External Reference" must be at most 200/],
		['deep warming with TikTok', { ...bulk, platforms: ['instagram', 'tiktok'], additionalFields: { wantsDeepWarming: true } }, /only available on Instagram \(not on tiktok\)/],
		['niche warming without instructions', { ...bulk, additionalFields: { wantsNicheWarming: true } }, /needs "Niche Warming Instructions"/],
	])('bulk refuses %s', async (_name, parameters, message) => {
		await expectRefused(sim, parameters, message);
	});
});
