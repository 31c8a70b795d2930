// Paid top-ups of a bundle: add-video-slots (2 credits each) and add-edit-slots (3 each), with the
// dry run and idempotency of every paid call (notes §7.11).
import { startSimulator, type Simulator } from './index';
import { type Call, client, createBundle, publishedBundle, videoConfig } from './testHelpers';

let sim: Simulator;
let call: Call;

beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
	call = client(sim);
});
afterAll(() => sim.close());

const PRICE = { account_creation: 0, edit_slots: 0, advanced_warming: 0 };

test('add-video-slots: 2 credits per slot debited at once; new pending slots at the next positions', async () => {
	const id = await publishedBundle(call, { videos_quantity: 2 });
	const credits = sim.state.credits;
	const res = await call('POST', `/bundles/${id}/add-video-slots`, { body: { quantity: 3 } });
	expect(res.status).toBe(200);
	expect(res.body).toEqual({
		data: {
			bundle_id: id,
			added: 3,
			videos_quantity: 5,
			videos: [3, 4, 5].map((position) => expect.objectContaining({ position, status: 'pending', name: `Video ${position}` })),
		},
		credits_charged: 6,
		credits_remaining: credits - 6,
		cost_breakdown: { ...PRICE, video_slots: 6, total: 6 },
	});
	expect(sim.state.credits).toBe(credits - 6);
	const bundle = (await call('GET', `/bundles/${id}`)).body.data;
	expect(bundle).toMatchObject({ videos_quantity: 5, videos_total: 5, credit_cost: 32 + 2 * 2 + 6 });
	expect(sim.state.ledger.at(-1)).toMatchObject({ type: 'debit', amount: -6, reference_id: id });
	// On an active bundle a new slot is configured, then published one by one.
	await call('PUT', `/bundles/${id}/videos/4`, { body: videoConfig() });
	expect((await call('POST', `/bundles/${id}/videos/4/publish`)).body.data.status).toBe('published');
});

test('dry run prices without charging; the same Idempotency-Key never charges twice', async () => {
	const id = await createBundle(call, { videos_quantity: 1 });
	const credits = sim.state.credits;
	const dry = await call('POST', `/bundles/${id}/add-video-slots`, { body: { quantity: 4 }, headers: { 'X-TokPortal-Dry-Run': 'true' } });
	expect(dry.body).toMatchObject({ dry_run: true, credits_charged: 0, credits_would_charge: 8, data: { videos_quantity: 5 } });
	expect(sim.state.bundles.find((b) => b.id === id)!.videos).toHaveLength(1);
	const key = { 'Idempotency-Key': `slots-${id}` };
	const first = await call('POST', `/bundles/${id}/add-edit-slots`, { body: { quantity: 1 }, headers: key });
	const again = await call('POST', `/bundles/${id}/add-edit-slots`, { body: { quantity: 1 }, headers: key });
	expect(first.body).toMatchObject({ credits_charged: 3, data: { edits_quantity: 1 }, cost_breakdown: { ...PRICE, video_slots: 0, edit_slots: 3, total: 3 } });
	expect(again.headers.get('idempotent-replayed')).toBe('true');
	expect(again.body).toEqual(first.body);
	expect(sim.state.credits).toBe(credits - 3);
});

test('rules: quantity 1-500; edits never exceed videos; account_only and closed bundles refused; 402 changes nothing', async () => {
	const id = await createBundle(call, { videos_quantity: 2 });
	for (const body of [{}, { quantity: 0 }, { quantity: 501 }, { quantity: 1.5 }]) {
		const res = await call('POST', `/bundles/${id}/add-video-slots`, { body });
		expect([res.status, res.body.error.code, res.body.error.details.field]).toEqual([400, 'VALIDATION_ERROR', 'quantity']);
	}
	expect((await call('POST', `/bundles/${id}/add-video-slots`, { body: { quantity: 1, price: 2 } })).body.error.code).toBe('UNKNOWN_FIELD');
	const tooMany = await call('POST', `/bundles/${id}/add-edit-slots`, { body: { quantity: 3 } });
	expect([tooMany.status, tooMany.body.error.message]).toEqual([400, expect.stringMatching(/cannot exceed videos_quantity/)]);
	const accountOnly = await createBundle(call, { bundle_type: 'account_only', videos_quantity: undefined });
	expect((await call('POST', `/bundles/${accountOnly}/add-video-slots`, { body: { quantity: 1 } })).status).toBe(400);
	const done = sim.state.bundles.find((b) => b.id === accountOnly)!;
	done.status = 'completed';
	const closed = await call('POST', `/bundles/${accountOnly}/add-edit-slots`, { body: { quantity: 1 } });
	expect([closed.status, closed.body.error.code]).toEqual([409, 'BUNDLE_INVALID_STATUS']);

	const broke = await startSimulator({ rateLimit: false, initialCredits: 40 });
	try {
		const poor = client(broke);
		const bid = await createBundle(poor, { videos_quantity: 1 });
		const res = await poor('POST', `/bundles/${bid}/add-video-slots`, { body: { quantity: 10 } });
		expect([res.status, res.body.error.code, res.body.error.details.required]).toEqual([402, 'INSUFFICIENT_CREDITS', 20]);
		expect(broke.state.bundles[0].videos).toHaveLength(1);
	} finally {
		await broke.close();
	}
});
