// Delivered Account → Update Commenting Profile: only the fields added are sent, in TokPortal's names.
import type { INodeParameters } from 'n8n-workflow';

import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { byId, run } from '../accountFixtures';
import { managedAccount } from '../careFixtures';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());

const update = (accountId: string, updateFields: INodeParameters) => ({
	resource: 'deliveredAccount',
	operation: 'updateCommentingProfile',
	accountId: byId(accountId),
	updateFields,
});

describe('Delivered Account → Update Commenting Profile', () => {
	it('sends every field in TokPortal’s names and returns the merged profile', async () => {
		const account = await managedAccount(sim);
		const { items, requests, error } = await run(
			sim,
			update(account.id, {
				enabled: true,
				persona: 'A sneakerhead from Brooklyn',
				tone: 'playful',
				languages: 'EN, fr',
				topics: 'sneakers, streetwear',
				avoidTopics: 'politics',
				maxCommentsPerDay: 12,
			}),
		);
		expect(error).toBeUndefined();
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`PATCH /accounts/${account.id}/commenting-profile`]);
		expect(requests[0].body).toEqual({
			enabled: true,
			persona: 'A sneakerhead from Brooklyn',
			tone: 'playful',
			languages: ['en', 'fr'],
			topics: ['sneakers', 'streetwear'],
			avoid_topics: ['politics'],
			max_comments_per_day: 12,
		});
		expect(items[0].json).toMatchObject({
			account_id: account.id,
			commenting_profile: { enabled: true, tone: 'playful', languages: ['en', 'fr'], max_comments_per_day: 12 },
		});

		// Only what is added changes.
		const second = await run(sim, update(account.id, { tone: 'friendly' }));
		expect(second.requests[0].body).toEqual({ tone: 'friendly' });
		expect(second.items[0].json).toMatchObject({ commenting_profile: { tone: 'friendly', persona: 'A sneakerhead from Brooklyn' } });
	});

	it('refuses an empty update and out-of-range values before sending', async () => {
		const account = await managedAccount(sim);
		const empty = await run(sim, update(account.id, {}));
		expect(empty.requests).toHaveLength(0);
		expect(empty.error?.message).toBe('Add at least one field under "Update Fields" to change');

		const bad = await run(sim, update(account.id, { languages: 'english', maxCommentsPerDay: 51, tone: 'angry' }));
		expect(bad.requests).toHaveLength(0);
		expect(bad.error?.message).toMatch(/^3 fields need fixing/);
		expect(bad.error?.message).toContain('"Languages" has an invalid entry: it must be a two-letter language code such as en or fr');
		expect(bad.error?.message).toContain('"Max Comments per Day" must be a whole number from 1 to 50 (got 51)');
		expect(bad.error?.message).toContain('"Tone" must be one of enthusiastic, friendly, neutral, playful, professional (got "angry")');
	});

	it('says when the account was detached from TokPortal management', async () => {
		const account = await managedAccount(sim);
		account.management_ended = true;
		const { error } = await run(sim, update(account.id, { enabled: false }));
		expect(error?.message).toMatch(/^This delivered account was detached from TokPortal management/);
		expect(error?.description).toContain('MANAGED_ACCOUNT_TASK_BLOCKED');
	});
});
