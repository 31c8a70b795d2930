// Starts a real, headless n8n 2.x (pinned, Node 24) with n8n-nodes-tokportal installed as a
// community package, waits for its REST API, signs in the owner and hands back a typed client.
// Used by `npm run dev` (persistent user folder) and the e2e suite (fresh temp folder per file).
import * as fs from 'node:fs';
import { N8nClient, type Owner } from './client';
import { installCommunityPackage } from './community-package';
import { N8nService } from './n8n-process';
import { PACKAGE_NAME } from './paths';
import { freePort, portIsFree } from './ports';

export const DEFAULT_OWNER: Owner = {
	email: 'owner@tokportal.test',
	password: 'TokPortal-dev-1',
	firstName: 'Dev',
	lastName: 'Owner',
};

export interface StartN8nOptions {
	/** n8n's N8N_USER_FOLDER (database, encryption key, installed community packages, log). */
	userFolder: string;
	/** Defaults to a free port. */
	port?: number;
	brokerPort?: number;
	owner?: Owner;
	/** Copy the repo's package.json + dist/ into the user folder (default true). */
	installPackage?: boolean;
	/** Folder holding the package to install (default: this repo). */
	packageSource?: string;
	/** Extra environment for n8n, e.g. { N8N_LOG_LEVEL: 'info' }. */
	env?: Record<string, string | undefined>;
	/** The first start runs all DB migrations: about a minute on 2 cores. */
	readyTimeoutMs?: number;
	onLine?: (line: string) => void;
}

export class N8nInstance {
	private readonly service: N8nService;
	readonly client: N8nClient;
	ownerState: 'created' | 'logged-in' | undefined;

	private constructor(
		private readonly options: StartN8nOptions & { port: number; brokerPort: number; owner: Owner },
	) {
		this.client = new N8nClient(this.baseUrl);
		this.service = new N8nService(options.userFolder, 'n8n');
	}

	static async start(options: StartN8nOptions): Promise<N8nInstance> {
		const port = options.port ?? (await freePort());
		const brokerPort = options.brokerPort ?? (await freePort());
		const instance = new N8nInstance({ ...options, port, brokerPort, owner: options.owner ?? DEFAULT_OWNER });
		await instance.boot();
		return instance;
	}

	get port(): number {
		return this.options.port;
	}

	get userFolder(): string {
		return this.options.userFolder;
	}

	get owner(): Owner {
		return this.options.owner;
	}

	/** Editor + REST base, with a trailing slash. */
	get baseUrl(): string {
		return `http://127.0.0.1:${this.options.port}/`;
	}

	/** Production webhook base: `${webhookUrl}${path}` reaches an active workflow's Webhook/trigger. */
	get webhookUrl(): string {
		return `${this.baseUrl}webhook/`;
	}

	/** Test webhook base (editor's "listen for test event"). */
	get webhookTestUrl(): string {
		return `${this.baseUrl}webhook-test/`;
	}

	get running(): boolean {
		return this.service.running;
	}

	get logFile(): string {
		return this.service.logFile;
	}

	private async boot(): Promise<void> {
		fs.mkdirSync(this.options.userFolder, { recursive: true });
		for (const port of [this.options.port, this.options.brokerPort]) {
			if (!(await portIsFree(port))) throw new Error(`port ${port} on 127.0.0.1 is in use (another n8n?)`);
		}
		if (this.options.installPackage !== false) installCommunityPackage(this.options.userFolder, this.options.packageSource);
		await this.service.start({
			port: this.options.port,
			brokerPort: this.options.brokerPort,
			env: this.options.env ?? {},
			readyTimeoutMs: this.options.readyTimeoutMs ?? 240_000,
			isReady: () => this.isReady(),
			onLine: this.options.onLine,
		});
		try {
			this.ownerState = await this.client.ensureOwner(this.options.owner);
		} catch (error) {
			await this.stop();
			throw error;
		}
	}

	/**
	 * `/healthz` answers before migrations finish, and until then every other route answers 200 with
	 * "n8n is starting up". `/healthz/readiness` turns 200 only once the DB is migrated and the
	 * server marked itself fully ready; the settings call then proves the REST API is mounted.
	 */
	private async isReady(): Promise<boolean> {
		try {
			const readiness = await fetch(new URL('healthz/readiness', this.baseUrl));
			if (readiness.status !== 200) return false;
			const settings = await this.client.settings();
			return typeof settings?.userManagement === 'object';
		} catch {
			return false; // not listening yet
		}
	}

	async stop(): Promise<void> {
		await this.service.stop();
	}

	/** Called when n8n dies on its own (not through stop/restart), e.g. to end `npm run dev`. */
	onUnexpectedExit(listener: (code: number | null) => void): void {
		this.service.onUnexpectedExit(listener);
	}

	/** Same user folder and ports (webhook URLs stay valid), so this is what a server restart does. */
	async restart({ reinstallPackage = false } = {}): Promise<void> {
		await this.stop();
		this.options.installPackage = reinstallPackage;
		await this.boot();
	}

	readLog(): string {
		return this.service.readLog();
	}

	logTail(lines = 60): string {
		return this.service.logTail(lines);
	}

	/** Log lines where n8n reports trouble with our package (load errors, unknown types, ...). */
	packageProblems(): string[] {
		return findPackageProblems(this.readLog());
	}

	/** n8n's debug line confirming it loaded our package. */
	packageLoaded(): boolean {
		return this.readLog().includes(`Loaded all credentials and nodes from ${PACKAGE_NAME}`);
	}
}

const PROBLEM = /\b(error|fail(ed|ure)?|warn(ing)?|cannot|unrecognized|invalid|exception)\b/i;

export function findPackageProblems(log: string): string[] {
	return log
		.split('\n')
		.filter((line) => /n8n-nodes-tokportal|tokPortal/i.test(line))
		.filter((line) => PROBLEM.test(line));
}
