// Setup helpers for the node suites: they drive the simulator over HTTP (like a customer would) and
// through its operator, never through the node under test, so the node's requests in
// `sim.requests` are only the ones a test makes; `run` then runs the node and returns those.
import { randomUUID } from 'node:crypto';

import type { INodeParameters } from 'n8n-workflow';

import type { NodeRun, RunNodeOptions } from '../harness';
import { runTokPortalNode } from '../harness';
import type { RequestLogEntry, Simulator } from '../simulator';
import { client } from '../simulator/client';

/** Calls the simulator's API as a customer (through the tests' one client), non-GET requests keyed. */
export async function callApi(
	sim: Simulator,
	method: string,
	path: string,
	body?: unknown,
): Promise<{ status: number; json: { data?: Record<string, unknown>; error?: { code: string } } }> {
	const headers: Record<string, string> = method === 'GET' ? {} : { 'Idempotency-Key': `fixture-${randomUUID()}` };
	const { status, body: json } = await client(sim)(method, path, { body, headers });
	return { status, json };
}

export const validProfile = {
	username: 'street.style_nyc',
	visibleName: 'Street Style NYC',
	biography: 'Daily street fashion from New York City.',
	profilePictureUrl: 'https://cdn.example.com/profiles/streetstyle.jpg',
};

/** A fresh `pending_setup` bundle that orders a new account. */
export async function newBundle(sim: Simulator, platform: 'tiktok' | 'instagram' = 'tiktok'): Promise<string> {
	const { status, json } = await callApi(sim, 'POST', '/bundles', {
		bundle_type: 'account_only',
		platform,
		country: 'USA',
		title: `Fixture ${platform} bundle`,
	});
	if (status !== 201 && status !== 200) throw new Error(`fixture bundle: HTTP ${status} ${JSON.stringify(json)}`);
	return String(json.data?.id);
}

export async function configureViaApi(sim: Simulator, bundleId: string): Promise<void> {
	const { status, json } = await callApi(sim, 'PUT', `/bundles/${bundleId}/account`, {
		username: `fixture_${randomUUID().slice(0, 8)}`,
		visible_name: 'Fixture Account',
		biography: 'Fixture biography',
		profile_picture_url: 'https://cdn.example.com/p.jpg',
	});
	if (status !== 200) throw new Error(`fixture configure: HTTP ${status} ${JSON.stringify(json)}`);
}

export async function publishedBundle(sim: Simulator): Promise<string> {
	const id = await newBundle(sim);
	await configureViaApi(sim, id);
	const { status, json } = await callApi(sim, 'POST', `/bundles/${id}/publish`);
	if (status !== 200) throw new Error(`fixture publish: HTTP ${status} ${JSON.stringify(json)}`);
	return id;
}

/** A bundle whose account TokPortal delivered for review (and so has a delivered account). */
export async function bundleInReview(sim: Simulator): Promise<string> {
	const id = await publishedBundle(sim);
	sim.operator.acceptBundle(id);
	sim.operator.moveAccountToReview(id);
	return id;
}

/** The simulator's own record of a bundle, to check what TokPortal now holds. */
export const storedBundle = (sim: Simulator, id: string) => sim.state.bundles.find((bundle) => bundle.id === id);

export const byId = (id: string) => ({ __rl: true, mode: 'id', value: id });

/** Runs the node and returns the requests it made (the log is cleared first). */
export async function run(
	sim: Simulator,
	parameters: INodeParameters,
	options: Omit<RunNodeOptions, 'parameters'> = {},
): Promise<NodeRun & { requests: RequestLogEntry[] }> {
	sim.clearRequests();
	const result = await runTokPortalNode(sim, { ...options, parameters });
	return { ...result, requests: [...sim.requests] };
}

/** An armed one-shot TokPortal error for the next matching request. */
export function failNext(sim: Simulator, method: string, path: string, status: number, code: string): void {
	sim.faults.inject({ method, path }, { type: 'status', status, code });
}
