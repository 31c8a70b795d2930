// Shared by the Bundle → Create, Create Bulk and Update suites: the node parameters of an order and
// the check that a refused order sent nothing.
import type { INodeParameters } from 'n8n-workflow';

import type { Simulator } from '../../simulator';
import { run } from '../accountFixtures';

/** Bundle → Create: an account-only TikTok order in the USA, with `extra` on top. */
export const createOrder = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'bundle',
	operation: 'create',
	bundleType: 'account_only',
	platform: 'tiktok',
	country: 'USA',
	...extra,
});

/** Bundle → Create Bulk: one TikTok account in the USA, with `extra` on top. */
export const bulkOrder = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'bundle',
	operation: 'createBulk',
	platforms: ['tiktok'],
	country: 'USA',
	accountsCount: 1,
	...extra,
});

/** A text of `n` characters. */
export const long = (n: number) => 'x'.repeat(n);

/** Runs the node and expects it to refuse with `message` before sending anything or charging credits. */
export async function expectRefused(sim: Simulator, parameters: INodeParameters, message: RegExp): Promise<void> {
	const { error, requests } = await run(sim, parameters);
	expect(requests).toHaveLength(0);
	expect(error?.message).toMatch(message);
	expect(error?.description).toMatch(/Nothing was sent to TokPortal and no credits were charged/);
}
