// Small builders for workflow JSON in tests (what the editor would save).
import type { Credential, WorkflowJson, WorkflowNode } from '../../../scripts/n8n/types';

let counter = 0;

export function manualTrigger(name = 'Manual Trigger'): WorkflowNode {
	return { name, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
}

/** A TokPortal node using the stored credential. */
export function tokPortalNode(
	credential: Credential,
	name: string,
	parameters: Record<string, unknown>,
	position: [number, number] = [0, 0],
): WorkflowNode {
	return {
		name,
		type: 'n8n-nodes-tokportal.tokPortal',
		typeVersion: 1,
		position,
		parameters,
		credentials: { tokPortalApi: { id: credential.id, name: credential.name } },
	};
}

/** A resource locator value given by id, as the editor saves it. */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** A linear workflow: each node feeds the next on main output 0. */
export function chain(name: string, nodes: WorkflowNode[]): WorkflowJson {
	const connections: Record<string, unknown> = {};
	nodes.forEach((node, index) => {
		node.position = [index * 220, 0];
		const next = nodes[index + 1];
		if (next) connections[node.name] = { main: [[{ node: next.name, type: 'main', index: 0 }]] };
	});
	return { name: `${name} ${++counter}`, nodes, connections, settings: {} };
}
