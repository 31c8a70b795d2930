// Our package, installed the way users install community packages, loads into a real n8n 2.x:
// the editor sees its node and credential types, and n8n's log reports no trouble with it.
import { missingBuild, testUnless } from './helpers/conditions';
import { startN8n, type E2eN8n } from './helpers/n8n';

const NODE = 'n8n-nodes-tokportal.tokPortal';
const TOOL = 'n8n-nodes-tokportal.tokPortalTool';
const TRIGGER = 'n8n-nodes-tokportal.tokPortalTrigger';

const withNode = testUnless(missingBuild('dist/nodes/TokPortal/TokPortal.node.js'));
const withTrigger = testUnless(missingBuild('dist/nodes/TokPortalTrigger/TokPortalTrigger.node.js'));

let n8n: E2eN8n;

beforeAll(async () => {
	n8n = await startN8n('package-loading');
});

afterAll(async () => {
	await n8n?.stop();
});

async function nodeTypeNames(): Promise<string[]> {
	return (await n8n.client.nodeTypes()).map((type) => type.name);
}

test('n8n logs that it loaded n8n-nodes-tokportal, and nothing about problems with it', () => {
	expect(n8n.instance.packageLoaded()).toBe(true);
	expect(n8n.packageProblems()).toEqual([]);
});

test('the credential type tokPortalApi is listed for the editor', async () => {
	const credential = (await n8n.client.credentialTypes()).find((type) => type.name === 'tokPortalApi');
	expect(credential).toMatchObject({ name: 'tokPortalApi', displayName: 'TokPortal API' });
	expect((credential?.properties as Array<{ name: string }>).map((p) => p.name)).toEqual(
		expect.arrayContaining(['apiKey', 'baseUrl']),
	);
});

withNode('the TokPortal node and its AI-tool twin are listed', async () => {
	expect(await nodeTypeNames()).toEqual(expect.arrayContaining([NODE, TOOL]));
});

withNode('the editor can load the TokPortal node description (POST /rest/node-types)', async () => {
	const listed = (await n8n.client.nodeTypes()).find((type) => type.name === NODE);
	const version = Array.isArray(listed?.version) ? listed.version[listed.version.length - 1]! : (listed?.version ?? 1);
	const description = await n8n.client.nodeTypeDescription(NODE, version);
	// This endpoint answers with the package-less name, as n8n stores it in the package's description.
	expect(description).toMatchObject({
		name: 'tokPortal',
		displayName: listed?.displayName,
		credentials: [expect.objectContaining({ name: 'tokPortalApi' })],
	});
	expect((description?.properties as unknown[]).length).toBeGreaterThan(0);
});

withTrigger('the TokPortal Trigger node is listed', async () => {
	expect(await nodeTypeNames()).toContain(TRIGGER);
});

test('after a restart on the same user folder the package loads again without problems', async () => {
	await n8n.restart();
	expect(n8n.instance.packageLoaded()).toBe(true);
	expect(n8n.packageProblems()).toEqual([]);
	expect((await n8n.client.credentialTypes()).map((type) => type.name)).toContain('tokPortalApi');
});
