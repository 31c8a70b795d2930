import { createHash } from 'crypto';

import { orderRequest } from '../../nodes/TokPortal/actions/bundle/orderOptions';
import type { CreateInput } from '../../nodes/TokPortal/actions/bundle/validation';
import {
	bulkProblems,
	createProblems,
	idempotencyKeyProblem,
	updateProblems,
} from '../../nodes/TokPortal/actions/bundle/validation';

const account: CreateInput = { bundleType: 'account_only', platform: 'tiktok', country: 'USA' };
const withVideos: CreateInput = { ...account, bundleType: 'account_and_videos', videosQuantity: 3 };
const videosOnly: CreateInput = { bundleType: 'videos_only', videosQuantity: 3, accountId: 'acc-1' };
const bulk = { platforms: ['tiktok'], country: 'USA', accountsCount: 2 };
const long = (n: number) => 'x'.repeat(n);

describe('bundle validation rules', () => {
	it('accepts valid orders of every type', () => {
		expect(createProblems(account)).toEqual([]);
		expect(createProblems({ ...withVideos, editsQuantity: 3, title: long(200), externalRef: long(200) })).toEqual(
			[],
		);
		expect(createProblems(videosOnly)).toEqual([]);
		expect(bulkProblems({ ...bulk, uploadAccountsCount: 2, videosPerAccount: 500 })).toEqual([]);
	});

	it.each<[string, CreateInput, RegExp]>([
		['an unknown bundle type', { ...account, bundleType: 'account' }, /"Bundle Type" must be one of/],
		['a missing platform', { ...account, platform: '' }, /"Platform" is required/],
		['a missing country', { ...account, country: undefined }, /"Country" is required/],
		['a title over 200', { ...account, title: long(201) }, /"Title" must be at most 200 characters \(it has 201\)/],
		['an external ref over 200', { ...account, externalRef: long(201) }, /"External Reference" must be at most 200/],
		['an empty external ref', { ...account, externalRef: '  ' }, /"External Reference" is empty/],
		['zero videos on a type with videos', { ...withVideos, videosQuantity: 0 }, /"Videos Quantity" must be a whole number from 1 to 500/],
		['a fractional video count', { ...withVideos, videosQuantity: 2.5 }, /"Videos Quantity" must be a whole number/],
		['edits above videos', { ...withVideos, editsQuantity: 4 }, /"Edit Slots" \(4\) cannot exceed the number of video slots \(3\)/],
		['edits without videos', { ...account, editsQuantity: 1 }, /"Edit Slots" need video slots/],
		['negative edits', { ...withVideos, editsQuantity: -1 }, /"Edit Slots" must be a whole number of 0 or more/],
		['videos only without an account', { ...videosOnly, accountId: undefined }, /"Delivered Account" is required for Videos Only/],
		['an account on a new-account type', { ...account, accountId: 'acc-1' }, /"Delivered Account" can only be used with the Videos Only/],
		['niche warming without instructions', { ...account, nicheWarming: true }, /"Niche Warming" needs "Niche Warming Instructions"/],
		['instructions without niche warming', { ...account, nicheWarmingInstructions: 'fitness' }, /only used with "Niche Warming"/],
		['deep warming on TikTok', { ...account, deepWarming: true }, /"Deep Warming" is only available on Instagram \(not on tiktok\)/],
		[
			'deep and niche warming together',
			{ ...account, platform: 'instagram', deepWarming: true, nicheWarming: true, nicheWarmingInstructions: 'x' },
			/cannot be combined/,
		],
	])('create rejects %s', (_name, input, message) => {
		const problems = createProblems(input);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(message);
	});

	it('allows deep warming on Instagram and leaves videos-only platform checks to the account', () => {
		expect(createProblems({ ...account, platform: 'instagram', deepWarming: true })).toEqual([]);
		expect(createProblems({ ...videosOnly, deepWarming: true })).toEqual([]);
	});

	it('reports every problem of an item at once', () => {
		expect(createProblems({ ...withVideos, country: '', title: long(201), editsQuantity: 9 })).toHaveLength(3);
	});

	it.each<[string, Parameters<typeof bulkProblems>[0], RegExp]>([
		['no platform', { ...bulk, platforms: [] }, /"Platforms" needs at least one/],
		['a repeated platform', { ...bulk, platforms: ['tiktok', 'tiktok'] }, /lists a platform twice/],
		['a missing country', { ...bulk, country: '' }, /"Country" is required/],
		['0 accounts', { ...bulk, accountsCount: 0 }, /"Accounts per Platform" must be a whole number from 1 to 100/],
		['101 accounts', { ...bulk, accountsCount: 101 }, /"Accounts per Platform" must be a whole number from 1 to 100/],
		['more uploads than accounts', { ...bulk, uploadAccountsCount: 3, videosPerAccount: 1 }, /\(3\) cannot exceed "Accounts per Platform" \(2\)/],
		['501 videos', { ...bulk, uploadAccountsCount: 1, videosPerAccount: 501 }, /from 0 to 500/],
		['upload accounts without videos', { ...bulk, uploadAccountsCount: 1 }, /must be at least 1 when "Upload Accounts/],
		['videos without upload accounts', { ...bulk, videosPerAccount: 5 }, /no account gets videos/],
		['an external ref over 200', { ...bulk, externalRef: long(201) }, /"External Reference" must be at most 200/],
		['deep warming with TikTok', { ...bulk, platforms: ['instagram', 'tiktok'], deepWarming: true }, /only available on Instagram \(not on tiktok\)/],
		['niche warming without instructions', { ...bulk, nicheWarming: true }, /needs "Niche Warming Instructions"/],
	])('bulk rejects %s', (_name, input, message) => {
		const problems = bulkProblems(input);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(message);
	});

	it.each<[string, Parameters<typeof updateProblems>[0], RegExp]>([
		['no field', {}, /Add at least one field/],
		['a Clear option turned off and nothing else', { clearTitle: false }, /Add at least one field/],
		['a title over 200', { title: long(201) }, /"Title" must be at most 200/],
		['an external ref over 200', { externalRef: long(201) }, /"External Reference" must be at most 200/],
		['an empty external ref', { externalRef: '' }, /use "Clear External Reference" instead/],
		['an empty title', { title: ' ' }, /use "Clear Title" instead/],
		['setting and clearing the title', { title: 'a', clearTitle: true }, /"Title" and "Clear Title" cannot be used together/],
		['setting and clearing the ref', { externalRef: 'a', clearExternalRef: true }, /cannot be used together/],
	])('update rejects %s', (_name, input, message) => {
		const problems = updateProblems(input);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(message);
	});

	it('accepts updates that set, clear or toggle', () => {
		expect(updateProblems({ autoFinalizeVideos: false })).toEqual([]);
		expect(updateProblems({ clearTitle: true, clearExternalRef: true })).toEqual([]);
		expect(updateProblems({ title: 'New', externalRef: 'ref' })).toEqual([]);
	});

	it('limits a user Idempotency Key to 255 characters and refuses an empty one', () => {
		expect(idempotencyKeyProblem(undefined)).toBeUndefined();
		expect(idempotencyKeyProblem(long(255))).toBeUndefined();
		expect(idempotencyKeyProblem(long(256))).toMatch(/"Idempotency Key" must be at most 255 characters/);
		expect(idempotencyKeyProblem('')).toMatch(/"Idempotency Key" is empty/);
	});
});

describe('order request settings', () => {
	it('scopes the user key to the operation, and hashes it when the header would be too long', () => {
		expect(orderRequest('create', { dryRun: false, idempotencyKey: 'row-7' })).toEqual({
			idempotencyKey: 'bundle.create:row-7',
		});
		const hashed = orderRequest('createBulk', { dryRun: false, idempotencyKey: long(255) }).idempotencyKey;
		expect(hashed).toBe(`bundle.createBulk:sha256:${createHash('sha256').update(long(255)).digest('hex')}`);
		expect(orderRequest('create', { dryRun: false })).toEqual({});
	});

	it('sends the dry-run header and never the user key on a dry run', () => {
		expect(orderRequest('create', { dryRun: true, idempotencyKey: 'row-7' })).toEqual({
			headers: { 'X-TokPortal-Dry-Run': 'true' },
		});
	});
});
