// `npm run simulator -- [--port 4010] [--demo|--no-demo] [--accounts N] [--latency MS] [--no-rate-limit]`
// Runs the simulator standalone on 127.0.0.1 until SIGINT/SIGTERM.
import { parseArgs } from 'node:util';
import { STARTER_API_KEY, startSimulator } from './index';

const CONTROL_ENDPOINTS = [
	'GET    /_sim/state                                  bundles, accounts, webhooks, events, deliveries, credits',
	'GET    /_sim/requests | DELETE /_sim/requests       request log',
	'POST   /_sim/faults {method?, path?|pathRegex?, fault, times?} | GET | DELETE',
	'POST   /_sim/latency {ms}',
	'POST   /_sim/rate-limit {capacity, refillPerSecond} | {enabled:false}',
	'POST   /_sim/seed/accounts {count, platform?, country?}',
	'GET    /_sim/webhooks/deliveries',
	'POST   /_sim/bundles/{id}/accept',
	'POST   /_sim/bundles/{id}/account/review',
	'POST   /_sim/bundles/{id}/account/apply-corrections {changes?}',
	'POST   /_sim/bundles/{id}/account/auto-finalize',
	'POST   /_sim/bundles/{id}/account/remake',
	'POST   /_sim/bundles/{id}/videos/{position}/accept | post | auto-finalize',
	'POST   /_sim/bundles/{id}/videos/{position}/apply-corrections {changes?}',
	'POST   /_sim/bundles/{id}/videos/{position}/download-failed {reason?} | flag {flag}',
	'POST   /_sim/bundles/{id}/complete',
	'POST   /_sim/accounts/{id}/verification-code {code?}',
	'POST   /_sim/accounts/{id}/ban',
	'POST   /_sim/credits {amount}',
	'POST   /_sim/seed/credit-history {count, start?}',
	'POST   /_sim/accounts/{id}/ban-report {appeal?}',
	'POST   /_sim/ban-reports/{id}/appeal {accepted}',
	'POST   /_sim/ban-reports/{id}/resolution {resolution, refund_credits?, reason_code?}',
	'POST   /_sim/ban-reports/{id}/restore-credits {amount?}',
	'POST   /_sim/accounts/{id}/edit-request/complete {outcome?}',
	'POST   /_sim/accounts/{id}/coverage/lapse {unpaid_periods?} | renew | end',
	'POST   /_sim/accounts/{id}/analytics/reset-refresh',
	'POST   /_sim/warming-sessions/{id}/verify-term {term?} | complete | expire',
	'POST   /_sim/comments/{id}/submit | verify {result} | finalize | expire',
	'POST   /_sim/videos/{id}/ad-code/submit {code?} | deliver',
	'GET    /_sim/uploads | GET /_sim/uploads/{id}/content     uploaded media and its bytes',
];

function integer(value: string | undefined, name: string): number | undefined {
	if (value === undefined) return undefined;
	if (!/^\d+$/.test(value)) throw new Error(`--${name} must be a non-negative integer`);
	return Number(value);
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		allowNegative: true,
		options: {
			port: { type: 'string', default: '4010' },
			demo: { type: 'boolean', default: true },
			accounts: { type: 'string' },
			latency: { type: 'string' },
			'rate-limit': { type: 'boolean', default: true },
			quiet: { type: 'boolean', default: false },
		},
	});
	const accounts = integer(values.accounts, 'accounts');
	const sim = await startSimulator({
		port: integer(values.port, 'port'),
		demo: values.demo,
		seed: accounts === undefined ? undefined : { accounts },
		latencyMs: integer(values.latency, 'latency'),
		rateLimit: values['rate-limit'] ? undefined : false,
		log: values.quiet ? undefined : (line) => console.log(`[sim] ${line}`),
	});
	console.log(
		[
			'TokPortal simulator running',
			`  Base URL (n8n credential): ${sim.baseUrl}`,
			`  API key (demo):            ${sim.apiKey}`,
			`  API key (Starter plan):    ${STARTER_API_KEY}  (no analytics series, exports or reports)`,
			`  Data: ${sim.state.accounts.length} delivered accounts, ${sim.state.bundles.length} bundles, ${sim.state.credits} credits`,
			'',
			`Control endpoints (no API key) at ${sim.url}:`,
			...CONTROL_ENDPOINTS.map((line) => `  ${line}`),
			'',
			'Ctrl-C to stop.',
		].join('\n'),
	);
	const stop = () => {
		void sim.close().then(() => process.exit(0));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
	console.error(err instanceof Error ? err.message : err);
	process.exit(1);
});
