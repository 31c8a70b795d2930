// Spec 004 "Account Configuration", sentence by sentence (seedSentences.ts). Lowercase error codes,
// exactly as the document shows them.
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

const accountOnly = (body: Record<string, unknown> = {}) =>
	createBundle(call, { bundle_type: 'account_only', videos_quantity: undefined, ...body });

/** PUT the account with `patch` over a valid body; returns [status, error code]. */
async function put(patch: Record<string, unknown>, bundle: Record<string, unknown> = {}) {
	const id = await accountOnly(bundle);
	const res = await call('PUT', `/bundles/${id}/account`, { body: { ...VALID_ACCOUNT, ...patch } });
	return { id, status: res.status, code: res.body.error?.code as string | undefined, body: res.body };
}

test(seedTest('S004-01'), async () => {
	const id = await accountOnly();
	const refused = await call('POST', `/bundles/${id}/publish`);
	expect([refused.status, refused.body.error.details.blockers[0].code]).toEqual([409, 'ACCOUNT_MISSING']);
	await call('PUT', `/bundles/${id}/account`, { body: VALID_ACCOUNT });
	expect((await call('POST', `/bundles/${id}/publish`)).status).toBe(200);
});

test(seedTest('S004-02'), async () => {
	const id = await accountOnly();
	await call('PUT', `/bundles/${id}/account`, { body: VALID_ACCOUNT });
	const updated = await call('PUT', `/bundles/${id}/account`, { body: { ...VALID_ACCOUNT, visible_name: 'Street Style' } });
	expect(updated.body.data.account.visible_name).toBe('Street Style');
	expect((await call('GET', `/bundles/${id}/account`)).body.data.visible_name).toBe('Street Style');
});

test(seedTest('S004-03'), async () => {
	expect((await put({ username: undefined })).code).toBe('invalid_username');
	expect((await put({ username: 'a.b_c9' })).status).toBe(200);
});

test(seedTest('S004-04'), async () => {
	expect((await put({ visible_name: undefined })).code).toBe('invalid_visible_name');
	expect((await put({ visible_name: 'Café Paris ☕' })).status).toBe(200);
});

test(seedTest('S004-05'), async () => {
	for (const biography of [undefined, null, '', '   ']) {
		const res = await put({ biography });
		expect([res.status, res.code, res.body.error.details.field]).toEqual([400, 'invalid_biography', 'biography']);
	}
	expect((await put({ biography: 'b'.repeat(80) })).status).toBe(200);
});

test(seedTest('S004-06'), async () => {
	for (const profile_picture_url of [undefined, null, '']) {
		const res = await put({ profile_picture_url });
		expect([res.status, res.code, res.body.error.details.field]).toEqual([400, 'invalid_url', 'profile_picture_url']);
	}
	// An upload storage_path (notes §12.4) is accepted like a URL.
	expect((await put({ profile_picture_url: 'profile-pictures/org_user_1/b/photo-1.jpg' })).status).toBe(200);
});

test(seedTest('S004-07'), async () => {
	expect((await put({}, { platform: 'instagram' })).body.data.account.link_in_bio).toBeNull();
	expect((await put({ link_in_bio: 'https://linktr.ee/x' }, { platform: 'instagram' })).body.data.account.link_in_bio).toBe(
		'https://linktr.ee/x',
	);
	expect((await put({ link_in_bio: 'https://linktr.ee/x' })).code).toBe('link_in_bio_instagram_only');
});

test(seedTest('S004-08'), async () => {
	const res = await put({ niche_warming_instructions: 'Engage with NYC street fashion.' });
	expect(res.body.data.account.niche_warming_instructions).toBe('Engage with NYC street fashion.');
	expect((await put({})).body.data.account.niche_warming_instructions).toBeNull();
});

test(seedTest('S004-09'), async () => {
	for (const username of ['bad name', 'émile', 'a'.repeat(25), 'with-dash']) expect((await put({ username })).code).toBe('invalid_username');
	expect((await put({ username: 'a'.repeat(24) })).status).toBe(200);
});

test(seedTest('S004-10'), async () => {
	expect((await put({ visible_name: 'x'.repeat(31) })).code).toBe('invalid_visible_name');
	expect((await put({ visible_name: 'x'.repeat(30) })).status).toBe(200);
});

test(seedTest('S004-11'), async () => {
	expect((await put({ biography: 'b'.repeat(81) })).code).toBe('biography_too_long');
	// Characters as people count them: 80 emoji are 80 characters.
	expect((await put({ biography: '☕'.repeat(80) })).status).toBe(200);
});

test(seedTest('S004-12'), async () => {
	for (const profile_picture_url of ['not a url', 'ftp://cdn.example.com/p.jpg']) {
		expect((await put({ profile_picture_url })).code).toBe('invalid_url');
	}
});

test(seedTest('S004-13'), async () => {
	const res = await put({ link_in_bio: 'linktr.ee/x' }, { platform: 'instagram' });
	expect([res.status, res.code, res.body.error.details.field]).toEqual([400, 'invalid_url', 'link_in_bio']);
});

test(seedTest('S004-14'), async () => {
	const { id } = await put({});
	// `configured` is an account status: a configured account in a pending_setup bundle can be changed.
	expect((await call('GET', `/bundles/${id}/account`)).body.data.status).toBe('configured');
	expect((await call('PUT', `/bundles/${id}/account`, { body: VALID_ACCOUNT })).status).toBe(200);
});

test(seedTest('S004-15'), async () => {
	const { id } = await put({});
	await call('POST', `/bundles/${id}/publish`);
	const late = await call('PUT', `/bundles/${id}/account`, { body: VALID_ACCOUNT });
	expect([late.status, late.body.error.code, late.body.error.details.current_status]).toEqual([409, 'invalid_status', 'published']);
	await call('POST', `/bundles/${id}/unpublish`);
	expect((await call('PUT', `/bundles/${id}/account`, { body: VALID_ACCOUNT })).status).toBe(200);
});

test(seedTest('S004-16'), async () => {
	const res = await put({ niche_warming_instructions: 'Engage with fashion and streetwear content in NYC area.' });
	expect(res.body).toEqual({
		data: {
			id: res.id,
			account: {
				...VALID_ACCOUNT,
				link_in_bio: null,
				niche_warming_instructions: 'Engage with fashion and streetwear content in NYC area.',
				configured_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/),
			},
		},
	});
});

test(seedTest('S004-17'), async () => {
	const example = {
		username: 'cafe.paris_',
		visible_name: 'Caf\u00e9 Paris',
		biography: 'Les meilleurs caf\u00e9s parisiens.',
		profile_picture_url: 'https://cdn.example.com/profiles/cafeparis.jpg',
		link_in_bio: 'https://cafeparis.example.com',
	};
	const id = await accountOnly({ platform: 'instagram', country: 'FR' });
	const res = await call('PUT', `/bundles/${id}/account`, { body: example });
	expect(res.body.data.account).toEqual({ ...example, niche_warming_instructions: null, configured_at: expect.any(String) });
});

test(seedTest('S004-18'), async () => {
	const { id } = await put({});
	const res = await call('GET', `/bundles/${id}/account`);
	expect(Object.keys(res.body.data)).toEqual([
		'username',
		'visible_name',
		'biography',
		'profile_picture_url',
		'link_in_bio',
		'niche_warming_instructions',
		'configured_at',
		'status',
	]);
});

test(seedTest('S004-19'), async () => {
	const id = await accountOnly();
	expect((await call('GET', `/bundles/${id}/account`)).body.data).toMatchObject({ status: 'pending', username: null, configured_at: null });
	await call('PUT', `/bundles/${id}/account`, { body: VALID_ACCOUNT });
	expect((await call('GET', `/bundles/${id}/account`)).body.data).toMatchObject({ ...VALID_ACCOUNT, status: 'configured' });
});

test(seedTest('S004-20'), async () => {
	const res = await put({ username: 'nope!' });
	expect([res.status, res.code, res.body.error.details.field]).toEqual([400, 'invalid_username', 'username']);
});

test(seedTest('S004-21'), async () => {
	const res = await put({ visible_name: '' });
	expect([res.status, res.code, res.body.error.details.field]).toEqual([400, 'invalid_visible_name', 'visible_name']);
});

test(seedTest('S004-22'), async () => {
	const res = await put({ biography: 'b'.repeat(81) });
	expect([res.status, res.code, res.body.error.details.field]).toEqual([400, 'biography_too_long', 'biography']);
});

test(seedTest('S004-23'), async () => {
	expect((await put({ profile_picture_url: 'x' })).body.error).toMatchObject({ code: 'invalid_url', details: { field: 'profile_picture_url' } });
	expect((await put({ link_in_bio: 'x' }, { platform: 'instagram' })).body.error).toMatchObject({
		code: 'invalid_url',
		details: { field: 'link_in_bio' },
	});
});

test(seedTest('S004-24'), async () => {
	const res = await put({ link_in_bio: 'https://linktr.ee/x' }, { platform: 'tiktok' });
	expect([res.status, res.code]).toEqual([400, 'link_in_bio_instagram_only']);
});

test(seedTest('S004-25'), async () => {
	const { id } = await put({});
	await call('POST', `/bundles/${id}/publish`);
	sim.operator.acceptBundle(id);
	const res = await call('PUT', `/bundles/${id}/account`, { body: VALID_ACCOUNT });
	expect([res.status, res.body.error.code]).toEqual([409, 'invalid_status']);
});

test(seedTest('S004-26'), async () => {
	const res = await call('PUT', '/bundles/00000000-0000-4000-8000-000000000002/account', { body: VALID_ACCOUNT });
	expect([res.status, res.body.error.code]).toEqual([404, 'bundle_not_found']);
	expect((await call('GET', '/bundles/00000000-0000-4000-8000-000000000002/account')).body.error.code).toBe('bundle_not_found');
});
