// The environment a headless, offline, loopback-only n8n runs with.
import { node24Env } from './node24env';

export interface N8nEnvOptions {
	userFolder: string;
	port: number;
	brokerPort: number;
	/** Extra variables, e.g. N8N_LOG_LEVEL overrides; win over the defaults below. `undefined` removes one. */
	extra?: Record<string, string | undefined>;
}

/** Variables of the calling process that change how n8n behaves (jest sets NODE_ENV=test). */
const INHERITED_NOT_FOR_N8N = /^(NODE_ENV|NODE_OPTIONS|JEST_WORKER_ID|N8N_.*|DB_.*|EXECUTIONS_.*|WEBHOOK_URL)$/;

export function n8nEnv({ userFolder, port, brokerPort, extra = {} }: N8nEnvOptions): NodeJS.ProcessEnv {
	const base = `http://127.0.0.1:${port}/`;
	const env = node24Env();
	for (const key of Object.keys(env)) if (INHERITED_NOT_FOR_N8N.test(key)) delete env[key];
	const result: NodeJS.ProcessEnv = {
		...env,
		// As in n8n's Docker image; under NODE_ENV=test n8n refuses to load nodes.
		NODE_ENV: 'production',
		N8N_USER_FOLDER: userFolder,
		// Loopback only: the machine has no network and nothing else should reach this instance.
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: base,
		// Production webhook URLs shown in the editor and registered with TokPortal.
		WEBHOOK_URL: base,
		N8N_SECURE_COOKIE: 'false',
		// The task-runner broker needs its own port, else two instances (dev + tests) collide.
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		// No outbound calls to n8n's own services (telemetry, banners, templates, version checks,
		// the verified-community-nodes list, license renewal, AI features).
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		// The MCP-server registry refreshes itself from api.n8n.io at startup.
		N8N_DISABLED_MODULES: 'mcp-registry',
		// A missing package must show as a load failure, not trigger an npm install from the registry.
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		// Debug level is where n8n reports which packages it loaded (and why one failed).
		N8N_LOG_LEVEL: 'debug',
		N8N_LOG_OUTPUT: 'console',
		N8N_LOG_FORMAT: 'text',
		NO_COLOR: '1',
		// Tests read every run back through the executions API.
		EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		DB_SQLITE_POOL_SIZE: '2',
		...extra,
	};
	for (const [key, value] of Object.entries(result)) if (value === undefined) delete result[key];
	return result;
}
