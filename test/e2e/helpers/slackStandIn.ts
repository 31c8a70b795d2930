// A local stand-in for Slack: the example's Slack nodes become HTTP Request nodes posting the same
// channel and text (plus the TokPortal event id that caused them) to a sink that records every post.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WorkflowJson, WorkflowNode } from '../../../scripts/n8n/types';

export interface SlackMessage {
	channel: string;
	text: string;
	event_id: string;
}

export interface Sink {
	url: string;
	received: SlackMessage[];
	close(): Promise<void>;
}

export async function startSink(): Promise<Sink> {
	const received: SlackMessage[] = [];
	const server = http.createServer((request, response) => {
		let raw = '';
		request.on('data', (chunk: Buffer) => (raw += chunk.toString()));
		request.on('end', () => {
			received.push(JSON.parse(raw || '{}') as SlackMessage);
			response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/chat.postMessage`,
		received,
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

/**
 * Every Slack node replaced by an HTTP Request node that posts its channel, its text expression and
 * `event_id` (the trigger item's signed `id`, which every node passes through unchanged) to `sinkUrl`:
 * everything else (trigger, routing, the text expressions) runs as shipped.
 */
export function withSlackStandIn(workflow: WorkflowJson, sinkUrl: string): WorkflowJson {
	return {
		...workflow,
		name: `${workflow.name} (Slack stand-in)`,
		nodes: workflow.nodes.map((node): WorkflowNode => {
			if (node.type !== 'n8n-nodes-base.slack') return node;
			// A Slack node shipped disabled (to be enabled by the user) is enabled in its stand-in.
			const { credentials: _slack, disabled: _disabled, ...rest } = node;
			const channel = (node.parameters.channelId as { value: string }).value;
			return {
				...rest,
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				parameters: {
					method: 'POST',
					url: sinkUrl,
					sendBody: true,
					bodyParameters: {
						parameters: [
							{ name: 'channel', value: channel },
							{ name: 'text', value: node.parameters.text },
							{ name: 'event_id', value: '={{ $json.id }}' },
						],
					},
					options: {},
				},
			};
		}),
	};
}
