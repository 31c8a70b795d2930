// Delivered Account → Request Edit (8 credits: Dry Run, Idempotency Key, price kept) and Get Edit Request.
import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { byId, run } from '../accountFixtures';
import { debitsFor, managedAccount } from '../careFixtures';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());

const requestEdit = (accountId: string, extra: Record<string, unknown> = {}) => ({
	resource: 'deliveredAccount',
	operation: 'requestEdit',
	accountId: byId(accountId),
	requestedUsername: 'street.style_v2',
	requestedVisibleName: 'Street Style v2',
	...extra,
});

const getEditRequest = (accountId: string) => ({
	resource: 'deliveredAccount',
	operation: 'getEditRequest',
	accountId: byId(accountId),
});

describe('Delivered Account → Request Edit', () => {
	it('sends the profile in TokPortal’s names, charges 8 credits once and keeps the price in the output', async () => {
		const account = await managedAccount(sim);
		const before = sim.state.credits;
		const { items, requests, error } = await run(
			sim,
			requestEdit(account.id, {
				additionalFields: { requestedBiography: 'New bio.', requestedProfilePictureUrl: 'https://cdn.example.com/new.jpg' },
			}),
		);
		expect(error).toBeUndefined();
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST /accounts/${account.id}/edit-request`]);
		expect(requests[0].body).toEqual({
			requested_username: 'street.style_v2',
			requested_visible_name: 'Street Style v2',
			requested_biography: 'New bio.',
			requested_profile_picture_url: 'https://cdn.example.com/new.jpg',
		});
		expect(requests[0].headers['idempotency-key']).toMatch(/^n8n-[0-9a-f]{64}$/);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			account_id: account.id,
			status: 'pending',
			requested_username: 'street.style_v2',
			credits_charged: 8,
			credits_remaining: before - 8,
			cost_breakdown: { edit_request: 8, total: 8 },
		});
		expect(sim.state.credits).toBe(before - 8);
		expect(debitsFor(sim, String(items[0].json.edit_request_id))).toHaveLength(1);

		const read = await run(sim, getEditRequest(account.id));
		expect(read.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /accounts/${account.id}/edit-request`]);
		expect(read.items.map((item) => item.json)).toEqual([expect.objectContaining({ edit_request_id: items[0].json.edit_request_id, status: 'pending' })]);

		// A second request while one is pending: refused, said so with the pending request's ID, nothing charged.
		const again = await run(sim, requestEdit(account.id));
		expect(again.error?.message).toBe(
			`An edit request is already in progress for this account (${String(items[0].json.edit_request_id)}). Nothing was charged. Wait until it is completed (Delivered Account → Get Edit Request), then run again.`,
		);
		expect(again.error?.description).toContain('EDIT_REQUEST_ALREADY_PENDING');
		expect(sim.state.credits).toBe(before - 8);

		sim.operator.completeEditRequest(account.id);
		const done = await run(sim, getEditRequest(account.id));
		expect(done.items[0].json).toMatchObject({ status: 'completed' });
	});

	it('Dry Run shows the price and requests nothing; an Idempotency Key makes a re-run replay instead of paying twice', async () => {
		const account = await managedAccount(sim);
		const before = sim.state.credits;
		const dry = await run(sim, requestEdit(account.id, { options: { dryRun: true, idempotencyKey: 'row-7' } }));
		expect(dry.requests[0].headers['x-tokportal-dry-run']).toBe('true');
		expect(dry.requests[0].headers['idempotency-key']).not.toBe('deliveredAccount.requestEdit:row-7');
		expect(dry.items[0].json).toMatchObject({ dry_run: true, credits_charged: 0, credits_would_charge: 8 });
		expect(sim.state.credits).toBe(before);
		expect(sim.state.editRequests.filter((r) => r.account_id === account.id)).toHaveLength(0);

		const parameters = requestEdit(account.id, { options: { idempotencyKey: '={{ $json.row }}' } });
		const first = await run(sim, parameters, { items: [{ row: 'row-7' }] });
		const second = await run(sim, parameters, { items: [{ row: 'row-7' }] });
		expect(first.requests[0].headers['idempotency-key']).toBe('deliveredAccount.requestEdit:row-7');
		expect(second.requests[0].headers['idempotency-key']).toBe('deliveredAccount.requestEdit:row-7');
		expect(second.items[0].json).toMatchObject({ edit_request_id: first.items[0].json.edit_request_id, idempotent_replay: true });
		expect(sim.state.credits).toBe(before - 8);
	});

	it('checks Link in Bio against the account’s platform: one free read, then refused on TikTok, sent on Instagram', async () => {
		const tiktok = await managedAccount(sim, 'tiktok');
		const refused = await run(sim, requestEdit(tiktok.id, { additionalFields: { requestedLinkInBio: 'https://linktr.ee/x' } }));
		expect(refused.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /accounts/${tiktok.id}`]);
		expect(refused.error?.message).toBe('"New Link in Bio" is only available for Instagram accounts, and this account is on tiktok: remove it');
		expect(refused.error?.description).toMatch(/^Nothing was sent to TokPortal/);

		const instagram = await managedAccount(sim, 'instagram');
		const sent = await run(sim, requestEdit(instagram.id, { additionalFields: { requestedLinkInBio: 'https://linktr.ee/x' } }));
		expect(sent.error).toBeUndefined();
		expect(sent.requests.map((r) => r.method)).toEqual(['GET', 'POST']);
		expect(sent.requests[1].body).toMatchObject({ requested_link_in_bio: 'https://linktr.ee/x' });
	});

	it('validates the profile before sending: one error naming each field, zero requests', async () => {
		const account = await managedAccount(sim);
		const { error, requests } = await run(
			sim,
			requestEdit(account.id, {
				requestedUsername: '@not ok',
				requestedVisibleName: 'x'.repeat(31),
				additionalFields: { requestedBiography: 'b'.repeat(81), requestedProfilePictureUrl: 'ftp://x' },
			}),
		);
		expect(requests).toHaveLength(0);
		expect(error?.message).toMatch(/^4 fields need fixing/);
		expect(error?.message).toContain('"New Username" may only contain letters');
		expect(error?.message).toContain('"New Visible Name" must be at most 30 characters long (it has 31)');
		expect(error?.message).toContain('"New Biography" must be at most 80 characters long (it has 81)');
		expect(error?.message).toContain('"New Profile Picture URL" must be a web address starting with https:// or the storage_path of an upload');
	});

	it('says why TokPortal cannot take the request: no account manager, or a banned account', async () => {
		const [orphan] = sim.seedAccounts(1, { platform: 'tiktok' });
		orphan.post_cutoff = false;
		const noOrder = await run(sim, requestEdit(orphan.id));
		expect(noOrder.error?.message).toMatch(/^No TokPortal account manager is assigned to this account/);
		expect(noOrder.error?.description).toContain('EDIT_REQUEST_NO_ACTIVE_ORDER');

		const banned = await managedAccount(sim);
		sim.operator.banAccount(banned.id);
		const blocked = await run(sim, requestEdit(banned.id));
		expect(blocked.error?.message).toMatch(/^This delivered account is banned, so TokPortal can no longer work on it. Nothing was charged./);
	});
});

describe('Delivered Account → Get Edit Request', () => {
	it('gives no item when the account never had a request', async () => {
		const account = await managedAccount(sim);
		const { items, error, requests } = await run(sim, getEditRequest(account.id));
		expect(error).toBeUndefined();
		expect(requests).toHaveLength(1);
		expect(items).toHaveLength(0);
	});
});
