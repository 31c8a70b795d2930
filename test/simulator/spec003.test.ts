// Spec 003 "Account Actions", sentence by sentence (seedSentences.ts): finalize, corrections and the
// feedback history, with the document's lowercase error codes.
import { startSimulator, type Simulator } from './index';
import { seedTest } from './seedSentences';
import { type Call, client, createBundle, VALID_ACCOUNT } from './testHelpers';

let sim: Simulator;
let call: Call;

beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
	call = client(sim);
});
afterAll(() => sim.close());

const CORRECTIONS = {
	comment: 'Username needs to be shorter and biography should mention the city.',
	fields: {
		username: 'Please shorten to under 15 characters and remove special characters.',
		biography: 'Add a mention of New York City to align with the niche.',
	},
};

/** A bundle whose account is in review (published, accepted, delivered). */
async function inReview(body: Record<string, unknown> = { bundle_type: 'account_only', videos_quantity: undefined }): Promise<string> {
	const id = await createBundle(call, body);
	await call('PUT', `/bundles/${id}/account`, { body: VALID_ACCOUNT });
	await call('POST', `/bundles/${id}/publish`);
	sim.operator.acceptBundle(id);
	sim.operator.moveAccountToReview(id);
	return id;
}

const corrections = (id: string, body: unknown) => call('POST', `/bundles/${id}/account/corrections`, { body });
const history = async (id: string) => (await call('GET', `/bundles/${id}`)).body.data.account.feedback_history;

test(seedTest('S003-01'), async () => {
	const id = await createBundle(call, { bundle_type: 'account_only', videos_quantity: undefined });
	await call('PUT', `/bundles/${id}/account`, { body: VALID_ACCOUNT });
	expect((await call('POST', `/bundles/${id}/account/finalize`)).status).toBe(409);
	expect((await corrections(id, CORRECTIONS)).status).toBe(409);
	const reviewed = await inReview();
	expect((await corrections(reviewed, CORRECTIONS)).status).toBe(200);
});

test(seedTest('S003-02'), async () => {
	const id = await inReview();
	const before = (await call('GET', `/bundles/${id}`)).body.data;
	expect([before.status, before.account.status]).toEqual(['accepted', 'in_review']);
	await call('POST', `/bundles/${id}/account/finalize`);
	const after = (await call('GET', `/bundles/${id}`)).body.data;
	// An account_only bundle has nothing left to do once its account is validated.
	expect([after.status, after.account.status, after.account_configured]).toEqual(['completed', 'finalized', true]);
});

test(seedTest('S003-03'), async () => {
	const id = await inReview();
	await corrections(id, CORRECTIONS);
	// corrections_requested is not in_review: neither action applies until the operator re-submits.
	expect((await call('POST', `/bundles/${id}/account/finalize`)).body.error.details.current_status).toBe('corrections_requested');
	expect((await corrections(id, CORRECTIONS)).body.error.code).toBe('invalid_status');
	sim.operator.applyCorrections(id);
	expect((await call('POST', `/bundles/${id}/account/finalize`)).status).toBe(200);
});

test(seedTest('S003-04'), async () => {
	const id = await inReview();
	const res = await call('POST', `/bundles/${id}/account/finalize`);
	expect(res.body).toEqual({ data: { id, account: { status: 'finalized', finalized_at: expect.stringMatching(/Z$/) } } });
});

test(seedTest('S003-05'), async () => {
	const id = await createBundle(call);
	for (const path of ['finalize', 'corrections']) {
		const res = await call('POST', `/bundles/${id}/account/${path}`, { body: path === 'corrections' ? CORRECTIONS : undefined });
		expect([res.status, res.body.error.code, res.body.error.details.current_status]).toEqual([409, 'invalid_status', 'pending']);
	}
});

test(seedTest('S003-06'), async () => {
	const unknown = '00000000-0000-4000-8000-000000000003';
	expect((await call('POST', `/bundles/${unknown}/account/finalize`)).body.error.code).toBe('bundle_not_found');
	const res = await corrections(unknown, CORRECTIONS);
	expect([res.status, res.body.error.code]).toEqual([404, 'bundle_not_found']);
});

test(seedTest('S003-07'), async () => {
	const id = await inReview();
	for (const comment of [undefined, '', '  ', 42]) {
		expect((await corrections(id, { ...CORRECTIONS, comment })).body.error.code).toBe('missing_comment');
	}
});

test(seedTest('S003-08'), async () => {
	const id = await inReview();
	const res = await corrections(id, { comment: 'c', fields: { visible_name: 'Drop "NYC".' } });
	expect(res.body.data.account.corrections.fields).toEqual({ visible_name: 'Drop "NYC".' });
});

test(seedTest('S003-09'), async () => {
	const id = await inReview();
	const res = await corrections(id, { comment: 'c', fields: { username: '' } });
	expect([res.status, res.body.error.code, res.body.error.details.field]).toEqual([400, 'invalid_field', 'username']);
	expect((await corrections(id, { comment: 'c', fields: { username: 7 } })).body.error.code).toBe('invalid_field');
});

for (const [id, field] of [
	['S003-10', 'username'],
	['S003-11', 'visible_name'],
	['S003-12', 'biography'],
	['S003-13', 'profile_picture'],
] as const) {
	test(seedTest(id), async () => {
		const bundle = await inReview();
		const res = await corrections(bundle, { comment: 'c', fields: { [field]: 'Please change this.' } });
		expect([res.status, res.body.data.account.corrections.fields]).toEqual([200, { [field]: 'Please change this.' }]);
	});
}

test(seedTest('S003-14'), async () => {
	const id = await inReview();
	const res = await corrections(id, { comment: 'Only the picture.', fields: { profile_picture: 'Use the logo.' } });
	expect((await history(id))[0].fields).toEqual({ profile_picture: 'Use the logo.' });
	expect(res.status).toBe(200);
});

test(seedTest('S003-15'), async () => {
	const id = await inReview();
	for (const fields of [undefined, {}, null, []]) {
		expect((await corrections(id, { comment: 'c', fields })).body.error.code).toBe('missing_fields');
	}
});

test(seedTest('S003-16'), async () => {
	const id = await inReview();
	const res = await corrections(id, CORRECTIONS);
	expect(res.body).toEqual({
		data: { id, account: { status: 'corrections_requested', corrections: { ...CORRECTIONS, requested_at: expect.any(String) } } },
	});
	// One status everywhere: GET account, GET bundle, the list filter and the webhook payload.
	expect((await call('GET', `/bundles/${id}/account`)).body.data.status).toBe('corrections_requested');
	const bundle = (await call('GET', `/bundles/${id}`)).body.data;
	expect([bundle.account_status, bundle.account.status]).toEqual(['corrections_requested', 'corrections_requested']);
	const listed = await call('GET', '/bundles?account_status=corrections_requested&per_page=100');
	expect(listed.body.data.map((b: { id: string }) => b.id)).toContain(id);
	const old = await call('GET', '/bundles?account_status=pending_corrections');
	expect([old.status, old.body.error.details.field]).toEqual([400, 'account_status']);
	const event = sim.state.events.find((e) => e.type === 'account.pending_corrections' && e.data.bundle_id === id)!;
	expect(event.data).toMatchObject({ status: 'corrections_requested', previous_status: 'in_review', ...CORRECTIONS });
});

test(seedTest('S003-17'), async () => {
	const id = await inReview();
	const res = await corrections(id, { fields: CORRECTIONS.fields });
	expect([res.status, res.body.error.code]).toEqual([400, 'missing_comment']);
});

test(seedTest('S003-18'), async () => {
	const id = await inReview();
	const res = await corrections(id, { comment: 'c', fields: {} });
	expect([res.status, res.body.error.code]).toEqual([400, 'missing_fields']);
});

test(seedTest('S003-19'), async () => {
	const id = await inReview();
	const res = await corrections(id, { comment: 'c', fields: { profile_picture_url: 'x' } });
	expect([res.status, res.body.error.code, res.body.error.details.allowed]).toEqual([
		400,
		'invalid_field',
		['username', 'visible_name', 'biography', 'profile_picture'],
	]);
});

test(seedTest('S003-20'), async () => {
	const id = await inReview();
	await corrections(id, CORRECTIONS);
	sim.operator.applyCorrections(id);
	await corrections(id, { comment: 'Again', fields: { visible_name: 'Shorter.' } });
	expect((await history(id)).filter((e: { type: string }) => e.type === 'corrections_requested')).toHaveLength(2);
});

test(seedTest('S003-21'), async () => {
	const id = await inReview();
	expect(await history(id)).toEqual([]);
	await corrections(id, CORRECTIONS);
	expect(await history(id)).toHaveLength(1);
});

test(seedTest('S003-22'), async () => {
	const id = await inReview();
	await corrections(id, CORRECTIONS);
	expect((await history(id))[0]).toEqual({
		type: 'corrections_requested',
		...CORRECTIONS,
		requested_at: expect.any(String),
		requested_by: 'api',
	});
});

test(seedTest('S003-23'), async () => {
	const id = await inReview();
	await corrections(id, CORRECTIONS);
	sim.operator.applyCorrections(id, { username: 'streetstyle.ny', biography: 'Daily street fashion, NYC.' });
	const bundle = (await call('GET', `/bundles/${id}`)).body.data;
	// After the operator applied them the account is back in review (the seed example shows "in_review").
	expect(bundle.account.status).toBe('in_review');
	expect(bundle.account.feedback_history[1]).toEqual({
		type: 'corrections_applied',
		applied_at: expect.any(String),
		changes: {
			username: { from: 'streetstyle.nyc', to: 'streetstyle.ny' },
			biography: { from: VALID_ACCOUNT.biography, to: 'Daily street fashion, NYC.' },
		},
	});
});

test(seedTest('S003-24'), async () => {
	const id = await inReview();
	await corrections(id, CORRECTIONS);
	expect((await history(id)).map((e: { type: string }) => e.type)).toEqual(['corrections_requested']);
});

test(seedTest('S003-25'), async () => {
	const id = await inReview();
	await corrections(id, CORRECTIONS);
	sim.operator.applyCorrections(id);
	expect((await history(id)).map((e: { type: string }) => e.type)).toEqual(['corrections_requested', 'corrections_applied']);
});

test(seedTest('S003-26'), async () => {
	const id = await inReview();
	await call('POST', `/bundles/${id}/account/finalize`);
	expect((await history(id)).at(-1)).toEqual({ type: 'finalized', finalized_at: expect.any(String), finalized_by: 'api' });
	const auto = await inReview();
	sim.operator.autoFinalizeAccount(auto);
	expect((await history(auto)).at(-1)).toMatchObject({ type: 'finalized', finalized_by: 'auto' });
});

test(seedTest('S003-27'), async () => {
	const id = await inReview();
	await corrections(id, CORRECTIONS);
	const first = await history(id);
	// Editing a response copy changes nothing; later steps only append.
	first[0].comment = 'tampered';
	sim.operator.applyCorrections(id);
	await call('POST', `/bundles/${id}/account/finalize`);
	const all = await history(id);
	expect(all[0].comment).toBe(CORRECTIONS.comment);
	expect(all.map((e: { type: string }) => e.type)).toEqual(['corrections_requested', 'corrections_applied', 'finalized']);
	expect([all[0].requested_at, all[1].applied_at, all[2].finalized_at].every((t: string) => !Number.isNaN(Date.parse(t)))).toBe(true);
});
