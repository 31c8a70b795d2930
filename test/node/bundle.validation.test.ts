import { createHash } from 'crypto';

import type { INodeParameters } from 'n8n-workflow';

import { paidRequest } from '../../nodes/TokPortal/actions/paidCall';
import type { Simulator } from '../simulator';
import { startSimulator } from '../simulator';
import { byId, run } from './accountFixtures';

let sim: Simulator;
let deliveredAccountId: string;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false, seed: { accounts: 3, bundles: 0 } });
	deliveredAccountId = sim.state.accounts.find((account) => !account.banned)!.id;
});
afterAll(async () => await sim.close());

const long = (n: number) => 'x'.repeat(n);
const account: INodeParameters = { resource: 'bundle', operation: 'create', bundleType: 'account_only', platform: 'tiktok', country: 'USA' };
const withVideos: INodeParameters = { ...account, bundleType: 'account_and_videos', videosQuantity: 3 };
const bulk: INodeParameters = { resource: 'bundle', operation: 'createBulk', platforms: ['tiktok'], country: 'USA', accountsCount: 2 };
const update = (updateFields: INodeParameters): INodeParameters => ({
	resource: 'bundle',
	operation: 'update',
	bundleId: byId('b-1'),
	updateFields,
});
const dryRun = { options: { dryRun: true } };

async function expectRefused(parameters: INodeParameters, message: RegExp): Promise<void> {
	const { error, requests } = await run(sim, parameters);
	expect(requests).toHaveLength(0);
	expect(error?.message).toMatch(message);
	expect(error?.description).toMatch(/Nothing was sent to TokPortal and no credits were charged/);
}

describe('Bundle → Create / Create Bulk / Update: rules checked before anything is sent', () => {
	it('accepts valid orders of every type (as dry runs)', async () => {
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
		await expectRefused(parameters, message);
	});

	it('reports every problem of an item at once', async () => {
		const { error } = await run(sim, { ...withVideos, country: '', additionalFields: { title: long(201), editsQuantity: 9 } });
		expect(error?.message).toMatch(/^3 fields need fixing: /);
	});

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
		await expectRefused(parameters, message);
	});

	it.each<[string, INodeParameters, RegExp]>([
		['no field', {}, /Add at least one field/],
		['a Clear option turned off and nothing else', { clearTitle: false }, /Add at least one field/],
		['a title over 200', { title: long(201) }, /"Title" must be at most 200/],
		['an external ref over 200', { externalRef: long(201) }, /"External Reference" must be at most 200/],
		['an empty external ref', { externalRef: '' }, /use "Clear External Reference" instead/],
		['an empty title', { title: ' ' }, /use "Clear Title" instead/],
		['setting and clearing the title', { title: 'a', clearTitle: true }, /"Title" and "Clear Title" cannot be used together/],
		['setting and clearing the ref', { externalRef: 'a', clearExternalRef: true }, /cannot be used together/],
	])('update refuses %s', async (_name, fields, message) => {
		await expectRefused(update(fields), message);
	});

	it('limits a user Idempotency Key to 255 characters and refuses an empty one', async () => {
		await expectRefused({ ...account, options: { idempotencyKey: long(256) } }, /"Idempotency Key" must be at most 255 characters/);
		await expectRefused({ ...account, options: { idempotencyKey: '' } }, /"Idempotency Key" is empty/);
	});
});

describe('order request settings', () => {
	it('scopes the user key to the operation, and hashes it when the header would be too long', () => {
		expect(paidRequest('bundle.create', { dryRun: false, idempotencyKey: 'row-7' })).toEqual({
			idempotencyKey: 'bundle.create:row-7',
		});
		const hashed = paidRequest('bundle.createBulk', { dryRun: false, idempotencyKey: long(255) }).idempotencyKey;
		expect(hashed).toBe(`bundle.createBulk:sha256:${createHash('sha256').update(long(255)).digest('hex')}`);
		expect(paidRequest('bundle.create', { dryRun: false })).toEqual({});
	});

	it('sends the dry-run header and never the user key on a dry run', () => {
		expect(paidRequest('bundle.create', { dryRun: true, idempotencyKey: 'row-7' })).toEqual({
			headers: { 'X-TokPortal-Dry-Run': 'true' },
		});
	});
});
