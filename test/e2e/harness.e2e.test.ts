// Self-test of the e2e helpers against n8n's own core nodes, so a failing TokPortal test points
// at our package, not at the harness: manual runs return per-node items and errors, publishing a
// webhook workflow serves its production URL (also after a restart), unpublishing removes it.
import { chain, manualTrigger } from './helpers/workflows';
import { startN8n, type E2eN8n } from './helpers/n8n';

let n8n: E2eN8n;

beforeAll(async () => {
	n8n = await startN8n('harness');
});

afterAll(async () => {
	await n8n?.stop();
});

test('runWorkflow returns each node’s output items', async () => {
	const result = await n8n.runWorkflow(
		chain('set values', [
			manualTrigger(),
			{
				name: 'Set',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [0, 0],
				parameters: { assignments: { assignments: [{ id: 'a', name: 'answer', value: 42, type: 'number' }] } },
			},
		]),
	);
	expect(result.status).toBe('success');
	expect(result.nodes['Manual Trigger']?.items).toHaveLength(1);
	expect(result.nodes.Set?.json).toEqual([{ answer: 42 }]);
	expect((await n8n.getExecution(result.executionId)).mode).toBe('manual');
	expect((await n8n.listExecutions(result.workflowId)).map((e) => e.id)).toEqual([result.executionId]);
});

test('runWorkflow reports a failing node’s error', async () => {
	const result = await n8n.runWorkflow(
		chain('stop and error', [
			manualTrigger(),
			{
				name: 'Fail',
				type: 'n8n-nodes-base.stopAndError',
				typeVersion: 1,
				position: [0, 0],
				parameters: { errorMessage: 'boom from e2e' },
			},
		]),
	);
	expect(result.status).toBe('error');
	expect(result.nodes.Fail?.error?.message).toBe('boom from e2e');
	expect(result.error?.message).toBe('boom from e2e');
});

test('a published webhook workflow answers on the production URL, survives a restart, and is gone when unpublished', async () => {
	const path = `e2e-${Date.now()}`;
	const { id } = await n8n.createWorkflow({
		name: 'webhook e2e',
		nodes: [
			{
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: '7f1c2a3b-0000-4000-8000-00000000e2e0',
				parameters: { path, httpMethod: 'POST' },
			},
		],
		connections: {},
	});
	const call = () =>
		fetch(`${n8n.webhookUrl}${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ hello: 'world' }),
		});

	expect((await call()).status).toBe(404);
	expect((await n8n.activateWorkflow(id)).status).toBe('published');
	expect((await call()).status).toBe(200);
	const [execution] = await n8n.waitForExecutions(id, 1);
	const body = (await n8n.getExecution(execution!.id)).data.resultData.runData.Webhook?.[0]?.data?.main[0]?.[0]?.json.body;
	expect(body).toEqual({ hello: 'world' });

	await n8n.restart();
	expect((await call()).status).toBe(200);
	await n8n.waitForExecutions(id, 2);

	expect((await n8n.deactivateWorkflow(id)).status).toBe('not_published');
	expect((await call()).status).toBe(404);
});
