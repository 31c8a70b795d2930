// Child process of rateLimit.test.ts: two executions in one "n8n process" sharing a credential.
// Execution A reads a bundle and gets a 429 asking to wait an hour; 300 ms later execution B lists
// delivered accounts (another endpoint). Prints one JSON line per finished execution. Runs apart from
// jest because a wait of an hour, if the node starts one, cannot be cancelled: the test kills this
// process instead.
import { runTokPortalNode } from '../../harness';

const target = { baseUrl: String(process.env.TOKPORTAL_BASE_URL), apiKey: String(process.env.TOKPORTAL_API_KEY) };
const started = Date.now();

async function execution(name: string, parameters: Record<string, unknown>): Promise<void> {
	const run = await runTokPortalNode(target, { parameters: parameters as never, continueOnFail: true });
	const item = run.items[0]?.json ?? {};
	console.log(
		JSON.stringify({
			execution: name,
			ms: Date.now() - started,
			error: run.error?.message ?? item.error,
			description: run.error?.description ?? item.description,
		}),
	);
}

void execution('A', { resource: 'bundle', operation: 'get', bundleId: { __rl: true, mode: 'id', value: String(process.env.BUNDLE_ID) } });
setTimeout(() => void execution('B', { resource: 'deliveredAccount', operation: 'getMany', returnAll: false, limit: 5 }), 300);
