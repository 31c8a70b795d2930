// The example workflows of examples/ inside a real n8n, against the simulator: imported exactly as
// `npm run dev` imports them (credential "TokPortal account"), then run or activated the way a user
// would, and checked on the simulator's side (bundles, charges, account reviews, deliveries).
import { toRunResult } from '../../scripts/n8n/client';
import { ensureTokPortalCredential, importExamples, readExamples, useCredential } from '../../scripts/n8n/workspace';
import { startSimulator, type Bundle, type Simulator } from '../simulator';
import { missingBuild, testUnless } from './helpers/conditions';
import { startN8n, type Credential, type E2eN8n, type RunResult, type WorkflowJson } from './helpers/n8n';
import { simulatorApi } from './helpers/simulatorApi';
import { startSink, withSlackStandIn } from './helpers/slackStandIn';

const skipReason =
	missingBuild('dist/nodes/TokPortal/TokPortal.node.js') ?? missingBuild('dist/nodes/TokPortalTrigger/TokPortalTrigger.node.js');
const whenReady = testUnless(skipReason);

const CREDENTIAL_NAME = 'TokPortal account';

let n8n: E2eN8n | undefined;
let simulator: Simulator | undefined;
let credential: Credential;
/** Imported workflow id per example file. */
const imported: Record<string, string> = {};

beforeAll(async () => {
	if (skipReason) return;
	await Promise.all([
		startN8n('examples').then((started) => (n8n = started)),
		startSimulator({ demo: true, webhookRetryDelaysMs: [300, 1000] }).then((started) => (simulator = started)),
	]);
	({ credential } = await ensureTokPortalCredential(n8n!.client, CREDENTIAL_NAME, {
		apiKey: simulator!.apiKey,
		baseUrl: simulator!.baseUrl,
	}));
	for (const example of await importExamples(n8n!.client, credential)) imported[example.file] = example.id;
});

afterAll(async () => {
	await Promise.all([n8n?.stop(), simulator?.close()]);
});

// ------------------------------------------------------------------ helpers

async function runFrom(workflowId: string, trigger: string): Promise<RunResult> {
	const executionId = await n8n!.client.startManualRun(workflowId, trigger);
	return toRunResult(await n8n!.client.waitForExecution(executionId, { timeoutMs: 60_000 }));
}

/** Finished executions of a workflow, oldest first, with their run data. */
async function executionsOf(workflowId: string, count: number): Promise<RunResult[]> {
	const summaries = await n8n!.waitForExecutions(workflowId, count);
	const runs = await Promise.all(summaries.map(async (summary) => toRunResult(await n8n!.getExecution(summary.id))));
	return runs.sort((a, b) => Number(a.executionId) - Number(b.executionId));
}

function bundlesWithRef(ref: string): Bundle[] {
	return simulator!.state.bundles.filter((bundle) => bundle.external_ref === ref);
}

function bundle(id: string): Bundle {
	const found = simulator!.state.bundles.find((b) => b.id === id);
	if (!found) throw new Error(`no bundle ${id} in the simulator`);
	return found;
}

async function api<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
	return await simulatorApi<T>(simulator!, method, path, body);
}

/** A bundle ordered, configured, published and accepted through the API, ready to be reviewed. */
async function acceptedBundle(ref: string, username: string): Promise<string> {
	const { id } = await api<{ id: string }>('POST', '/bundles', { bundle_type: 'account_only', platform: 'tiktok', country: 'USA', external_ref: ref });
	await api('PUT', `/bundles/${id}/account`, {
		username,
		visible_name: 'Review Test',
		biography: 'Reviewed by n8n.',
		profile_picture_url: 'https://cdn.example.com/review.jpg',
	});
	await api('POST', `/bundles/${id}/publish`);
	simulator!.operator.acceptBundle(id);
	return id;
}

/** The workflow with its Schedule Trigger firing every `seconds` instead of its shipped interval. */
function everySeconds(workflow: WorkflowJson, seconds: number): WorkflowJson {
	return {
		...workflow,
		nodes: workflow.nodes.map((node) =>
			node.type === 'n8n-nodes-base.scheduleTrigger'
				? { ...node, parameters: { rule: { interval: [{ field: 'seconds', secondsInterval: seconds }] } } }
				: node,
		),
	};
}

async function waitUntil(what: string, done: () => boolean, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!done()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

// ------------------------------------------------------------------ tests

whenReady('every example imports with installed node types, a note, and "TokPortal account" resolved by name', async () => {
	const examples = readExamples();
	expect(examples.map((e) => e.file)).toEqual([
		'agency-content-calendar.json',
		'agency-onboarding.json',
		'ban-watch.json',
		'daily-report.json',
		'review-loop.json',
		'slack-notifications.json',
		'weekly-client-report.json',
	]);
	const versions = new Map<string, number[]>();
	for (const type of await n8n!.client.nodeTypes()) {
		versions.set(type.name, [...(versions.get(type.name) ?? []), ...[type.version].flat()]);
	}
	for (const { file, workflow } of examples) {
		expect({ file, order: workflow.settings?.executionOrder }).toEqual({ file, order: 'v1' });
		expect(workflow.nodes.some((node) => node.type === 'n8n-nodes-base.stickyNote')).toBe(true);
		for (const node of workflow.nodes) {
			expect({ file, node: node.name, known: versions.get(node.type)?.includes(node.typeVersion) ?? false }).toEqual({ file, node: node.name, known: true });
			if (node.type.startsWith('n8n-nodes-tokportal.')) expect(node.credentials?.tokPortalApi).toEqual({ id: null, name: CREDENTIAL_NAME });
		}
		// Imported as-is (as "Import from file" saves it), n8n finds the credential by its name.
		const saved = await n8n!.client.createWorkflow(workflow);
		const stored = await n8n!.client.getWorkflow(saved.id);
		for (const node of stored.nodes.filter((n) => n.type.startsWith('n8n-nodes-tokportal.'))) {
			expect(node.credentials?.tokPortalApi).toEqual({ id: credential.id, name: CREDENTIAL_NAME });
		}
		await n8n!.client.deleteWorkflow(saved.id);
	}
	expect(n8n!.packageProblems()).toEqual([]);
});

/** A UTC calendar day `n` days from today, as TokPortal writes dates. */
function day(n: number): string {
	return new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
}

// `country` as TokPortal answers it (the sample rows send USA and UK).
const CLIENTS = [
	{ ref: 'acme-spring-2026', key: 'onb-1001', username: 'acme_us', platform: 'tiktok', country: 'US', videos: 6 },
	{ ref: 'northwind-launch', key: 'onb-1002', username: 'northwind.uk', platform: 'instagram', country: 'GB', videos: 4 },
	{ ref: 'initech-always-on', key: 'onb-1003', username: 'initech.fr', platform: 'tiktok', country: 'FR', videos: 3 },
];

whenReady('agency onboarding: one account-and-videos bundle per client, configured, its launch video scheduled, published; a re-run charges nothing', async () => {
	const workflowId = imported['agency-onboarding.json']!;
	const creditsBefore = simulator!.state.credits;
	const price = CLIENTS.reduce((total, client) => total + 32 + 2 * client.videos, 0);
	simulator!.clearRequests();

	const first = await runFrom(workflowId, 'Run onboarding');
	expect(first.error).toBeUndefined();
	expect(first.status).toBe('success');
	for (const client of CLIENTS) {
		const [created, ...more] = bundlesWithRef(client.ref);
		expect(more).toHaveLength(0);
		expect(created).toMatchObject({
			bundle_type: 'account_and_videos',
			platform: client.platform,
			country: client.country,
			videos_quantity: client.videos,
			status: 'published',
		});
		expect(created!.account).toMatchObject({ status: 'configured', username: client.username });
		// Spec 002: the videos are configured before publishing; the launch video went with the bundle.
		expect(created!.videos[0]).toMatchObject({
			status: 'published',
			external_ref: `${client.key}-launch`,
			target_publish_start_date: day(3),
			instagram_content_type: client.platform === 'instagram' ? 'reel' : null,
		});
		expect(created!.videos.slice(1).every((video) => video.status === 'pending')).toBe(true);
	}
	expect(simulator!.state.credits).toBe(creditsBefore - price);
	const orders = simulator!.requests.filter((r) => r.method === 'POST' && r.path === '/bundles');
	expect(orders.map((r) => r.headers['idempotency-key'])).toEqual(CLIENTS.map((c) => `bundle.create:${c.key}`));
	expect(simulator!.requests.filter((r) => r.path.endsWith('/videos/batch'))).toHaveLength(3);
	// The bulk branch is a Dry Run: priced, nothing created.
	const quote = first.nodes['Quote bulk order']!.json;
	expect(quote).toHaveLength(6);
	expect(quote[0]!.batch).toMatchObject({ dry_run: true, credits_charged: 0, credits_would_charge: 6 * 32 + 2 * 5 * 2 });
	expect(bundlesWithRef('globex-spring-2026-us')).toHaveLength(0);

	// Same sheet again: TokPortal replays the three orders, nothing is configured or published twice.
	simulator!.clearRequests();
	const second = await runFrom(workflowId, 'Run onboarding');
	expect(second.status).toBe('success');
	expect(second.nodes['Create bundle']!.json.map((item) => item.idempotent_replay)).toEqual([true, true, true]);
	expect(second.nodes['Already submitted']!.items).toHaveLength(3);
	expect(second.nodes['Configure account']).toBeUndefined();
	expect(second.nodes['Schedule launch video']).toBeUndefined();
	expect(second.nodes.Publish).toBeUndefined();
	expect(simulator!.state.credits).toBe(creditsBefore - price);
	for (const client of CLIENTS) expect(bundlesWithRef(client.ref)).toHaveLength(1);
	expect(simulator!.requests.filter((r) => r.method !== 'GET' && !r.headers['x-tokportal-dry-run']).map((r) => `${r.method} ${r.path}`)).toEqual([
		'POST /bundles',
		'POST /bundles',
		'POST /bundles',
	]);
});

/** A shipped workflow with one of its disabled nodes switched on. */
function enabled(workflow: WorkflowJson, nodeName: string): WorkflowJson {
	return { ...workflow, nodes: workflow.nodes.map((node) => (node.name === nodeName ? { ...node, disabled: false } : node)) };
}

whenReady('agency content calendar: rows and files → uploads → one batch per bundle with automatic dates → publish all → a summary; a re-run fills no new slot', async () => {
	// The calendar fills the bundles the onboarding example ordered (running it again only replays).
	expect((await runFrom(imported['agency-onboarding.json']!, 'Run onboarding')).status).toBe('success');
	const uploadsBefore = simulator!.uploads.list().length;
	simulator!.clearRequests();

	const run = await runFrom(imported['agency-content-calendar.json']!, 'Run content calendar');
	expect(run.error).toBeUndefined();
	expect(run.status).toBe('success');

	// Six sample clips uploaded directly, each stored byte for byte.
	const uploads = simulator!.uploads.list().slice(uploadsBefore);
	expect(uploads.map((upload) => [upload.method, upload.filename])).toEqual([
		['direct', 'acme-spring-01.mp4'],
		['direct', 'acme-spring-02.mp4'],
		['direct', 'acme-bts.mp4'],
		['direct', 'acme-recap.mp4'],
		['direct', 'northwind-roast.mp4'],
		['direct', 'initech-tips.mp4'],
	]);
	expect(simulator!.uploads.bytes(uploads[0]!.storage_path)!.toString('base64')).toBe('AAAAIGZ0eXBpc29tAAACAGlzb21pc28yYXZjMW1wNDEAAAAIZnJlZQ==');

	// One batch per bundle, then one Publish All per bundle.
	const writes = simulator!.requests.filter((r) => r.method !== 'GET' && !r.path.startsWith('/upload/'));
	const [acme, northwind, initech] = CLIENTS.map((client) => bundlesWithRef(client.ref)[0]!);
	expect(writes.map((r) => `${r.method} ${r.path}`)).toEqual([
		`PUT /bundles/${acme.id}/videos/batch`,
		`PUT /bundles/${northwind.id}/videos/batch`,
		`PUT /bundles/${initech.id}/videos/batch`,
		`POST /bundles/${acme.id}/videos/publish-all`,
		`POST /bundles/${northwind.id}/videos/publish-all`,
		`POST /bundles/${initech.id}/videos/publish-all`,
	]);

	// The accounts are still being created: 3 days of lead time, at most 3 videos a day counting the launch video.
	const slots = (b: Bundle) => b.videos.map((video) => [video.position, video.external_ref, video.target_publish_start_date, video.status]);
	expect(slots(bundle(acme.id))).toEqual([
		[1, 'onb-1001-launch', day(3), 'published'],
		[2, 'cal-2001', day(3), 'published'],
		[3, 'cal-2002', day(3), 'published'],
		[4, 'cal-2003', day(4), 'published'],
		[5, 'cal-2004', day(10), 'published'],
		[6, null, null, 'pending'],
	]);
	expect(bundle(northwind.id).videos[1]).toMatchObject({ external_ref: 'cal-2005', instagram_content_type: 'reel', status: 'published', video_url: uploads[4]!.public_url });
	expect(slots(bundle(initech.id))[1]).toEqual([2, 'cal-2006', day(3), 'published']);

	const [summary, ...more] = run.nodes.Summary!.json;
	expect(more).toHaveLength(0);
	expect(summary).toMatchObject({ scheduled: 6, failed: 0 });
	expect(summary!.text).toBe(
		[
			'*Content calendar*: 6 of 6 videos scheduled',
			`- acme-spring-2026: 4 video(s), ${day(3)} to ${day(10)}; 4 submitted for posting`,
			`- northwind-launch: 1 video(s), ${day(3)} to ${day(3)}; 1 submitted for posting`,
			`- initech-always-on: 1 video(s), ${day(3)} to ${day(3)}; 1 submitted for posting`,
		].join('\n'),
	);
	// The Slack node ships disabled: the summary passes through it unchanged.
	expect(run.nodes['Post to Slack']!.json).toEqual([summary]);

	// Run again with Slack switched on (a local stand-in): no slot is filled twice, and the message
	// says why each row was not scheduled again.
	const sink = await startSink();
	try {
		const [example] = readExamples().filter((e) => e.file === 'agency-content-calendar.json');
		const workflow = useCredential(withSlackStandIn(enabled(example!.workflow, 'Post to Slack'), sink.url), credential);
		const again = await n8n!.runWorkflow(workflow, { triggerName: 'Run content calendar' });
		expect(again.status).toBe('success');
		expect(slots(bundle(acme.id))[5]).toEqual([6, null, null, 'pending']);
		expect(sink.received).toHaveLength(1);
		expect(sink.received[0]).toMatchObject({ channel: '#content-calendar' });
		expect(String(sink.received[0]!.text)).toContain('*Content calendar*: 0 of 6 videos scheduled');
		expect(String(sink.received[0]!.text)).toContain('- not scheduled: cal-2001: Video 2 is published, so it cannot be configured again: unschedule it first (Video → Unschedule).');
	} finally {
		await sink.close();
	}
});

whenReady('review loop: finalizes an account delivered as configured, requests corrections otherwise, then finalizes the fix', async () => {
	const workflowId = imported['review-loop.json']!;
	const good = await acceptedBundle('review-good', 'review_good');
	const wrong = await acceptedBundle('review-wrong', 'review_wrong');
	await n8n!.activateWorkflow(workflowId);
	try {
		simulator!.operator.moveAccountToReview(good);
		simulator!.operator.moveAccountToReview(wrong);
		// TokPortal delivered the second account under another handle than configured.
		const delivered = simulator!.state.accounts.find((a) => a.id === bundle(wrong).saved_account_id)!;
		delivered.username = 'review_wrong_2';

		const reviews = await executionsOf(workflowId, 2);
		expect(reviews.map((r) => r.status)).toEqual(['success', 'success']);
		expect(bundle(good).account!.status).toBe('finalized');
		expect(bundle(wrong).account!.status).toBe('corrections_requested');
		const request = bundle(wrong).account!.feedback_history.at(-1);
		expect(request).toMatchObject({
			type: 'corrections_requested',
			comment: expect.stringContaining('delivered as @review_wrong_2, but the configured username is @review_wrong') as unknown,
			fields: { username: 'Use @review_wrong exactly.' },
		});

		// The account manager fixes the handle; TokPortal sends account.in_review again → finalized.
		simulator!.operator.applyCorrections(wrong, { username: 'review_wrong' });
		const all = await executionsOf(workflowId, 3);
		expect(all[2]!.status).toBe('success');
		expect(all[2]!.nodes['Finalize account']!.items).toHaveLength(1);
		expect(bundle(wrong).account!.status).toBe('finalized');
	} finally {
		await n8n!.deactivateWorkflow(workflowId);
	}
	expect(simulator!.state.webhooks).toHaveLength(0);
});

whenReady('Slack notifications: one message per finalized account, ban and published video', async () => {
	const sink = await startSink();
	try {
		const [example] = readExamples().filter((e) => e.file === 'slack-notifications.json');
		const { id: workflowId } = await n8n!.createWorkflow(useCredential(withSlackStandIn(example!.workflow, sink.url), credential));
		await n8n!.activateWorkflow(workflowId);
		try {
			const demo = (ref: string) => simulator!.state.bundles.find((b) => b.external_ref === ref)!;
			const inReview = demo('demo-0005');
			const finalized = demo('demo-0007');
			// Its video 1 is submitted and auto-finalize is on: posting it finalizes it (video.finalized).
			const withVideos = demo('demo-0005');
			const bannedAccount = simulator!.state.accounts.find((a) => a.id === finalized.saved_account_id)!;
			const reviewedAccount = simulator!.state.accounts.find((a) => a.id === inReview.saved_account_id)!;

			simulator!.operator.autoFinalizeAccount(inReview.id);
			await n8n!.waitForExecutions(workflowId, 1);
			simulator!.operator.banAccount(bannedAccount.id); // also emits bundle.cancelled: not subscribed
			await n8n!.waitForExecutions(workflowId, 2);
			const video = simulator!.operator.postVideo(withVideos.id, 1);

			const runs = await executionsOf(workflowId, 3);
			expect(runs.map((r) => r.status)).toEqual(['success', 'success', 'success']);
			const slackNodes = (run: RunResult) => Object.keys(run.nodes).filter((name) => name.startsWith('Slack:'));
			expect(runs.map(slackNodes)).toEqual([['Slack: account ready'], ['Slack: account banned'], ['Slack: video live']]);

			expect(sink.received).toHaveLength(3);
			expect(sink.received.every((m) => m.channel === '#client-updates')).toBe(true);
			const [ready, banned, published] = sink.received.map((m) => String(m.text));
			expect(ready).toContain(`Account @${reviewedAccount.username} (${inReview.platform}) is finalized`);
			expect(ready).toContain('demo-0005');
			expect(banned).toContain(`Account @${bannedAccount.username} (${bannedAccount.platform}) was banned (platform_ban)`);
			expect(published).toBe(`:clapper: Video #1 of bundle ${withVideos.id} is live: ${video.platform_url}`);
		} finally {
			await n8n!.deactivateWorkflow(workflowId);
		}
	} finally {
		await sink.close();
	}
});

whenReady('daily report: every delivered account and the bundles whose next_action is set, in one summary', async () => {
	const workflowId = imported['daily-report.json']!;
	const run = await runFrom(workflowId, 'Every morning');
	expect(run.error).toBeUndefined();
	expect(run.status).toBe('success');

	const accounts = await api<Array<{ id: string; banned: boolean }>>('GET', '/accounts?per_page=100');
	const bundles = await api<Array<{ id: string; external_ref: string | null; next_action: string | null }>>('GET', '/bundles?per_page=100');
	const waiting = bundles.filter((b) => b.next_action !== null);
	expect(waiting.length).toBeGreaterThan(0); // the demo data has bundles to configure and publish
	expect(run.nodes['All bundles']!.runs).toHaveLength(1); // Execute Once: not once per account

	const [summary, ...more] = run.nodes.Summary!.json;
	expect(more).toHaveLength(0);
	expect(summary).toMatchObject({
		accounts_total: accounts.length,
		accounts_banned: accounts.filter((a) => a.banned).length,
		bundles_total: bundles.length,
		bundles_waiting: waiting.length,
	});
	expect((summary!.waiting as Array<{ id: string }>).map((b) => b.id).sort()).toEqual(waiting.map((b) => b.id).sort());
	for (const b of waiting) expect(summary!.text).toContain(`${b.external_ref}`);
	// The Slack node ships disabled: the report passes through it unchanged.
	expect(run.nodes['Post to Slack']!.json).toEqual([summary]);

	// And the schedule itself registers when the workflow is published.
	await n8n!.activateWorkflow(workflowId);
	await n8n!.deactivateWorkflow(workflowId);
});

whenReady('ban watch: every ban report posted once across scheduled runs, with new bans and a change in between', async () => {
	type Report = { id: string; status: string; updated_at: string; username: string };
	const oldestFirst = (reports: Report[]) =>
		[...reports].sort((a, b) => (a.updated_at === b.updated_at ? a.id.localeCompare(b.id) : a.updated_at < b.updated_at ? -1 : 1));
	const existing = oldestFirst(await api<Report[]>('GET', '/account-bans?per_page=100'));
	expect(existing.length).toBeGreaterThan(0); // the demo data has a banned account

	// A test run shows every current report, and saves no position: a second one shows them again.
	const workflowId = imported['ban-watch.json']!;
	for (let i = 0; i < 2; i++) {
		const manual = await runFrom(workflowId, 'Every 15 minutes');
		expect(manual.status).toBe('success');
		expect(manual.nodes['New ban reports']!.json.map((r) => r.id)).toEqual(existing.map((r) => r.id));
		// Slack ships disabled: the reports pass through it unchanged.
		expect(manual.nodes['Post to Slack']!.json.map((r) => r.id)).toEqual(existing.map((r) => r.id));
	}

	const sink = await startSink();
	try {
		const [example] = readExamples().filter((e) => e.file === 'ban-watch.json');
		const scheduled = everySeconds(withSlackStandIn(example!.workflow, sink.url), 2);
		const { id } = await n8n!.createWorkflow(useCredential(scheduled, credential));
		const posted = () => sink.received.map((m) => String(m.text));
		const reportOf = (text: string) => /Report (\S+) \(updated ([^)]+)\)/.exec(text)?.slice(1, 3).join('@');
		await n8n!.activateWorkflow(id);
		try {
			// The first scheduled run posts every existing report, oldest first; the next runs nothing.
			await waitUntil('the existing reports in Slack', () => sink.received.length >= existing.length);
			await n8n!.waitForExecutions(id, 3);
			expect(posted().map(reportOf)).toEqual(existing.map((r) => `${r.id}@${r.updated_at}`));
			expect(sink.received.every((m) => m.channel === '#account-health')).toBe(true);

			// New bans between two runs: each posted once.
			const [banned, appealing] = simulator!.state.accounts.filter((a) => !a.banned && a.platform !== 'youtube');
			const ban = simulator!.operator.reportBan(banned!.id);
			const appeal = simulator!.operator.reportBan(appealing!.id, { appeal: true });
			await waitUntil('the two new reports in Slack', () => sink.received.length >= existing.length + 2);
			// Then the appeal is refused: a change of that report, posted once more.
			await new Promise((resolve) => setTimeout(resolve, 5));
			simulator!.operator.resolveBanAppeal(appeal.id, false);
			await waitUntil('the refused appeal in Slack', () => sink.received.length >= existing.length + 3);

			// Several more runs: nothing is posted twice.
			const runs = (await n8n!.listExecutions(id)).length;
			await n8n!.waitForExecutions(id, runs + 3);
			const after = posted().slice(existing.length);
			expect(posted()).toHaveLength(existing.length + 3);
			expect(new Set(posted().map(reportOf)).size).toBe(existing.length + 3);
			// Oldest first; the two bans may share a moment, so their order is not asserted.
			expect(after.slice(0, 2)).toEqual(
				expect.arrayContaining([
					expect.stringContaining(`Ban report for @${banned!.username} (${banned!.platform}): banned, no appeal. Report ${ban.id}`),
					expect.stringContaining(
						`Ban report for @${appealing!.username} (${appealing!.platform}): appeal filed, the account is unavailable (not banned yet). Report ${appeal.id}`,
					),
				]),
			);
			expect(after[2]).toContain(`@${appealing!.username} (${appealing!.platform}): banned, the appeal was refused. Report ${appeal.id}`);
			expect(after.every((text) => text.includes('. Evidence: https://evidence.tokportal.test/'))).toBe(true);
		} finally {
			await n8n!.deactivateWorkflow(id);
		}
	} finally {
		await sink.close();
	}
});

/** Configures every video slot of a bundle (one batch, `leadDays` and more ahead, a day apart). */
async function configureVideos(id: string, platform: string, count: number, leadDays: number): Promise<void> {
	const date = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
	const videos = Array.from({ length: count }, (_, index) => ({
		position: index + 1,
		video_type: 'video',
		description: `Clip ${index + 1}`,
		video_url: `https://cdn.example.com/clips/clip-${index + 1}.mp4`,
		target_publish_date: date(leadDays + index),
		...(platform === 'instagram' ? { instagram_content_type: 'reel' } : {}),
	}));
	await api('PUT', `/bundles/${id}/videos/batch`, { videos });
}

/** A client's bundle ordered through the API with its External Reference, delivered, its videos posted. */
async function deliveredClientBundle(ref: string, platform: 'tiktok' | 'instagram', videos: number): Promise<Bundle> {
	const { id } = await api<{ id: string }>('POST', '/bundles', {
		bundle_type: 'account_and_videos',
		platform,
		country: 'USA',
		videos_quantity: videos,
		external_ref: ref,
		title: `${ref} launch`,
	});
	await api('PUT', `/bundles/${id}/account`, {
		username: `${ref.split('-')[0]}_${platform}`,
		visible_name: ref,
		biography: 'Weekly report test.',
		profile_picture_url: 'https://cdn.example.com/weekly.jpg',
	});
	await configureVideos(id, platform, videos, 4);
	await api('POST', `/bundles/${id}/publish`);
	simulator!.operator.acceptBundle(id);
	simulator!.operator.moveAccountToReview(id);
	for (let position = 1; position <= videos; position++) simulator!.operator.postVideo(id, position);
	return bundle(id);
}

whenReady('weekly client report: each client’s video analytics as a CSV file, and last week’s spend per client', async () => {
	const workflowId = imported['weekly-client-report.json']!;
	// Acme: a new account with 3 videos, then 2 more videos on the same account; Globex: 2 videos;
	// Initech: nothing delivered (no file for it).
	const acme = await deliveredClientBundle('acme-spring-2026-us', 'tiktok', 3);
	const acmeMore = await api<{ id: string }>('POST', '/bundles', {
		bundle_type: 'videos_only',
		account_id: acme.saved_account_id,
		videos_quantity: 2,
		external_ref: 'acme-spring-2026-us',
	});
	await configureVideos(acmeMore.id, 'tiktok', 2, 2);
	await api('POST', `/bundles/${acmeMore.id}/publish`);
	simulator!.operator.acceptBundle(acmeMore.id);
	for (const position of [1, 2]) simulator!.operator.postVideo(acmeMore.id, position);
	const globex = await deliveredClientBundle('globex-launch-fr', 'instagram', 2);

	// Last week's spend: these orders (moved to three days ago) and a week and a half of older
	// history whose descriptions name the clients (6 h apart).
	const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000).toISOString().replace(/T.*/, 'T12:00:00.000Z');
	const orders = simulator!.state.ledger.filter((t) => [acme.id, acmeMore.id, globex.id].includes(String(t.reference_id)));
	expect(orders).toHaveLength(3);
	for (const order of orders) order.created_at = threeDaysAgo;
	const seeded = simulator!.seedCreditHistory(40, new Date(Date.now() - 10 * 86_400_000).toISOString());
	simulator!.clearRequests();

	const run = await runFrom(workflowId, 'Every Monday');
	expect(run.error).toBeUndefined();
	expect(run.status).toBe('success');

	// One file per client with delivered accounts, named after the client, TokPortal's CSV of its videos.
	const accounts = run.nodes['Accounts per client']!.json;
	expect(accounts.map((a) => [a.ref, a.account_ids])).toEqual([
		['acme-spring-2026-us', [acme.saved_account_id]],
		['globex-launch-fr', [globex.saved_account_id]],
	]);
	const files = run.nodes['Export videos']!.items;
	// Named with the date of the run in the workflow's time zone.
	const today = /^acme-spring-2026-us-videos-(\d{4}-\d{2}-\d{2})\.csv$/.exec(String(files[0]!.json.file_name))?.[1];
	expect(today).toBeDefined();
	const fileOf = (item: { binary?: Record<string, unknown> }) => item.binary?.data as { mimeType?: string; fileName?: string } | undefined;
	expect(files.map((f) => [f.json.file_name, f.json.rows, fileOf(f)?.mimeType, fileOf(f)?.fileName])).toEqual([
		[`acme-spring-2026-us-videos-${today}.csv`, 5, 'text/csv', `acme-spring-2026-us-videos-${today}.csv`],
		[`globex-launch-fr-videos-${today}.csv`, 2, 'text/csv', `globex-launch-fr-videos-${today}.csv`],
	]);
	const exports = simulator!.requests.filter((r) => r.path === '/analytics/export/videos');
	expect(exports.map((r) => r.query.account)).toEqual([acme.saved_account_id, globex.saved_account_id]);
	// The email node ships disabled: the files pass through it, ready to attach.
	expect(run.nodes['Email the client']!.items.map((item) => fileOf(item)?.fileName)).toEqual(files.map((f) => f.json.file_name));

	// Spend: the week TokPortal was asked for, summed per client.
	const [history] = simulator!.requests.filter((r) => r.path === '/credits/history');
	const { date_from: from, date_to: to } = history!.query as { date_from: string; date_to: string };
	const inWeek = (at: string) => at >= `${from}T00:00:00.000Z` && at <= `${to}T23:59:59.999Z`;
	const seededSpend = (ref: string) =>
		seeded.filter((t) => t.amount < 0 && inWeek(t.created_at) && t.description.includes(ref)).reduce((sum, t) => sum - t.amount, 0);
	const [summary, ...more] = run.nodes['Spend per client']!.json;
	expect(more).toHaveLength(0);
	expect(summary).toMatchObject({
		week_from: from,
		week_to: to,
		clients: [
			{ client: 'Acme', ref: 'acme-spring-2026-us', credits: 32 + 3 * 2 + 2 * 2 + seededSpend('acme-spring-2026-us') },
			{ client: 'Globex', ref: 'globex-launch-fr', credits: 32 + 2 * 2 + seededSpend('globex-launch-fr') },
			{ client: 'Initech', ref: 'initech-ugc-uk', credits: seededSpend('initech-ugc-uk') },
		],
		topped_up: seeded.filter((t) => t.amount > 0 && inWeek(t.created_at)).reduce((sum, t) => sum + t.amount, 0),
	});
	expect(summary!.text).toContain(`*TokPortal credits spent from ${from} to ${to}*`);
	expect(run.nodes['Post to Slack']!.json).toEqual([summary]);
	expect(run.nodes['Credits spent last week']!.runs).toHaveLength(1);
});
