// Smoke test: the TokPortal node runs inside a real n8n against the simulator, through the
// credential stored in n8n (the lead's operation-level e2e tests build on this pattern).
import { startSimulator, type Simulator } from '../simulator';
import { missingBuild, testUnless } from './helpers/conditions';
import { startN8n, type Credential, type E2eN8n } from './helpers/n8n';
import { chain, manualTrigger } from './helpers/workflows';

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

whenReady('Delivered Account → Get Many returns the simulator’s accounts as items', async () => {
	const result = await n8n!.runWorkflow(
		chain('delivered accounts', [
			manualTrigger(),
			{
				name: 'TokPortal',
				type: 'n8n-nodes-tokportal.tokPortal',
				typeVersion: 1,
				position: [0, 0],
				parameters: { resource: 'deliveredAccount', operation: 'getMany', returnAll: false, limit: 3 },
				credentials: { tokPortalApi: { id: credential.id, name: credential.name } },
			},
		]),
	);
	expect(result.nodes.TokPortal?.error).toBeUndefined();
	expect(result.status).toBe('success');
	expect(result.nodes.TokPortal?.items).toHaveLength(3); // demo data has 8 delivered accounts
	expect(n8n!.packageProblems()).toEqual([]);
});
