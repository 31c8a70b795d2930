import { randomUUID } from 'node:crypto';

import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { byId, callApi, failNext, newBundle, publishedBundle, run, validProfile } from '../accountFixtures';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());

const configure = (bundleId: string, fields: Record<string, unknown> = {}) => ({
	resource: 'accountConfiguration',
	operation: 'configure',
	bundleId: byId(bundleId),
	...validProfile,
	...fields,
});

describe('Account Configuration → Configure: profile rules (spec 004), checked before sending', () => {
	let bundleId: string;
	beforeAll(async () => {
		bundleId = await newBundle(sim, 'tiktok');
	});

	it.each([
		['streetstyle.nyc'],
		['cafe.paris_'],
		['a'.repeat(24)],
	])('accepts the username %j', async (username) => {
		const { error } = await run(sim, configure(bundleId, { username }));
		expect(error).toBeUndefined();
	});

	it('accepts the storage_path of an uploaded picture as the profile picture', async () => {
		const { error, requests } = await run(sim, configure(bundleId, { profilePictureUrl: 'profile-pictures/abc123.jpg' }));
		expect(error).toBeUndefined();
		expect(requests[0].body).toMatchObject({ profile_picture_url: 'profile-pictures/abc123.jpg' });
	});

	it('accepts 30 emoji as a visible name and 80 accented characters as a biography', async () => {
		const { error } = await run(sim, configure(bundleId, { visibleName: '😀'.repeat(30), biography: 'é'.repeat(80) }));
		expect(error).toBeUndefined();
	});

	it.each([
		['username', '={{ "" }}', /"Username" is required/],
		['username', 'a'.repeat(25), /"Username" must be at most 24 characters long \(it has 25\)/],
		['username', 'street style', /"Username" may only contain letters/],
		['username', 'café-paris', /"Username" may only contain letters/],
		['username', '@streetstyle', /"Username" may only contain letters.*no "@"/],
		['visibleName', '={{ " " }}', /"Visible Name" is required/],
		['visibleName', '😀'.repeat(31), /"Visible Name" must be at most 30 characters long \(it has 31\)/],
		['biography', '={{ $json.missing }}', /"Biography" is required/],
		['biography', 'x'.repeat(81), /"Biography" must be at most 80 characters long \(it has 81\)/],
		['profilePictureUrl', '={{ "" }}', /"Profile Picture URL" is required/],
		['profilePictureUrl', 'cdn.example.com/p.jpg', /"Profile Picture URL" must be a web address starting with https:\/\/ or the storage_path of an upload/],
		['profilePictureUrl', 'ftp://cdn.example.com/p.jpg', /"Profile Picture URL" must be a web address starting with https:\/\//],
	])('refuses %s %j without sending anything', async (field, value, message) => {
		const { error, requests } = await run(sim, configure(bundleId, { [field]: value }));
		expect(requests).toHaveLength(0);
		expect(error?.message).toMatch(message);
		expect(error?.description).toMatch(/Nothing was sent to TokPortal/);
	});

	it('lists every invalid field of the item in one error', async () => {
		const { error, requests } = await run(sim, configure(bundleId, { username: '={{ "" }}', biography: 'x'.repeat(81) }));
		expect(requests).toHaveLength(0);
		expect(error?.message).toMatch(/^2 fields need fixing: "Username" is required; "Biography" must be at most 80/);
	});
});

describe('Account Configuration → Configure', () => {
	it('sends the profile once, with an Idempotency-Key, and returns data', async () => {
		const bundleId = await newBundle(sim);
		const { items, error, requests } = await run(
			sim,
			configure(bundleId, {
				username: '  street.style_nyc ',
				additionalFields: { nicheWarmingInstructions: 'Engage with NYC fashion content.' },
			}),
		);
		expect(error).toBeUndefined();
		expect(requests).toHaveLength(1);
		const [request] = requests;
		expect(request.method).toBe('PUT');
		expect(request.path).toBe(`/bundles/${bundleId}/account`);
		expect(request.headers['idempotency-key']).toMatch(/^n8n-/);
		expect(request.headers['x-api-key']).toBe(sim.apiKey);
		expect(request.body).toEqual({
			username: 'street.style_nyc',
			visible_name: 'Street Style NYC',
			biography: 'Daily street fashion from New York City.',
			profile_picture_url: 'https://cdn.example.com/profiles/streetstyle.jpg',
			niche_warming_instructions: 'Engage with NYC fashion content.',
		});
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ id: bundleId, account: { username: 'street.style_nyc' } });
		expect(sim.state.bundles.find((b) => b.id === bundleId)?.account?.status).toBe('configured');
	});

	it('reads the bundle before sending a Link in Bio, and sends it for Instagram', async () => {
		const bundleId = await newBundle(sim, 'instagram');
		const { items, requests } = await run(
			sim,
			configure(bundleId, { additionalFields: { linkInBio: 'https://linktr.ee/streetstyle' } }),
		);
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET /bundles/${bundleId}`,
			`PUT /bundles/${bundleId}/account`,
		]);
		expect(requests[1].body).toMatchObject({ link_in_bio: 'https://linktr.ee/streetstyle' });
		expect(items[0].json).toMatchObject({ account: { link_in_bio: 'https://linktr.ee/streetstyle' } });
	});

	it('refuses a Link in Bio on a TikTok bundle without sending the configuration', async () => {
		const bundleId = await newBundle(sim, 'tiktok');
		const { error, requests } = await run(
			sim,
			configure(bundleId, { additionalFields: { linkInBio: 'https://linktr.ee/streetstyle' } }),
		);
		expect(error?.message).toMatch(/^"Link in Bio" is only available for Instagram accounts, and this bundle is for tiktok/);
		expect(error?.description).toMatch(/Nothing was sent/);
		expect(requests.map((r) => r.method)).toEqual(['GET']);
	});

	it.each([
		['Username', { username: 'street style' }, /^"Username" may only contain/],
		['Username', { username: 'a'.repeat(25) }, /^"Username" must be at most 24 characters/],
		['Username', { username: '@streetstyle' }, /^"Username" may only contain letters .*no "@"/],
		// An expression that resolves to nothing (the engine itself refuses a literally empty required field).
		['Visible Name', { visibleName: '={{ "  " }}' }, /^"Visible Name" is required/],
		['Visible Name', { visibleName: 'x'.repeat(31) }, /^"Visible Name" must be at most 30 characters/],
		['Biography', { biography: 'x'.repeat(81) }, /^"Biography" must be at most 80 characters/],
		['Profile Picture URL', { profilePictureUrl: 'streetstyle.jpg' }, /^"Profile Picture URL" must be a web address/],
		['Profile Picture URL', { profilePictureUrl: 'ftp://x.example/p.jpg' }, /^"Profile Picture URL" must be a web address starting with https:\/\//],
		['Link in Bio', { additionalFields: { linkInBio: 'linktr.ee/x' } }, /^"Link in Bio" must be a full web address/],
	])('rejects an invalid %s before sending anything', async (_field, fields, message) => {
		const bundleId = await newBundle(sim, 'instagram');
		const { error, requests } = await run(sim, configure(bundleId, fields));
		expect(error?.message).toMatch(message);
		expect(error?.description).toMatch(/Nothing was sent to TokPortal/);
		expect(requests).toHaveLength(0);
	});

	it('says "unpublish first" when the bundle is already published (invalid_status)', async () => {
		const bundleId = await publishedBundle(sim);
		const { error, requests } = await run(sim, configure(bundleId));
		expect(requests).toHaveLength(1);
		expect(error?.message).toMatch(/Unpublish it first/);
		expect(error?.description).toContain('invalid_status');
		expect(error?.description).toContain(`Request ID: ${requests[0].requestId}`);
	});

	it('reports an unknown bundle (bundle_not_found) with the request id', async () => {
		const { error, requests } = await run(sim, configure(randomUUID()));
		expect(error?.message).toMatch(/^Bundle not found/);
		expect(error?.description).toContain('bundle_not_found');
		expect(error?.description).toContain(`Request ID: ${requests[0].requestId}`);
	});

	it('explains that a Videos Only bundle has no account step', async () => {
		const [account] = sim.seedAccounts(1, { platform: 'tiktok' });
		const created = await callApi(sim, 'POST', '/bundles', {
			bundle_type: 'videos_only',
			account_id: account.id,
			videos_quantity: 1,
		});
		const { error } = await run(sim, configure(String(created.json.data?.id)));
		expect(error?.message).toMatch(/Videos Only bundles post to an existing delivered account/);
	});

	it.each([
		['invalid_username', /Username must be 1–24 characters/],
		['invalid_visible_name', /Visible Name must be 1–30 characters/],
		['biography_too_long', /Biography must be at most 80 characters/],
		['invalid_url', /must be valid URLs/],
		['link_in_bio_instagram_only', /only available for Instagram/],
	])('surfaces the server-side %s with the request id', async (code, message) => {
		const bundleId = await newBundle(sim);
		failNext(sim, 'PUT', `/bundles/${bundleId}/account`, 400, code);
		const { error, requests } = await run(sim, configure(bundleId));
		expect(requests).toHaveLength(1);
		expect(error?.message).toMatch(message);
		expect(error?.description).toContain(code);
		expect(error?.description).toContain(`Request ID: ${requests[0].requestId}`);
	});

	it('keeps items paired under Continue On Fail', async () => {
		const good = await newBundle(sim);
		const { items, requests } = await run(
			sim,
			{
				resource: 'accountConfiguration',
				operation: 'configure',
				bundleId: { __rl: true, mode: 'id', value: '={{ $json.bundle }}' },
				username: '={{ $json.username }}',
				visibleName: validProfile.visibleName,
				biography: validProfile.biography,
				profilePictureUrl: validProfile.profilePictureUrl,
			},
			{
				continueOnFail: true,
				items: [
					{ bundle: good, username: 'good.one' },
					{ bundle: good, username: 'bad one' },
					{ bundle: randomUUID(), username: 'unknown.bundle' },
				],
			},
		);
		expect(requests).toHaveLength(2);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json).toMatchObject({ account: { username: 'good.one' } });
		expect(items[1].json.error).toMatch(/^"Username" may only contain/);
		expect(items[2].json).toMatchObject({ code: 'BUNDLE_NOT_FOUND', httpStatus: 404 });
	});
});
