import { randomUUID } from 'node:crypto';

import type { INodeParameters } from 'n8n-workflow';

import type { Simulator } from '../simulator';
import { startSimulator } from '../simulator';
import { byId, configureViaApi, newBundle, publishedBundle, run } from './accountFixtures';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());

const stored = (id: string) => sim.state.bundles.find((bundle) => bundle.id === id);

describe('Bundle → Update', () => {
	const update = (id: string, updateFields: INodeParameters): INodeParameters => ({
		resource: 'bundle',
		operation: 'update',
		bundleId: byId(id),
		updateFields,
	});

	it('PATCHes only the given fields, in TokPortal’s names', async () => {
		const id = await newBundle(sim);
		const { items, requests } = await run(
			sim,
			update(id, { title: 'Renamed', externalRef: 'update-1', autoFinalizeVideos: false }),
		);
		expect(requests).toHaveLength(1);
		expect(`${requests[0].method} ${requests[0].path}`).toBe(`PATCH /bundles/${id}`);
		expect(requests[0].body).toEqual({ title: 'Renamed', external_ref: 'update-1', auto_finalize_videos: false });
		expect(requests[0].headers['idempotency-key']).toMatch(/^n8n-/);
		expect(items[0].json).toMatchObject({ id, title: 'Renamed', external_ref: 'update-1', auto_finalize_videos: false });
	});

	it('clears the title and External Reference with null', async () => {
		const id = await newBundle(sim);
		await run(sim, update(id, { externalRef: 'update-clear' }));
		const { requests } = await run(sim, update(id, { clearTitle: true, clearExternalRef: true }));
		expect(requests[0].body).toEqual({ title: null, external_ref: null });
		expect(stored(id)).toMatchObject({ title: null, external_ref: null });
	});

	it.each<[string, INodeParameters, RegExp]>([
		['no field', {}, /Add at least one field to update/],
		['an empty External Reference', { externalRef: '={{ $json.ref }}' }, /use "Clear External Reference" instead/],
		['a title over 200', { title: 't'.repeat(201) }, /"Title" must be at most 200/],
		['an External Reference over 200', { externalRef: 'r'.repeat(201) }, /"External Reference" must be at most 200/],
		['setting and clearing the title', { title: 'New', clearTitle: true }, /cannot be used together/],
	])('refuses %s without sending anything', async (_name, updateFields, message) => {
		const { error, requests } = await run(sim, update(randomUUID(), updateFields));
		expect(error?.message).toMatch(message);
		expect(requests).toHaveLength(0);
	});

	it('DUPLICATE_EXTERNAL_REF says to use a unique value, with the request id', async () => {
		const first = await newBundle(sim);
		const second = await newBundle(sim);
		await run(sim, update(first, { externalRef: 'taken-ref' }));
		const { error, requests } = await run(sim, update(second, { externalRef: 'taken-ref' }));
		expect(error?.message).toMatch(/^Another bundle already uses this External Reference/);
		expect(error?.description).toContain(`Request ID: ${requests[0].requestId}`);
		expect(stored(second)?.external_ref).not.toBe('taken-ref');
	});

	it('VALIDATION_ERROR from TokPortal is shown with the field and the request id', async () => {
		const id = await newBundle(sim);
		sim.faults.inject({ method: 'PATCH', path: `/bundles/${id}` }, { type: 'status', status: 400, code: 'VALIDATION_ERROR' });
		const { error, requests } = await run(sim, update(id, { title: 'Rejected' }));
		expect(error?.message).toMatch(/^TokPortal rejected a field of this request/);
		expect(error?.description).toContain(`Request ID: ${requests[0].requestId}`);
	});
});

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
		expect(stored(id)?.status).toBe('published');
	});

	it('lists each blocker with what to do when the bundle is not ready', async () => {
		const id = await newBundle(sim);
		const { error, requests } = await run(sim, publish(id));
		expect(error?.message).toMatch(
			/^The bundle cannot be published yet: ACCOUNT_MISSING: configure the account’s profile first/,
		);
		expect(error?.message).toContain('Get Publish Readiness shows the current blockers');
		expect(error?.description).toContain(`Request ID: ${requests[0].requestId}`);
		expect(stored(id)?.status).toBe('pending_setup');
	});

	it('names the missing profile fields', async () => {
		const id = await newBundle(sim);
		await configureViaApi(sim, id);
		// TokPortal refuses such a PUT now (spec 004); an account configured before that rule lacks the picture.
		stored(id)!.account!.profile_picture_url = null;
		const { error } = await run(sim, publish(id));
		expect(error?.message).toMatch(/ACCOUNT_MISSING_FIELDS \(profile_picture_url\): set the missing profile fields/);
	});

	it('dry run checks without publishing', async () => {
		const id = await newBundle(sim);
		await configureViaApi(sim, id);
		const { items, requests } = await run(sim, publish(id, { dryRun: true }));
		expect(requests[0].headers['x-tokportal-dry-run']).toBe('true');
		expect(items[0].json).toMatchObject({ dry_run: true });
		expect(stored(id)?.status).toBe('pending_setup');
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

describe('Bundle → Unpublish', () => {
	const unpublish = (id: string): INodeParameters => ({ resource: 'bundle', operation: 'unpublish', bundleId: byId(id) });

	it('takes a published bundle back to pending_setup', async () => {
		const id = await publishedBundle(sim);
		const { items, requests } = await run(sim, unpublish(id));
		expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([`POST /bundles/${id}/unpublish`]);
		expect(requests[0].headers['idempotency-key']).toMatch(/^n8n-/);
		expect(items[0].json).toMatchObject({ id, status: 'pending_setup' });
		expect(stored(id)?.status).toBe('pending_setup');
	});

	it('explains that an accepted bundle can no longer be unpublished, with the request id', async () => {
		const id = await publishedBundle(sim);
		sim.operator.acceptBundle(id);
		const { error, requests } = await run(sim, unpublish(id));
		expect(error?.message).toMatch(/already accepted it, so it can no longer be unpublished. Nothing was changed or refunded/);
		expect(error?.description).toContain(`Request ID: ${requests[0].requestId}`);
		expect(stored(id)?.status).toBe('accepted');
	});

	it('says only published bundles can be unpublished', async () => {
		const id = await newBundle(sim);
		const { error } = await run(sim, unpublish(id));
		expect(error?.message).toBe('Only published bundles can be unpublished; this one is pending_setup. Nothing was changed.');
	});

	it('keeps pairing under Continue On Fail with a good and a bad bundle', async () => {
		const good = await publishedBundle(sim);
		const { items, requests } = await run(
			sim,
			{ resource: 'bundle', operation: 'unpublish', bundleId: byId('={{ $json.id }}') },
			{ continueOnFail: true, items: [{ id: randomUUID() }, { id: good }] },
		);
		expect(requests).toHaveLength(2);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(items[0].json).toMatchObject({ code: 'BUNDLE_NOT_FOUND', requestId: requests[0].requestId });
		expect(items[1].json).toMatchObject({ id: good, status: 'pending_setup' });
	});
});
