// The TokPortal node inside a real n8n against the simulator, through the credential stored in n8n:
// a smoke test, then the order flow a user builds (create → configure → readiness → publish → find it
// again by External Reference), checked against what the simulator holds and the requests it got.
import type { RequestLogEntry } from '../simulator';
import { startSimulator, type Simulator } from '../simulator';
import { missingBuild, testUnless } from './helpers/conditions';
import { startN8n, type Credential, type E2eN8n } from './helpers/n8n';
import { byId, chain, manualTrigger, tokPortalNode } from './helpers/workflows';
import type { WorkflowNode } from '../../scripts/n8n/types';

const skipReason = missingBuild('dist/nodes/TokPortal/TokPortal.node.js');
const whenReady = testUnless(skipReason);

let n8n: E2eN8n | undefined;
let simulator: Simulator | undefined;
let credential: Credential;

beforeAll(async () => {
	if (skipReason) return; // nothing to start for skipped tests
	// Assign each as soon as it runs, so afterAll closes it even if the other one fails to start.
	await Promise.all([
		startN8n('tokportal-node').then((started) => (n8n = started)),
		startSimulator({ demo: true }).then((started) => (simulator = started)),
	]);
	credential = await n8n!.createTokPortalCredential({ apiKey: simulator!.apiKey, baseUrl: simulator!.baseUrl });
});

afterAll(async () => {
	await Promise.all([n8n?.stop(), simulator?.close()]);
});

/** A TokPortal node with the stored credential. */
const tokPortal = (name: string, parameters: Record<string, unknown>) => tokPortalNode(credential, name, parameters);

/** One order, identical in every workflow that uses it (an idempotent replay needs the same body). */
function createBundleNode(externalRef: string, idempotencyKey: string): WorkflowNode {
	return tokPortal('Create bundle', {
		resource: 'bundle',
		operation: 'create',
		bundleType: 'account_only',
		platform: 'tiktok',
		country: 'USA',
		additionalFields: { externalRef, title: 'E2E order' },
		options: { idempotencyKey },
	});
}

const DERIVED_KEY = /^n8n-[0-9a-f]{64}$/;

whenReady('Delivered Account → Get Many returns the simulator’s accounts as items', async () => {
	const result = await n8n!.runWorkflow(
		chain('delivered accounts', [
			manualTrigger(),
			tokPortal('TokPortal', { resource: 'deliveredAccount', operation: 'getMany', returnAll: false, limit: 3 }),
		]),
	);
	expect(result.nodes.TokPortal?.error).toBeUndefined();
	expect(result.status).toBe('success');
	expect(result.nodes.TokPortal?.items).toHaveLength(3); // demo data has 8 delivered accounts
	expect(n8n!.packageProblems()).toEqual([]);
});

describe('an order from creation to publication', () => {
	const externalRef = `e2e-order-${Date.now()}`;
	const idempotencyKey = `row-${Date.now()}`;
	let bundleId: string;
	let creditsBefore: number;
	let ledgerBefore: number;

	whenReady('create → configure → readiness → publish → get many by External Reference', async () => {
		const sim = simulator!;
		creditsBefore = sim.state.credits;
		ledgerBefore = sim.state.ledger.length;
		sim.clearRequests();

		const profile = {
			username: 'e2e.street_style',
			visibleName: 'E2E Street Style',
			biography: 'Daily street fashion, tested end to end.',
			profilePictureUrl: 'https://cdn.example.com/e2e/profile.jpg',
		};
		const result = await n8n!.runWorkflow(
			chain('order flow', [
				manualTrigger(),
				createBundleNode(externalRef, idempotencyKey),
				tokPortal('Configure account', {
					resource: 'accountConfiguration',
					operation: 'configure',
					bundleId: byId('={{ $json.id }}'),
					...profile,
				}),
				tokPortal('Readiness', {
					resource: 'bundle',
					operation: 'getPublishReadiness',
					bundleId: byId('={{ $json.id }}'),
				}),
				tokPortal('Publish', {
					resource: 'bundle',
					operation: 'publish',
					bundleId: byId("={{ $('Create bundle').item.json.id }}"),
				}),
				tokPortal('Find by reference', {
					resource: 'bundle',
					operation: 'getMany',
					returnAll: true,
					filters: { externalRef: "={{ $('Create bundle').item.json.external_ref }}" },
				}),
			]),
		);
		expect(result.error).toBeUndefined();
		expect(result.status).toBe('success');

		// Exactly one new bundle, and it is the one every node worked on.
		const created = sim.state.bundles.filter((b) => b.external_ref === externalRef);
		expect(created).toHaveLength(1);
		const bundle = created[0]!;
		bundleId = bundle.id;

		const [order] = result.nodes['Create bundle']!.json;
		expect(result.nodes['Create bundle']!.json).toHaveLength(1);
		expect(order).toMatchObject({
			id: bundle.id,
			bundle_id: bundle.id,
			bundle_type: 'account_only',
			platform: 'tiktok',
			country: 'US',
			status: 'pending_setup',
			external_ref: externalRef,
			title: 'E2E order',
			credits_charged: 32,
			credits_remaining: creditsBefore - 32,
			cost_breakdown: bundle.cost_breakdown,
		});
		expect(order).not.toHaveProperty('idempotent_replay');

		expect(result.nodes['Configure account']!.json).toEqual([
			{
				id: bundle.id,
				account: {
					username: profile.username,
					visible_name: profile.visibleName,
					biography: profile.biography,
					profile_picture_url: profile.profilePictureUrl,
					link_in_bio: null,
					niche_warming_instructions: null,
					configured_at: bundle.account!.configured_at,
				},
			},
		]);
		expect(bundle.account).toMatchObject({
			username: profile.username,
			visible_name: profile.visibleName,
			biography: profile.biography,
			profile_picture_url: profile.profilePictureUrl,
			status: 'configured',
		});

		expect(result.nodes.Readiness!.json).toEqual([{ bundle_id: bundle.id, ready: true, blockers: [] }]);

		expect(bundle.status).toBe('published');
		expect(result.nodes.Publish!.json).toEqual([
			{ id: bundle.id, bundle_id: bundle.id, status: 'published', published_at: bundle.published_at },
		]);

		const found = result.nodes['Find by reference']!.json;
		expect(found).toHaveLength(1);
		expect(found[0]).toMatchObject({
			id: bundle.id,
			external_ref: externalRef,
			status: 'published',
			account_status: 'configured',
			is_published: true,
			credit_cost: 32,
		});

		// Charged once, for this bundle.
		expect(sim.state.credits).toBe(creditsBefore - 32);
		expect(sim.state.ledger.slice(ledgerBefore)).toEqual([
			expect.objectContaining({ type: 'debit', amount: -32, reference_id: bundle.id }),
		]);

		// One request per node, each with the stored key; mutations carry an Idempotency-Key.
		const calls = sim.requests.map((r: RequestLogEntry) => ({
			call: `${r.method} ${r.path}`,
			status: r.status,
			key: r.headers['idempotency-key'],
		}));
		expect(calls).toEqual([
			{ call: 'POST /bundles', status: 201, key: `bundle.create:${idempotencyKey}` },
			{ call: `PUT /bundles/${bundle.id}/account`, status: 200, key: expect.stringMatching(DERIVED_KEY) },
			{ call: `GET /bundles/${bundle.id}/publish-readiness`, status: 200, key: undefined },
			{ call: `POST /bundles/${bundle.id}/publish`, status: 200, key: expect.stringMatching(DERIVED_KEY) },
			{ call: 'GET /bundles', status: 200, key: undefined },
		]);
		expect(sim.requests.every((r) => r.headers['x-api-key'] === sim.apiKey)).toBe(true);
		expect(sim.requests[0]!.body).toEqual({
			bundle_type: 'account_only',
			platform: 'tiktok',
			country: 'USA',
			external_ref: externalRef,
			title: 'E2E order',
		});
		expect(sim.requests[1]!.body).toEqual({
			username: profile.username,
			visible_name: profile.visibleName,
			biography: profile.biography,
			profile_picture_url: profile.profilePictureUrl,
		});
		expect(sim.requests[4]!.query).toMatchObject({ external_ref: externalRef });
		expect(n8n!.packageProblems()).toEqual([]);
	});

	whenReady('re-running the order with the same Idempotency Key returns the first bundle and charges nothing', async () => {
		if (!bundleId) throw new Error('the order flow test did not create a bundle');
		const sim = simulator!;
		sim.clearRequests();

		// A new execution (new execution id): only the user's key links it to the first order.
		const rerun = chain('order re-run', [manualTrigger(), createBundleNode(externalRef, idempotencyKey)]);
		const result = await n8n!.runWorkflow(rerun);
		expect(result.error).toBeUndefined();
		expect(result.nodes['Create bundle']!.json).toEqual([
			expect.objectContaining({ id: bundleId, credits_charged: 32, idempotent_replay: true }),
		]);
		expect(sim.state.bundles.filter((b) => b.external_ref === externalRef)).toHaveLength(1);
		expect(sim.state.credits).toBe(creditsBefore - 32);
		expect(sim.state.ledger.length).toBe(ledgerBefore + 1);
		expect(sim.requests.map((r) => [r.method, r.path, r.headers['idempotency-key']])).toEqual([
			['POST', '/bundles', `bundle.create:${idempotencyKey}`],
		]);
	});
});
