import { randomUUID } from 'node:crypto';

import type { INodeParameters } from 'n8n-workflow';

import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { byId, configureViaApi, newBundle, run, storedBundle } from '../accountFixtures';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());

describe('Bundle → Publish', () => {
	const publish = (id: string, options: INodeParameters = {}): INodeParameters => ({
		resource: 'bundle',
		operation: 'publish',
		bundleId: byId(id),
		options,
	});

	it('publishes a configured bundle', async () => {
		const id = await newBundle(sim);
		await configureViaApi(sim, id);
		const { items, requests } = await run(sim, publish(id));
		expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([`POST /bundles/${id}/publish`]);
		expect(requests[0].headers['idempotency-key']).toMatch(/^n8n-/);
		expect(requests[0].headers['x-api-key']).toBe(sim.apiKey);
		expect(items[0].json).toMatchObject({ id, status: 'published' });
		expect(storedBundle(sim, id)?.status).toBe('published');
	});

	it('lists each blocker with what to do when the bundle is not ready', async () => {
		const id = await newBundle(sim);
		const { error, requests } = await run(sim, publish(id));
		expect(error?.message).toMatch(
			/^The bundle cannot be published yet: ACCOUNT_MISSING: configure the account’s profile first/,
		);
		expect(error?.message).toContain('Get Publish Readiness shows the current blockers');
		expect(error?.description).toContain(`Request ID: ${requests[0].requestId}`);
		expect(storedBundle(sim, id)?.status).toBe('pending_setup');
	});

	it('names the missing profile fields', async () => {
		const id = await newBundle(sim);
		await configureViaApi(sim, id);
		// TokPortal refuses such a PUT now (spec 004); an account configured before that rule lacks the picture.
		storedBundle(sim, id)!.account!.profile_picture_url = null;
		const { error } = await run(sim, publish(id));
		expect(error?.message).toMatch(/ACCOUNT_MISSING_FIELDS \(profile_picture_url\): set the missing profile fields/);
	});

	it('dry run checks without publishing', async () => {
		const id = await newBundle(sim);
		await configureViaApi(sim, id);
		const { items, requests } = await run(sim, publish(id, { dryRun: true }));
		expect(requests[0].headers['x-tokportal-dry-run']).toBe('true');
		expect(items[0].json).toMatchObject({ dry_run: true });
		expect(storedBundle(sim, id)?.status).toBe('pending_setup');
	});

	it('a repeated Idempotency Key replays the first publish', async () => {
		const id = await newBundle(sim);
		await configureViaApi(sim, id);
		const parameters = publish(id, { idempotencyKey: `publish-${id}` });
		await run(sim, parameters);
		const again = await run(sim, parameters);
		expect(again.requests[0].headers['idempotency-key']).toBe(`bundle.publish:publish-${id}`);
		expect(again.error).toBeUndefined();
		expect(again.items[0].json).toMatchObject({ id, status: 'published', idempotent_replay: true });
	});

	it('BUNDLE_NOT_FOUND with the request id', async () => {
		const { error, requests } = await run(sim, publish(randomUUID()));
		expect(error?.message).toMatch(/^Bundle not found/);
		expect(error?.description).toContain(`Request ID: ${requests[0].requestId}`);
	});
});

