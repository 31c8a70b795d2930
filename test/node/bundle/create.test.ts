import type { INodeParameters } from 'n8n-workflow';

import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { byId, run } from '../accountFixtures';
import { bulkOrder, createOrder, expectRefused, long } from './orders';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());

const bundlesWithTitle = (title: string) => sim.state.bundles.filter((bundle) => bundle.title === title);
const debitsFor = (bundleId: string) => sim.state.ledger.filter((entry) => entry.reference_id === bundleId);

describe('Bundle → Create', () => {
	it('orders an account-only bundle and keeps the charge next to the bundle', async () => {
		const before = sim.state.credits;
		const { items, requests } = await run(sim, createOrder({ additionalFields: { title: 'Create happy' } }));

		expect(requests).toHaveLength(1);
		const [request] = requests;
		expect(`${request.method} ${request.path}`).toBe('POST /bundles');
		expect(request.body).toEqual({ bundle_type: 'account_only', platform: 'tiktok', country: 'USA', title: 'Create happy' });
		expect(request.headers['x-api-key']).toBe(sim.apiKey);
		expect(request.headers['idempotency-key']).toMatch(/^n8n-[0-9a-f]{64}$/);
		expect(request.headers['x-tokportal-dry-run']).toBeUndefined();

		expect(items).toHaveLength(1);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[0].json).toMatchObject({
			id: bundlesWithTitle('Create happy')[0].id,
			status: 'pending_setup',
			credits_charged: 32,
			credits_remaining: before - 32,
			cost_breakdown: expect.objectContaining({ account_creation: 32, total: 32 }),
		});
		expect(items[0].json.idempotent_replay).toBeUndefined();
		expect(sim.state.credits).toBe(before - 32);
	});

	it('sends every optional field of an account-and-videos order in TokPortal’s names', async () => {
		const { items, requests } = await run(
			sim,
			createOrder({
				bundleType: 'account_and_videos',
				platform: 'instagram',
				country: 'FR',
				videosQuantity: 4,
				additionalFields: {
					title: 'Full order',
					externalRef: 'create-full-1',
					editsQuantity: 2,
					autoFinalizeVideos: false,
					wantsNicheWarming: true,
					nicheWarmingInstructions: 'Home fitness',
				},
			}),
		);
		expect(requests.map((request) => request.body)).toEqual([
			{
				bundle_type: 'account_and_videos',
				platform: 'instagram',
				country: 'FR',
				videos_quantity: 4,
				edits_quantity: 2,
				title: 'Full order',
				external_ref: 'create-full-1',
				auto_finalize_videos: false,
				wants_niche_warming: true,
				niche_warming_instructions: 'Home fitness',
			},
		]);
		// 32 + 4 × 2 + 2 × 3 + 7
		expect(items[0].json).toMatchObject({ external_ref: 'create-full-1', credits_charged: 53 });
	});

	it('orders videos on a delivered account without sending platform or country', async () => {
		const [account] = sim.seedAccounts(1, { platform: 'tiktok', country: 'UK' });
		const { items, requests } = await run(
			sim,
			createOrder({ bundleType: 'videos_only', accountId: byId(account.id), videosQuantity: 3 }),
		);
		expect(requests.map((request) => request.body)).toEqual([
			{ bundle_type: 'videos_only', account_id: account.id, videos_quantity: 3 },
		]);
		expect(items[0].json).toMatchObject({ bundle_type: 'videos_only', country: 'GB', credits_charged: 6 });
	});

	it.each<[string, INodeParameters, RegExp]>([
		['a title over 200 characters', createOrder({ additionalFields: { title: 'x'.repeat(201) } }), /"Title" must be at most 200 characters/],
		['an external reference over 200', createOrder({ additionalFields: { externalRef: 'x'.repeat(201) } }), /"External Reference" must be at most 200/],
		['an external reference expression with no value', createOrder({ additionalFields: { externalRef: '={{ $json.missing }}' } }), /"External Reference" is empty/],
		['0 videos on a type with videos', createOrder({ bundleType: 'account_and_videos', videosQuantity: 0 }), /"Videos Quantity" must be a whole number from 1 to 500/],
		['more edits than videos', createOrder({ bundleType: 'account_and_videos', videosQuantity: 2, additionalFields: { editsQuantity: 3 } }), /"Edit Slots" \(3\) cannot exceed the number of video slots \(2\)/],
		['edits on an account-only bundle', createOrder({ additionalFields: { editsQuantity: 1 } }), /"Edit Slots" need video slots/],
		['videos only without a delivered account', createOrder({ bundleType: 'videos_only', videosQuantity: 1 }), /"Delivered Account" is required for Videos Only/],
		['a delivered account on a new-account type', createOrder({ bundleType: '={{ "account_only" }}', accountId: byId('acc-1') }), /"Delivered Account" can only be used with the Videos Only/],
		['an unknown bundle type', createOrder({ bundleType: '={{ "accounts" }}' }), /"Bundle Type" must be one of account_and_videos, account_only, videos_only \(got "accounts"\)/],
		['a missing country', createOrder({ country: '' }), /"Country" is required/],
		['niche warming without instructions', createOrder({ additionalFields: { wantsNicheWarming: true } }), /"Niche Warming" needs "Niche Warming Instructions"/],
		['deep warming on TikTok', createOrder({ additionalFields: { wantsDeepWarming: true } }), /"Deep Warming" is only available on Instagram/],
		['deep warming with niche warming', createOrder({ platform: 'instagram', additionalFields: { wantsDeepWarming: true, wantsNicheWarming: true, nicheWarmingInstructions: 'x' } }), /cannot be combined/],
		['an Idempotency Key over 255 characters', createOrder({ options: { idempotencyKey: 'k'.repeat(256) } }), /"Idempotency Key" must be at most 255 characters/],
		['an empty Idempotency Key', createOrder({ options: { idempotencyKey: '={{ $json.rowId }}' } }), /"Idempotency Key" is empty/],
	])('refuses %s before sending anything', async (_name, parameters, message) => {
		const { error, requests } = await run(sim, parameters);
		expect(error?.message).toMatch(message);
		expect(error?.description).toContain('Nothing was sent to TokPortal');
		expect(error?.context?.itemIndex).toBe(0);
		expect(requests).toHaveLength(0);
	});

	it('keeps pairing under Continue On Fail and sends nothing for the invalid item', async () => {
		const { items, requests } = await run(
			sim,
			createOrder({
				bundleType: 'account_and_videos',
				videosQuantity: '={{ $json.videos }}',
				additionalFields: { title: '={{ $json.title }}' },
			}),
			{
				continueOnFail: true,
				items: [
					{ videos: 1, title: 'Mixed 1' },
					{ videos: 0, title: 'Mixed 2' },
					{ videos: 2, title: 'Mixed 3' },
				],
			},
		);
		expect(requests.map((request) => (request.body as { title: string }).title)).toEqual(['Mixed 1', 'Mixed 3']);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json.title).toBe('Mixed 1');
		expect(items[1].json.error).toMatch(/"Videos Quantity" must be a whole number/);
		expect(items[2].json.title).toBe('Mixed 3');
	});

	it('retries a connection dropped after TokPortal committed, creating and charging exactly once', async () => {
		const before = sim.state.credits;
		sim.faults.inject({ method: 'POST', path: '/bundles' }, { type: 'dropAfterCommit' });
		const { items, error, requests } = await run(sim, createOrder({ additionalFields: { title: 'Dropped once' } }));

		expect(error).toBeUndefined();
		expect(requests).toHaveLength(2);
		expect(requests[0].fault).toBe('dropAfterCommit');
		expect(requests[1].headers['idempotency-key']).toBe(requests[0].headers['idempotency-key']);
		const created = bundlesWithTitle('Dropped once');
		expect(created).toHaveLength(1);
		expect(debitsFor(created[0].id)).toHaveLength(1);
		expect(sim.state.credits).toBe(before - 32);
		expect(items[0].json).toMatchObject({ id: created[0].id, idempotent_replay: true, credits_charged: 32 });
	});

	it('creates one bundle when two executions use the same Idempotency Key', async () => {
		const parameters = createOrder({
			additionalFields: { title: 'Keyed row' },
			options: { idempotencyKey: '={{ $json.rowId }}' },
		});
		const first = await run(sim, parameters, { items: [{ rowId: 'row-42' }] });
		const second = await run(sim, parameters, { items: [{ rowId: 'row-42' }] });

		expect(first.requests[0].headers['idempotency-key']).toBe('bundle.create:row-42');
		expect(second.requests[0].headers['idempotency-key']).toBe('bundle.create:row-42');
		expect(second.result.executionId).not.toBe(first.result.executionId);
		expect(bundlesWithTitle('Keyed row')).toHaveLength(1);
		expect(second.items[0].json).toMatchObject({ id: first.items[0].json.id, idempotent_replay: true });
		expect(first.items[0].json.idempotent_replay).toBeUndefined();
	});

	it('dry run reports the price and creates nothing, and never burns the Idempotency Key', async () => {
		const before = sim.state.credits;
		const parameters = (dryRun: boolean) =>
			createOrder({
				bundleType: 'account_and_videos',
				videosQuantity: 3,
				additionalFields: { title: 'Dry run order' },
				options: { dryRun, idempotencyKey: 'row-dry' },
			});
		const dry = await run(sim, parameters(true));

		expect(dry.requests).toHaveLength(1);
		expect(dry.requests[0].headers['x-tokportal-dry-run']).toBe('true');
		expect(dry.requests[0].headers['idempotency-key']).not.toBe('bundle.create:row-dry');
		expect(dry.items[0].json).toMatchObject({
			dry_run: true,
			credits_charged: 0,
			credits_would_charge: 38,
			cost_breakdown: expect.objectContaining({ total: 38 }),
		});
		expect(bundlesWithTitle('Dry run order')).toHaveLength(0);
		expect(sim.state.credits).toBe(before);

		const real = await run(sim, parameters(false));
		expect(real.requests[0].headers['idempotency-key']).toBe('bundle.create:row-dry');
		expect(real.items[0].json).toMatchObject({ credits_charged: 38 });
		expect(real.items[0].json.dry_run).toBeUndefined();
		expect(bundlesWithTitle('Dry run order')).toHaveLength(1);
	});
});

describe('Bundle → Create errors from TokPortal', () => {
	it('INSUFFICIENT_CREDITS says nothing was charged, with the request id', async () => {
		const saved = sim.state.credits;
		sim.state.credits = 10;
		try {
			const { error, requests } = await run(sim, createOrder({ additionalFields: { title: 'Too poor' } }));
			expect(error?.message).toMatch(/^Not enough TokPortal credits for this order. Nothing was charged/);
			expect(error?.description).toContain('INSUFFICIENT_CREDITS');
			expect(error?.description).toContain(`Request ID: ${requests[0].requestId}`);
			expect(requests).toHaveLength(1);
			expect(bundlesWithTitle('Too poor')).toHaveLength(0);
		} finally {
			sim.state.credits = saved;
		}
	});

	it('DUPLICATE_ACCOUNT_BUNDLE points to the existing bundle', async () => {
		const parameters = createOrder({ additionalFields: { externalRef: 'dup-create-1' } });
		const first = await run(sim, parameters);
		const second = await run(sim, parameters);
		expect(second.error?.message).toMatch(/already exists, so nothing new was created or charged/);
		expect(second.error?.description).toContain(String(first.items[0].json.id));
		expect(second.error?.description).toContain(`Request ID: ${second.requests[0].requestId}`);
	});

	it('VALIDATION_ERROR names the field TokPortal refused', async () => {
		// Only TokPortal knows the delivered account's platform: deep warming on a TikTok account.
		const [account] = sim.seedAccounts(1, { platform: 'tiktok', country: 'UK' });
		const { error, requests } = await run(
			sim,
			createOrder({ bundleType: 'videos_only', accountId: byId(account.id), videosQuantity: 1, additionalFields: { wantsDeepWarming: true } }),
		);
		expect(requests[0].body).toMatchObject({ wants_deep_warming: true });
		expect(error?.message).toMatch(/^TokPortal rejected a field of this request/);
		expect(error?.description).toContain('"field":"wants_deep_warming"');
		expect(error?.description).toContain(`Request ID: ${requests[0].requestId}`);
	});
});

describe('Bundle → Create: rules checked before anything is sent', () => {
	const account = createOrder();
	const withVideos = createOrder({ bundleType: 'account_and_videos', videosQuantity: 3 });
	const bulk = bulkOrder({ accountsCount: 2 });
	const dryRun = { options: { dryRun: true } };
	let deliveredAccountId: string;
	beforeAll(() => {
		deliveredAccountId = sim.seedAccounts(1, { platform: 'tiktok' })[0].id;
	});

	it('accepts valid orders of every type, and a valid bulk order (as dry runs)', async () => {
		const videosOnly = { ...withVideos, bundleType: 'videos_only', accountId: byId(deliveredAccountId) };
		for (const parameters of [
			account,
			{ ...withVideos, additionalFields: { editsQuantity: 3, title: long(200), externalRef: long(200) } },
			videosOnly,
			{ ...bulk, additionalFields: { uploadAccountsCount: 2, videosPerAccount: 500 } },
		]) {
			const { error, requests } = await run(sim, { ...parameters, ...dryRun });
			expect(error).toBeUndefined();
			expect(requests).toHaveLength(1);
		}
	});

	it.each<[string, INodeParameters, RegExp]>([
		['an unknown bundle type', { ...account, bundleType: 'account' }, /"Bundle Type" must be one of account_and_videos, account_only, videos_only \(got "account"\)/],
		['a platform expression that resolves to nothing', { ...account, platform: '={{ "" }}' }, /"Platform" is required/],
		['a missing country', { ...account, country: '' }, /"Country" is required/],
		['a title over 200', { ...account, additionalFields: { title: long(201) } }, /"Title" must be at most 200 characters long \(it has 201\)/],
		['an external ref over 200', { ...account, additionalFields: { externalRef: long(201) } }, /"External Reference" must be at most 200/],
		['an empty external ref', { ...account, additionalFields: { externalRef: '  ' } }, /"External Reference" is empty/],
		['zero videos on a type with videos', { ...withVideos, videosQuantity: 0 }, /"Videos Quantity" must be a whole number from 1 to 500/],
		['a fractional video count', { ...withVideos, videosQuantity: 2.5 }, /"Videos Quantity" must be a whole number/],
		['edits above videos', { ...withVideos, additionalFields: { editsQuantity: 4 } }, /"Edit Slots" \(4\) cannot exceed the number of video slots \(3\)/],
		['edits without videos', { ...account, additionalFields: { editsQuantity: 1 } }, /"Edit Slots" need video slots/],
		['negative edits', { ...withVideos, additionalFields: { editsQuantity: -1 } }, /"Edit Slots" must be a whole number from 0 to 500/],
		['videos only without an account', { ...withVideos, bundleType: 'videos_only' }, /"Delivered Account" is required for Videos Only/],
		['an account on a new-account type (Bundle Type set by expression, so every field shows)', { ...account, bundleType: '={{ "account_only" }}', accountId: byId('acc-1') }, /"Delivered Account" can only be used with the Videos Only/],
		['niche warming without instructions', { ...account, additionalFields: { wantsNicheWarming: true } }, /"Niche Warming" needs "Niche Warming Instructions"/],
		['instructions without niche warming', { ...account, additionalFields: { nicheWarmingInstructions: 'fitness' } }, /only used with "Niche Warming"/],
		['deep warming on TikTok', { ...account, additionalFields: { wantsDeepWarming: true } }, /"Deep Warming" is only available on Instagram \(not on tiktok\)/],
		[
			'deep and niche warming together',
			{ ...account, platform: 'instagram', additionalFields: { wantsDeepWarming: true, wantsNicheWarming: true, nicheWarmingInstructions: 'x' } },
			/cannot be combined/,
		],
	])('create refuses %s', async (_name, parameters, message) => {
		await expectRefused(sim, parameters, message);
	});

	it('reports every problem of an item at once', async () => {
		const { error } = await run(sim, { ...withVideos, country: '', additionalFields: { title: long(201), editsQuantity: 9 } });
		expect(error?.message).toMatch(/^3 fields need fixing: /);
	});

	it('limits a user Idempotency Key to 255 characters and refuses an empty one', async () => {
		await expectRefused(sim, { ...account, options: { idempotencyKey: long(256) } }, /"Idempotency Key" must be at most 255 characters/);
		await expectRefused(sim, { ...account, options: { idempotencyKey: '' } }, /"Idempotency Key" is empty/);
	});
});
