// Screenshots of the n8n editor for the README: docs/editor.png (the Agency onboarding example on
// the canvas, after one run against the simulator) and docs/node-panel.png (the Create bundle node
// open). Run: bash scripts/node24.sh npx tsx scripts/screenshot.ts [--no-build] [--no-run]
//
// Starts the simulator (demo data) and a throw-away n8n (temp user folder, free ports, 127.0.0.1),
// imports the examples as `npm run dev` does, and drives the system's headless Chromium
// (`apt-get install chromium`, or CHROMIUM=/path) over the Chrome DevTools Protocol with Node's
// built-in WebSocket: no browser automation dependency. Everything it starts is stopped at the end,
// also on failure or Ctrl-C.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { N8nInstance } from './n8n/instance';
import { node24Env } from './n8n/node24env';
import { REPO_ROOT } from './n8n/paths';
import { freePort } from './n8n/ports';
import { provisionN8n } from './n8n/provision';
import { killRunChildren, run } from './n8n/run';
import { ensureTokPortalCredential, importExamples } from './n8n/workspace';
import { startSimulator, type Simulator } from '../test/simulator';

const WIDTH = 1600;
const HEIGHT = 1000;
const EXAMPLE = 'agency-onboarding.json';
const PANEL_NODE = 'Create bundle';
const OUT_DIR = path.join(REPO_ROOT, 'docs');

const { values: args } = parseArgs({
	options: {
		'no-build': { type: 'boolean', default: false },
		'no-run': { type: 'boolean', default: false },
	},
});

const say = (message: string) => process.stdout.write(`[screenshot] ${message}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ------------------------------------------------------------------ Chrome DevTools Protocol

class Cdp {
	private nextId = 0;
	private readonly pending = new Map<number, { resolve: (value: any) => void; reject: (error: Error) => void }>();

	private constructor(private readonly socket: WebSocket) {
		socket.addEventListener('message', (event) => {
			const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown; error?: { message: string } };
			const waiter = message.id === undefined ? undefined : this.pending.get(message.id);
			if (!waiter) return;
			this.pending.delete(message.id!);
			if (message.error) waiter.reject(new Error(message.error.message));
			else waiter.resolve(message.result);
		});
	}

	static async connect(url: string): Promise<Cdp> {
		const socket = new WebSocket(url);
		await new Promise<void>((resolve, reject) => {
			socket.addEventListener('open', () => resolve(), { once: true });
			socket.addEventListener('error', () => reject(new Error(`cannot connect to ${url}`)), { once: true });
		});
		return new Cdp(socket);
	}

	send<T = any>(method: string, params: Record<string, unknown> = {}): Promise<T> {
		const id = ++this.nextId;
		this.socket.send(JSON.stringify({ id, method, params }));
		return new Promise<T>((resolve, reject) => {
			this.pending.set(id, { resolve, reject });
			setTimeout(() => {
				if (this.pending.delete(id)) reject(new Error(`${method}: no answer within 30 s`));
			}, 30_000).unref();
		});
	}

	/** Runs an expression in the page and returns its (awaited) value. */
	async evaluate<T = unknown>(expression: string): Promise<T> {
		const result = await this.send<{ result: { value?: T }; exceptionDetails?: { text: string; exception?: { description?: string } } }>(
			'Runtime.evaluate',
			{ expression, awaitPromise: true, returnByValue: true },
		);
		if (result.exceptionDetails) {
			throw new Error(`in page: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`);
		}
		return result.result.value as T;
	}

	async waitFor(expression: string, what: string, timeoutMs = 60_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			if (await this.evaluate<boolean>(`Boolean(${expression})`).catch(() => false)) return;
			if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
			await sleep(250);
		}
	}

	async navigate(url: string): Promise<void> {
		await this.send('Page.navigate', { url });
		await this.waitFor(`document.readyState === 'complete' && location.href.startsWith(${JSON.stringify(url)})`, `page ${url}`);
	}

	async screenshot(file: string): Promise<void> {
		const { data } = await this.send<{ data: string }>('Page.captureScreenshot', { format: 'png' });
		fs.writeFileSync(file, Buffer.from(data, 'base64'));
	}

	close(): void {
		this.socket.close();
	}
}

function chromiumBinary(): string {
	const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
	const found = candidates.find((candidate): candidate is string => !!candidate && fs.existsSync(candidate));
	if (!found) throw new Error('no Chromium found: apt-get install -y chromium (or set CHROMIUM=/path/to/chrome)');
	return found;
}

async function startChromium(profileDir: string): Promise<{ process: ChildProcess; cdp: Cdp }> {
	const port = await freePort();
	const browser = spawn(
		chromiumBinary(),
		[
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--hide-scrollbars',
			`--user-data-dir=${profileDir}`,
			`--window-size=${WIDTH},${HEIGHT}`,
			'--remote-debugging-address=127.0.0.1',
			`--remote-debugging-port=${port}`,
			'about:blank',
		],
		// Its own process group, so cleanUp() ends its renderer and GPU processes too.
		{ stdio: ['ignore', 'ignore', 'pipe'], detached: true },
	);
	let stderr = '';
	browser.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const deadline = Date.now() + 30_000;
	for (;;) {
		if (browser.exitCode !== null) throw new Error(`Chromium exited (${browser.exitCode}):\n${stderr.slice(-2000)}`);
		try {
			const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as Array<{ type: string; webSocketDebuggerUrl: string }>;
			const page = targets.find((target) => target.type === 'page');
			if (page) {
				const cdp = await Cdp.connect(page.webSocketDebuggerUrl);
				await cdp.send('Page.enable');
				await cdp.send('Runtime.enable');
				await cdp.send('Emulation.setDeviceMetricsOverride', { width: WIDTH, height: HEIGHT, deviceScaleFactor: 1, mobile: false });
				return { process: browser, cdp };
			}
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) throw new Error(`Chromium's DevTools endpoint did not come up:\n${stderr.slice(-2000)}`);
		await sleep(200);
	}
}

// ------------------------------------------------------------------ main

let n8n: N8nInstance | undefined;
let simulator: Simulator | undefined;
let browser: ChildProcess | undefined;
let devtools: Cdp | undefined;
const tempDirs: string[] = [];

async function cleanUp(): Promise<void> {
	killRunChildren();
	if (browser && browser.exitCode === null && devtools) {
		// A clean exit lets Chromium wait for its own helper processes.
		const exited = new Promise((resolve) => browser!.once('exit', resolve));
		await Promise.race([devtools.send('Browser.close').then(() => exited), sleep(5000)]).catch(() => undefined);
	}
	if (browser?.pid && browser.exitCode === null) {
		try {
			process.kill(-browser.pid, 'SIGKILL');
		} catch {
			browser.kill('SIGKILL');
		}
	}
	await n8n?.stop().catch(() => undefined);
	await simulator?.close().catch(() => undefined);
	for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
}

const CANVAS_NODES = `document.querySelectorAll('[data-test-id="canvas-node"]')`;

async function main(): Promise<void> {
	process.on('SIGINT', () => void cleanUp().then(() => process.exit(130)));
	process.on('SIGTERM', () => void cleanUp().then(() => process.exit(143)));

	if (!args['no-build']) {
		say('building (npm run build) ...');
		await run('npm', ['run', 'build'], { cwd: REPO_ROOT, env: node24Env(), label: 'build', quiet: true });
	}
	await provisionN8n();
	simulator = await startSimulator({ demo: true });
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'tokportal-screenshot-n8n-'));
	tempDirs.push(userFolder);
	say('starting n8n ...');
	n8n = await N8nInstance.start({ userFolder });
	const { credential } = await ensureTokPortalCredential(n8n.client, 'TokPortal account', {
		apiKey: simulator.apiKey,
		baseUrl: simulator.baseUrl,
	});
	const example = (await importExamples(n8n.client, credential)).find((e) => e.file === EXAMPLE);
	if (!example) throw new Error(`examples/${EXAMPLE} was not imported`);
	const workflow = await n8n.client.getWorkflow(example.id);
	const visibleNodes = workflow.nodes.filter((node) => node.type !== 'n8n-nodes-base.stickyNote').length;

	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tokportal-screenshot-chromium-'));
	tempDirs.push(profile);
	say('starting Chromium ...');
	const started = await startChromium(profile);
	browser = started.process;
	const { cdp } = started;
	devtools = cdp;

	// Sign in from the page itself: n8n binds its auth cookie to the page's own browser id.
	await cdp.navigate(`${n8n.baseUrl}signin`);
	const owner = n8n.owner;
	const status = await cdp.evaluate<number>(`fetch('/rest/login', {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'browser-id': localStorage.getItem('n8n-browserId') ?? '' },
		body: JSON.stringify({ emailOrLdapLoginId: ${JSON.stringify(owner.email)}, password: ${JSON.stringify(owner.password)} }),
	}).then((response) => response.status)`);
	if (status !== 200) throw new Error(`login from the browser answered ${status}`);

	say(`opening "${workflow.name}" in the editor ...`);
	await cdp.navigate(`${n8n.baseUrl}workflow/${example.id}`);
	await cdp.waitFor(`${CANVAS_NODES}.length >= ${visibleNodes}`, 'the nodes on the canvas');
	await sleep(1500);

	if (!args['no-run']) {
		// "Execute workflow", as a user would: the canvas then shows item counts on every connection.
		const clicked = await cdp.evaluate<boolean>(`(() => {
			const button = document.querySelector('[data-test-id="execute-workflow-button"]');
			if (!button) return false;
			button.click();
			return true;
		})()`);
		if (clicked) {
			await n8n.client
				.waitForExecutions(example.id, 1, { timeoutMs: 30_000 })
				.catch((error: Error) => say(`${error.message}; taking the screenshot anyway`));
		} else {
			say('no "Execute workflow" button found; taking the screenshot without a run');
		}
		await sleep(1500);
		// Close the "Workflow executed successfully" toast.
		await cdp.evaluate(`document.querySelectorAll('.el-notification__closeBtn').forEach((button) => button.click())`);
		await sleep(500);
	}
	// Fit the whole workflow in view ("1" is the editor's zoom-to-fit shortcut).
	await cdp.evaluate(`document.querySelector('.vue-flow__pane, [data-test-id="canvas"]')?.dispatchEvent(new MouseEvent('click', { bubbles: true }))`);
	await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: '1', code: 'Digit1', text: '1' });
	await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: '1', code: 'Digit1' });
	await sleep(1000);

	fs.mkdirSync(OUT_DIR, { recursive: true });
	const editorPng = path.join(OUT_DIR, 'editor.png');
	await cdp.screenshot(editorPng);
	say(`saved ${path.relative(REPO_ROOT, editorPng)}`);

	// The node's parameter panel: double-click the node on the canvas.
	const box = await cdp.evaluate<{ x: number; y: number } | null>(`(() => {
		const node = [...${CANVAS_NODES}].find((el) => el.textContent.includes(${JSON.stringify(PANEL_NODE)}));
		if (!node) return null;
		const rect = node.getBoundingClientRect();
		return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
	})()`);
	if (!box) throw new Error(`node "${PANEL_NODE}" not found on the canvas`);
	for (const [type, clickCount] of [
		['mousePressed', 1],
		['mouseReleased', 1],
		['mousePressed', 2],
		['mouseReleased', 2],
	] as const) {
		await cdp.send('Input.dispatchMouseEvent', { type, x: box.x, y: box.y, button: 'left', clickCount });
	}
	await cdp.waitFor(`document.querySelector('[data-test-id="ndv"], .ndv-wrapper, [data-test-id="node-parameters"]')`, 'the node panel', 15_000);
	// Move the pointer off the fields (hovering one shows its Fixed/Expression switch).
	await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: WIDTH - 5, y: HEIGHT - 5 });
	await sleep(2000);
	const panelPng = path.join(OUT_DIR, 'node-panel.png');
	await cdp.screenshot(panelPng);
	say(`saved ${path.relative(REPO_ROOT, panelPng)}`);
}

main()
	.then(async () => {
		await cleanUp();
		process.exit(0);
	})
	.catch(async (error: unknown) => {
		say(error instanceof Error ? (error.stack ?? error.message) : String(error));
		await cleanUp();
		process.exit(1);
	});
