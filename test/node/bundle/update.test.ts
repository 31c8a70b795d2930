import { randomUUID } from 'node:crypto';

import type { INodeParameters } from 'n8n-workflow';

import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { byId, newBundle, run, storedBundle } from '../accountFixtures';
import { expectRefused, long } from './orders';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());

const update = (id: string, updateFields: INodeParameters): INodeParameters => ({
	resource: 'bundle',
	operation: 'update',
	bundleId: byId(id),
	updateFields,
});

describe('Bundle → Update', () => {
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
		expect(storedBundle(sim, id)).toMatchObject({ title: null, external_ref: null });
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
		expect(storedBundle(sim, second)?.external_ref).not.toBe('taken-ref');
	});

	it('VALIDATION_ERROR from TokPortal is shown with the field and the request id', async () => {
		const id = await newBundle(sim);
		sim.faults.inject({ method: 'PATCH', path: `/bundles/${id}` }, { type: 'status', status: 400, code: 'VALIDATION_ERROR' });
		const { error, requests } = await run(sim, update(id, { title: 'Rejected' }));
		expect(error?.message).toMatch(/^TokPortal rejected a field of this request/);
		expect(error?.description).toContain(`Request ID: ${requests[0].requestId}`);
	});
});

describe('Bundle → Update: rules checked before anything is sent', () => {
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
		await expectRefused(sim, update('b-1', fields), message);
	});
});
