// Sends signed TokPortal deliveries to one webhook URL as fast as it is answered, from its own
// process, and prints one JSON line (Load):
//   tsx scripts/bench/loadGenerator.ts --url URL --secret whsec_… --seconds 10 --connections 8 [--header 'Name: value']
// Every delivery is a new event (its own id, so never a duplicate), signed the way TokPortal signs:
// TokPortal-Signature: t=<unix seconds>,v1=HMAC-SHA256(secret, t + "." + body). The same requests go
// to every target; a header (e.g. the Webhook node's header auth) can be added.
import { createHmac, randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { parseArgs } from 'node:util';

export interface Load {
	seconds: number;
	sent: number;
	/** Answered 2xx. */
	accepted: number;
	/** Answered anything else (counted by status). */
	refused: Record<string, number>;
	networkErrors: number;
	acceptedPerSecond: number;
}

function delivery(secret: string): { body: string; headers: Record<string, string> } {
	const id = `evt_${randomBytes(16).toString('hex')}`;
	const body = JSON.stringify({
		id,
		type: 'account.finalized',
		api_version: '2026-05-25',
		created_at: new Date().toISOString(),
		data: {
			bundle_id: randomBytes(16).toString('hex'),
			account_id: randomBytes(16).toString('hex'),
			platform: 'tiktok',
			country: 'USA',
			username: 'bench.account',
			finalized_by: 'user',
		},
	});
	const t = Math.floor(Date.now() / 1000);
	const v1 = createHmac('sha256', Buffer.from(secret, 'utf8')).update(`${t}.${body}`).digest('hex');
	return {
		body,
		headers: {
			'Content-Type': 'application/json',
			'Content-Length': String(Buffer.byteLength(body)),
			'TokPortal-Event-Id': id,
			'TokPortal-Event-Type': 'account.finalized',
			'TokPortal-Signature': `t=${t},v1=${v1}`,
		},
	};
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			url: { type: 'string' },
			secret: { type: 'string', default: '' },
			seconds: { type: 'string', default: '10' },
			connections: { type: 'string', default: '8' },
			header: { type: 'string' },
		},
	});
	const url = new URL(values.url ?? '');
	const connections = Number(values.connections);
	const extra: Record<string, string> = {};
	if (values.header) {
		const colon = values.header.indexOf(':');
		extra[values.header.slice(0, colon).trim()] = values.header.slice(colon + 1).trim();
	}
	const agent = new Agent({ keepAlive: true, maxSockets: connections });
	const load: Load = { seconds: 0, sent: 0, accepted: 0, refused: {}, networkErrors: 0, acceptedPerSecond: 0 };

	const send = async () =>
		await new Promise<void>((resolve) => {
			const { body, headers } = delivery(values.secret ?? '');
			load.sent++;
			const outgoing = request(url, { method: 'POST', agent, headers: { ...headers, ...extra } }, (response) => {
				response.resume();
				response.on('end', () => {
					const status = response.statusCode ?? 0;
					if (status >= 200 && status < 300) load.accepted++;
					else load.refused[status] = (load.refused[status] ?? 0) + 1;
					resolve();
				});
			});
			outgoing.on('error', () => {
				load.networkErrors++;
				resolve();
			});
			outgoing.end(body);
		});

	const started = performance.now();
	const deadline = started + Number(values.seconds) * 1000;
	await Promise.all(
		Array.from({ length: connections }, async () => {
			while (performance.now() < deadline) await send();
		}),
	);
	load.seconds = (performance.now() - started) / 1000;
	load.acceptedPerSecond = load.accepted / load.seconds;
	agent.destroy();
	process.stdout.write(`${JSON.stringify(load)}\n`);
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(1);
});
