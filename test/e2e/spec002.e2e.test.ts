// Spec 002 (TokPortal API for Agencies) from start to finish inside a real n8n, against the simulator:
// a TokPortal Trigger subscribed to the guide's three events; a workflow that creates an
// account-and-videos bundle with the client's External Reference, configures the account, uploads a
// video file from a binary, configures the videos from rows (Configure Many: one batch) and publishes;
// then TokPortal's side (the simulator's operator) accepts the order, delivers the account and posts
// the videos, which auto-finalize — and the trigger receives `video.finalized` for each.
import { randomUUID } from 'node:crypto';

import type { WorkflowNode } from '../../scripts/n8n/types';
import { startSimulator, type Bundle, type Simulator } from '../simulator';
import { missingBuild, testUnless } from './helpers/conditions';
import { startN8n, type Credential, type E2eN8n } from './helpers/n8n';
import { byId, tokPortalNode } from './helpers/workflows';

const skipReason =
	missingBuild('dist/nodes/TokPortal/TokPortal.node.js') ?? missingBuild('dist/nodes/TokPortalTrigger/TokPortalTrigger.node.js');
const whenReady = testUnless(skipReason);

let n8n: E2eN8n | undefined;
let simulator: Simulator | undefined;
let credential: Credential;

beforeAll(async () => {
	if (skipReason) return;
	await Promise.all([
		startN8n('spec002').then((started) => (n8n = started)),
		startSimulator({ webhookRetryDelaysMs: [300, 1000] }).then((started) => (simulator = started)),
	]);
	credential = await n8n!.createTokPortalCredential({ apiKey: simulator!.apiKey, baseUrl: simulator!.baseUrl });
});

afterAll(async () => {
	await Promise.all([n8n?.stop(), simulator?.close()]);
});

function day(n: number): string {
	return new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
}

const tokPortal = (name: string, position: [number, number], parameters: Record<string, unknown>) =>
	tokPortalNode(credential, name, parameters, position);

function code(name: string, position: [number, number], jsCode: string, mode?: 'runOnceForEachItem'): WorkflowNode {
	return { name, type: 'n8n-nodes-base.code', typeVersion: 2, position, parameters: mode ? { mode, jsCode } : { jsCode } };
}

/** The guide's three webhook events, received by a published workflow. */
async function subscribedTrigger(): Promise<string> {
	const { id } = await n8n!.createWorkflow({
		name: 'Spec 002: agency dashboard events',
		nodes: [
			{
				name: 'TokPortal Trigger',
				type: 'n8n-nodes-tokportal.tokPortalTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: { events: ['bundle.published', 'account.finalized', 'video.finalized'], options: { description: 'Agency client dashboard' } },
				credentials: { tokPortalApi: { id: credential.id, name: credential.name } },
			},
		],
		connections: {},
		settings: {},
	});
	await n8n!.activateWorkflow(id);
	return id;
}

/** Create → configure the account → upload a file from a binary → configure the videos from rows → publish. */
function agencyWorkflow(externalRef: string) {
	const nodes: WorkflowNode[] = [
		{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		tokPortal('Create bundle', [220, 0], {
			resource: 'bundle',
			operation: 'create',
			bundleType: 'account_and_videos',
			platform: 'tiktok',
			country: 'USA',
			videosQuantity: 3,
			additionalFields: { title: 'Acme - US TikTok', externalRef, autoFinalizeVideos: true },
			options: { idempotencyKey: externalRef },
		}),
		tokPortal('Configure account', [440, 0], {
			resource: 'accountConfiguration',
			operation: 'configure',
			bundleId: byId('={{ $json.id }}'),
			username: 'acme_us',
			visibleName: 'Acme',
			biography: 'New launches weekly.',
			profilePictureUrl: 'https://cdn.example.com/acme/profile.jpg',
		}),
		code(
			'Clip file',
			[660, 0],
			`return [{ json: { clip: 'launch' }, binary: { data: { data: ${JSON.stringify(CLIP.toString('base64'))}, mimeType: 'video/mp4', fileName: 'acme-launch.mp4' } } }];`,
		),
		tokPortal('Upload video', [880, 0], {
			resource: 'upload',
			operation: 'uploadVideo',
			bundleId: byId("={{ $('Create bundle').first().json.id }}"),
			binaryPropertyName: 'data',
		}),
		code(
			'Video rows',
			[1100, 0],
			[
				"const bundle = $('Create bundle').first().json.id;",
				'const uploaded = $json.public_url;',
				'return [',
				"  { bundle, ref: 'acme-clip-01', caption: 'Acme launch clip #1', url: uploaded, date: '' },",
				"  { bundle, ref: 'acme-clip-02', caption: 'Acme launch clip #2', url: 'https://cdn.example.com/acme/clip-02.mp4', date: '' },",
				`  { bundle, ref: 'acme-clip-03', caption: 'Acme launch clip #3', url: 'https://cdn.example.com/acme/clip-03.mp4', date: '${day(6)}' },`,
				'].map((json) => ({ json }));',
			].join('\n'),
		),
		tokPortal('Configure videos', [1320, 0], {
			resource: 'video',
			operation: 'configureMany',
			bundleId: byId('={{ $json.bundle }}'),
			videoType: 'video',
			description: '={{ $json.caption }}',
			videoUrl: '={{ $json.url }}',
			targetPublishDate: '={{ $json.date }}',
			additionalFields: { externalRef: '={{ $json.ref }}' },
			options: {},
		}),
		tokPortal('Publish', [1540, 0], {
			resource: 'bundle',
			operation: 'publish',
			bundleId: byId("={{ $('Create bundle').first().json.id }}"),
			options: {},
		}),
	];
	const connections: Record<string, unknown> = {};
	nodes.slice(0, -1).forEach((node, index) => {
		connections[node.name] = { main: [[{ node: nodes[index + 1]!.name, type: 'main', index: 0 }]] };
	});
	// Publish once for the bundle, not once per video row.
	nodes[nodes.length - 1]!.executeOnce = true;
	return { name: `Spec 002 agency flow ${externalRef}`, nodes, connections, settings: { executionOrder: 'v1' } };
}

/** Bytes that stand for a video file (the simulator stores any bytes and serves them back). */
const CLIP = Buffer.from('AAAAIGZ0eXBpc29tAAACAGlzb21pc28yYXZjMW1wNDEAAAAIZnJlZQ==', 'base64');

whenReady('spec 002 from start to finish: order, account, upload, calendar, publish; TokPortal posts; the trigger receives video.finalized', async () => {
	const sim = simulator!;
	const externalRef = 'acme-spring-2026-us';
	const triggerId = await subscribedTrigger();
	expect(sim.state.webhooks.map((w) => [...w.events].sort())).toEqual([['account.finalized', 'bundle.published', 'video.finalized']]);
	const creditsBefore = sim.state.credits;
	sim.clearRequests();

	const run = await n8n!.runWorkflow(agencyWorkflow(externalRef), { triggerName: 'Start' });
	expect(run.error).toBeUndefined();
	expect(run.status).toBe('success');

	// The order: one account-and-videos bundle, charged once (32 + 3 × 2).
	const bundles = sim.state.bundles.filter((b: Bundle) => b.external_ref === externalRef);
	expect(bundles).toHaveLength(1);
	const bundle = bundles[0]!;
	expect(sim.state.credits).toBe(creditsBefore - 38);

	// The uploaded file became the first video, byte for byte.
	const [uploaded] = run.nodes['Upload video']!.json;
	expect(uploaded).toMatchObject({ upload_method: 'direct', filename: 'acme-launch.mp4', size_bytes: CLIP.length });
	expect(sim.uploads.bytes(String(uploaded!.public_url))!.equals(CLIP)).toBe(true);

	// The videos from rows: one batch, automatic positions and dates (3 days ahead while the account is made).
	const batches = sim.requests.filter((r) => r.method === 'PUT' && r.path === `/bundles/${bundle.id}/videos/batch`);
	expect(batches).toHaveLength(1);
	expect(run.nodes['Configure videos']!.json.map((v) => [v.position, v.target_publish_date, v.external_ref, v.status])).toEqual([
		[1, day(3), 'acme-clip-01', 'configured'],
		[2, day(3), 'acme-clip-02', 'configured'],
		[3, day(6), 'acme-clip-03', 'configured'],
	]);
	expect(bundle.videos[0]!.video_url).toBe(uploaded!.public_url);

	// Published: the bundle with its three videos.
	expect(run.nodes.Publish!.json).toHaveLength(1);
	expect(bundle.status).toBe('published');
	expect(bundle.videos.map((v) => v.status)).toEqual(['published', 'published', 'published']);

	// TokPortal's side: an account manager accepts the order, delivers the account, posts the videos;
	// with auto-finalize each posted video is finalized at once (video.finalized).
	sim.operator.acceptBundle(bundle.id);
	sim.operator.moveAccountToReview(bundle.id);
	for (const position of [1, 2, 3]) sim.operator.postVideo(bundle.id, position);
	expect(bundle.videos.map((v) => v.status)).toEqual(['finalized', 'finalized', 'finalized']);

	// The trigger ran once per subscribed event: bundle.published, then video.finalized × 3.
	const executions = await n8n!.waitForExecutions(triggerId, 4);
	const events = await Promise.all(
		executions.map(async (summary) => (await n8n!.getExecution(summary.id)).data.resultData.runData['TokPortal Trigger']![0]!.data!.main[0]![0]!.json),
	);
	const byType = (type: string) => events.filter((event) => event.type === type);
	expect(byType('bundle.published')).toHaveLength(1);
	const finalized = byType('video.finalized').map((event) => event.data as Record<string, unknown>);
	expect(finalized.map((data) => data.position).sort()).toEqual([1, 2, 3]);
	for (const data of finalized) {
		const video = bundle.videos.find((v) => v.position === data.position)!;
		expect(data).toMatchObject({
			bundle_id: bundle.id,
			video_id: video.id,
			status: 'finalized',
			external_ref: video.external_ref,
			bundle_external_ref: externalRef,
			platform_url: video.platform_url,
		});
	}
	await n8n!.deactivateWorkflow(triggerId);
	expect(sim.state.webhooks).toHaveLength(0);
});
