// The credential dialog's "Test" button in a real n8n (POST /rest/credentials/test): it succeeds
// with the simulator's key and fails — without echoing the key — with a wrong key or an
// unreachable base URL.
import { freePort } from '../../scripts/n8n/ports';
import { startSimulator, type Simulator } from '../simulator';
import { startN8n, type E2eN8n } from './helpers/n8n';

let n8n: E2eN8n;
let simulator: Simulator;

beforeAll(async () => {
	// Assign each as soon as it runs, so afterAll closes it even if the other one fails to start.
	await Promise.all([
		startN8n('credential').then((started) => (n8n = started)),
		startSimulator({ demo: true }).then((started) => (simulator = started)),
	]);
});

afterAll(async () => {
	await Promise.all([n8n?.stop(), simulator?.close()]);
});

test('Test succeeds with the simulator key', async () => {
	const credential = await n8n.createTokPortalCredential({ apiKey: simulator.apiKey, baseUrl: simulator.baseUrl });
	expect(await n8n.client.testCredential(credential)).toEqual({ status: 'OK', message: expect.any(String) });
});

test('Test accepts a base URL with a trailing slash', async () => {
	const credential = await n8n.createTokPortalCredential({ apiKey: simulator.apiKey, baseUrl: `${simulator.baseUrl}/` });
	expect((await n8n.client.testCredential(credential)).status).toBe('OK');
});

test('Test fails with a wrong key and does not show the key', async () => {
	const wrongKey = 'sk_wrong_e2e_0000000000000000';
	const credential = await n8n.createTokPortalCredential({ apiKey: wrongKey, baseUrl: simulator.baseUrl });
	const result = await n8n.client.testCredential(credential);
	expect(result.status).toBe('Error');
	expect(result.message).not.toContain(wrongKey);
});

test('the dialog tests the values typed into it, not only the saved ones', async () => {
	const credential = await n8n.createTokPortalCredential({ apiKey: 'sk_wrong_e2e_1', baseUrl: simulator.baseUrl });
	const result = await n8n.client.testCredential(credential, { apiKey: simulator.apiKey, baseUrl: simulator.baseUrl });
	expect(result.status).toBe('OK');
});

test('Test fails when nothing listens at the base URL', async () => {
	const closedPort = await freePort();
	const credential = await n8n.createTokPortalCredential({
		apiKey: 'sk_e2e_unreachable',
		baseUrl: `http://127.0.0.1:${closedPort}/api/ext`,
	});
	const result = await n8n.client.testCredential(credential);
	expect(result.status).toBe('Error');
	expect(result.message).not.toContain('sk_e2e_unreachable');
});

test('no credential test left a problem about our package in the log', () => {
	expect(n8n.packageProblems().filter((line) => !/ECONNREFUSED|refused the connection/i.test(line))).toEqual([]);
});
