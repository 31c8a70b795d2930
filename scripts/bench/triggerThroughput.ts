// Signed deliveries per second accepted by a real n8n 2.40.7 (this package installed from dist/):
// the TokPortal Trigger vs n8n's own Webhook node with header authentication, in the same n8n,
// loaded in turns by the same load generator (scripts/bench/loadGenerator.ts, its own process).
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startSimulator } from '../../test/simulator';
import { N8nInstance } from '../n8n/instance';
import { ensureTokPortalCredential } from '../n8n/workspace';
import type { Load } from './loadGenerator';
import { runJsonChild } from './processes';

export interface TriggerTarget {
	name: string;
	url: string;
	workflowId: string;
	/** Sent with every delivery (the Webhook node's header auth). */
	header?: string;
}

export interface TriggerRound {
	target: string;
	load: Load;
	/** Executions the n8n run finished for this round's deliveries. */
	executions: number;
	/** CPU time n8n's processes used for the round (load and drain): a measure the other jobs on the machine barely move. */
	n8nCpuSeconds: number;
}

export interface TriggerOptions {
	rounds: number;
	seconds: number;
	connections: number;
	log: (line: string) => void;
}

const HEADER_NAME = 'X-Webhook-Token';
const WARM_UP_SECONDS = 3;

/** User + system CPU seconds of every process in a process group (n8n, its task runner, its watchdog). */
function groupCpuSeconds(group: number, ticksPerSecond: number): number {
	let ticks = 0;
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		let stat: string;
		try {
			stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
		} catch {
			continue; // gone meanwhile
		}
		// Fields after the command name, which may contain spaces: state ppid pgrp … utime (12th) stime (13th).
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		if (Number(fields[2]) === group) ticks += Number(fields[11]) + Number(fields[12]);
	}
	return ticks / ticksPerSecond;
}

/** Finished executions of a workflow (n8n counts them in the executions list). */
async function finishedExecutions(n8n: N8nInstance, workflowId: string): Promise<number> {
	const query = new URLSearchParams({ limit: '1', filter: JSON.stringify({ workflowId }) });
	const page = await n8n.client.request<{ count: number }>('GET', `/rest/executions?${query}`);
	return page.count;
}

/** Waits until n8n has finished an execution for every accepted delivery (or stops growing). */
async function drain(n8n: N8nInstance, workflowId: string, expected: number): Promise<number> {
	let last = -1;
	let stableSince = Date.now();
	for (;;) {
		const count = await finishedExecutions(n8n, workflowId);
		if (count >= expected) return count;
		if (count !== last) {
			last = count;
			stableSince = Date.now();
		} else if (Date.now() - stableSince > 30_000) {
			return count;
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

export async function measureTriggerThroughput(options: TriggerOptions): Promise<TriggerRound[]> {
	const userFolder = mkdtempSync(join(tmpdir(), 'tokportal-bench-n8n-'));
	const simulator = await startSimulator({ demo: false, rateLimit: false });
	let n8n: N8nInstance | undefined;
	try {
		options.log('starting n8n 2.40.7 with the package installed from dist/ ...');
		// Warnings only: both workflows then log the same (nothing per accepted delivery).
		n8n = await N8nInstance.start({ userFolder, env: { N8N_LOG_LEVEL: 'warn' } });
		const { credential } = await ensureTokPortalCredential(n8n.client, 'TokPortal account', {
			apiKey: simulator.apiKey,
			baseUrl: simulator.baseUrl,
		});
		const token = randomUUID();
		const headerAuth = await n8n.client.createCredential('Webhook token', 'httpHeaderAuth', { name: HEADER_NAME, value: token });

		const triggerId = randomUUID();
		const trigger = await n8n.client.createWorkflow({
			name: 'bench: TokPortal Trigger',
			nodes: [
				{
					name: 'TokPortal Trigger',
					type: 'n8n-nodes-tokportal.tokPortalTrigger',
					typeVersion: 1,
					position: [0, 0],
					webhookId: triggerId,
					parameters: { events: ['account.finalized'], options: {} },
					credentials: { tokPortalApi: { id: credential.id, name: credential.name } },
				},
			],
			connections: {},
			settings: {},
		});
		const webhookPath = randomUUID();
		const webhook = await n8n.client.createWorkflow({
			name: 'bench: Webhook (header auth)',
			nodes: [
				{
					name: 'Webhook',
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					position: [0, 0],
					webhookId: randomUUID(),
					parameters: { httpMethod: 'POST', path: webhookPath, authentication: 'headerAuth', responseMode: 'onReceived', options: {} },
					credentials: { httpHeaderAuth: { id: headerAuth.id, name: headerAuth.name } },
				},
			],
			connections: {},
			settings: {},
		});
		await n8n.client.activateWorkflow(trigger.id);
		await n8n.client.activateWorkflow(webhook.id);

		const triggerUrl = `${n8n.webhookUrl}${triggerId}/webhook`;
		const subscription = simulator.state.webhooks.find((hook) => hook.url === triggerUrl);
		if (!subscription) throw new Error(`The TokPortal Trigger did not subscribe ${triggerUrl}`);
		const secret = subscription.signing_secret;
		const targets: TriggerTarget[] = [
			{ name: 'TokPortal Trigger', url: triggerUrl, workflowId: trigger.id },
			{ name: 'Webhook node (header auth)', url: `${n8n.webhookUrl}${webhookPath}`, workflowId: webhook.id, header: `${HEADER_NAME}: ${token}` },
		];

		const group = Number(readFileSync(join(userFolder, 'n8n.pid'), 'utf8'));
		const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
		const finished = new Map(targets.map((target) => [target.name, 0]));
		const load = async (target: TriggerTarget, seconds: number): Promise<TriggerRound> => {
			const args = ['--url', target.url, '--secret', secret, '--seconds', String(seconds), '--connections', String(options.connections)];
			if (target.header) args.push('--header', target.header);
			const cpuBefore = groupCpuSeconds(group, ticksPerSecond);
			const result = await runJsonChild<Load>('loadGenerator.ts', args);
			// The next load starts once n8n has finished every execution this one started.
			const before = finished.get(target.name) ?? 0;
			const after = await drain(n8n!, target.workflowId, before + result.accepted);
			finished.set(target.name, after);
			const n8nCpuSeconds = groupCpuSeconds(group, ticksPerSecond) - cpuBefore;
			return { target: target.name, load: result, executions: after - before, n8nCpuSeconds };
		};
		// n8n's first executions of a workflow are slower (code loaded and compiled on first use).
		for (const target of targets) await load(target, WARM_UP_SECONDS);

		const rounds: TriggerRound[] = [];
		for (let round = 0; round < options.rounds; round++) {
			// Alternate who goes first, so a slow drift of the machine favours neither.
			for (const target of round % 2 === 0 ? targets : [...targets].reverse()) {
				const measured = await load(target, options.seconds);
				rounds.push(measured);
				options.log(
					`round ${round + 1}: ${target.name.padEnd(26)} ${measured.load.acceptedPerSecond.toFixed(1).padStart(6)} deliveries/s accepted (${measured.load.accepted} in ${measured.load.seconds.toFixed(1)} s, refused ${JSON.stringify(measured.load.refused)}, ${measured.load.networkErrors} network errors), ${measured.executions} executions, ${(measured.load.accepted / measured.n8nCpuSeconds).toFixed(1)} per n8n CPU-second`,
				);
			}
		}
		return rounds;
	} finally {
		await n8n?.stop();
		await simulator.close();
		rmSync(userFolder, { recursive: true, force: true });
	}
}
