import type { INodeParameters, INodeProperties } from 'n8n-workflow';

import { TokPortal } from '../../../nodes/TokPortal/TokPortal.node';
import { bundleInReview, byId, callApi, configureViaApi, newBundle, publishedBundle } from '../../node/accountFixtures';
import { configureSlots, day, postedVideoBundle, publishedVideoBundle, slot, videoBundle, videoConfig } from '../../node/video/videoFixtures';
import type { RunNodeOptions } from '../../harness';
import { managedAccount } from '../../node/careFixtures';
import type { Simulator, WebhookEndpoint } from '../../simulator';
import { client } from '../../simulator/client';
import { postEveryVideo, publishedBundle as publishedWithVideos } from '../../simulator/testHelpers';
import { closedPort } from './network';

/** The TokPortal node's fields as n8n sees them: read from the node class, never from internal modules. */
export const NODE_PROPERTIES: INodeProperties[] = new TokPortal().description.properties;

export interface Operation {
	resource: string;
	operation: string;
}

export const operationId = ({ resource, operation }: Operation): string => `${resource}.${operation}`;

/** Every resource/operation pair the node offers, from its Resource and Operation dropdowns. */
export function allOperations(): Operation[] {
	const resources = NODE_PROPERTIES.find((property) => property.name === 'resource')?.options ?? [];
	return resources.flatMap((resource) => {
		const value = String((resource as { value: string }).value);
		const dropdown = NODE_PROPERTIES.find(
			(property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes(value),
		);
		return (dropdown?.options ?? []).map((option) => ({ resource: value, operation: String((option as { value: string }).value) }));
	});
}

/** What the valid parameters of every operation point at. */
export interface Fixtures {
	/** pending_setup, account configured: can be configured, published (dry run), updated. */
	bundleId: string;
	/** An Instagram bundle in pending_setup: the only kind that takes a Link in Bio. */
	instagramBundleId: string;
	/** Accounts in review: one to finalize, one to send back for corrections. */
	reviewBundleId: string;
	correctionsBundleId: string;
	/** Published, not yet accepted: can be unpublished. */
	publishedBundleId: string;
	/** A pre-cutoff delivered account (support forfeit free) with a code in its inbox. */
	accountId: string;
	/** Delivered accounts with an active order and Coverage: one TikTok, one Instagram (Link in Bio). */
	managedAccountId: string;
	managedInstagramAccountId: string;
	/** One whose Coverage lapsed (reactivation priced 25), one to cancel. */
	lapsedAccountId: string;
	cancelAccountId: string;
	/** A bundle that bought 3 warming terms; a rewarm session (on its own account). */
	warmingBundleId: string;
	sessionAccountId: string;
	sessionId: string;
	/** Comment tasks: pending (to cancel), manually confirmed (to approve), verified (to dispute). */
	pendingTaskId: string;
	confirmedTaskId: string;
	verifiedTaskId: string;
	/** A delivered account whose two videos are posted: it has analytics, comments and snapshots. */
	analyticsAccountId: string;
	videoId: string;
	/**
	 * Webhooks on a port of 127.0.0.1 where nothing listens (test sends and retries go nowhere),
	 * subscribed to an event TokPortal never emits: one to read, test and retry (with a failed
	 * delivery), one to update, one to delete (a copy to put back: see restoreWebhooks).
	 */
	webhookUrl: string;
	webhookId: string;
	deliveryId: string;
	updateWebhookId: string;
	deleteWebhook: WebhookEndpoint;
	/**
	 * TikTok, account not configured (Auto Publish cannot publish it), 2 slots and 1 edit: slot 1 a
	 * configured video (reconfigured, patched, fixed), slot 2 a configured carousel.
	 */
	videoBundleId: string;
	/** Instagram, one configured reel slot: the base for the Instagram-only fields. */
	instagramVideoBundleId: string;
	/** One configured slot and no free one: Configure Many's automatic position finds nothing (the same every run). */
	calendarBundleId: string;
	/** Published: slot 1 submitted (to unschedule), slot 2 configured (to publish), slot 3 configured (to reset). */
	publishedVideoBundleId: string;
	/** Video 1 posted and in review: one to finalize, one to send back. */
	reviewVideoBundleId: string;
	correctionsVideoBundleId: string;
	/** Finalized videos: one without an ad code request, one with. */
	adCodeVideoId: string;
	requestedAdCodeVideoId: string;
	/** Plenty of video slots and no edit slot: room for every top-up case. */
	topUpBundleId: string;
}

/** The files an operation reads from its input item, for the operations that upload one. */
export function validBinary({ resource, operation }: Operation): RunNodeOptions['binary'] {
	if (resource === 'upload' && operation === 'uploadVideo') return [{ data: { data: Buffer.from('fake mp4 bytes'), fileName: 'clip.mp4', mimeType: 'video/mp4' } }];
	if (resource === 'upload' && operation === 'uploadImage') return [{ data: { data: Buffer.from('fake png bytes'), fileName: 'photo.png', mimeType: 'image/png' } }];
	if (resource === 'video' && operation === 'importCsv') {
		const csv = `position,video_type,description,target_publish_date,video_url\n1,video,From CSV,${day(10)},https://cdn.example.com/csv.mp4\n`;
		return [{ data: { data: Buffer.from(csv), fileName: 'calendar.csv', mimeType: 'text/csv' } }];
	}
	return undefined;
}

type VideoFixtures = Pick<
	Fixtures,
	| 'videoBundleId'
	| 'instagramVideoBundleId'
	| 'calendarBundleId'
	| 'publishedVideoBundleId'
	| 'reviewVideoBundleId'
	| 'correctionsVideoBundleId'
	| 'adCodeVideoId'
	| 'requestedAdCodeVideoId'
	| 'topUpBundleId'
>;

async function videoFixtures(sim: Simulator): Promise<VideoFixtures> {
	const videoBundleId = await videoBundle(sim, { videos: 2, edits: 1 });
	await configureSlots(sim, videoBundleId, [
		{ position: 1, ...videoConfig({ target_publish_date: day(10) }) },
		{ position: 2, ...videoConfig({ video_type: 'carousel', video_url: undefined, carousel_images: ['https://cdn.example.com/1.jpg'], tiktok_sound_url: 'https://www.tiktok.com/music/x-1', target_publish_date: day(10) }) },
	]);
	const instagramVideoBundleId = await videoBundle(sim, { platform: 'instagram', videos: 1 });
	await configureSlots(sim, instagramVideoBundleId, [{ position: 1, ...videoConfig({ instagram_content_type: 'reel', target_publish_date: day(10) }) }]);
	const calendarBundleId = await videoBundle(sim, { videos: 1 });
	await configureSlots(sim, calendarBundleId, [{ position: 1, ...videoConfig({ target_publish_date: day(10) }) }]);
	const publishedVideoBundleId = await publishedVideoBundle(sim, { videos: 3, configured: 1 });
	await configureSlots(sim, publishedVideoBundleId, [2, 3].map((position) => ({ position, ...videoConfig({ target_publish_date: day(10) }) })));
	const reviewVideoBundleId = await postedVideoBundle(sim);
	const correctionsVideoBundleId = await postedVideoBundle(sim);
	const adCodeVideoId = slot(sim, await postedVideoBundle(sim, { autoFinalize: true }), 1).id;
	const requestedAdCodeVideoId = slot(sim, await postedVideoBundle(sim, { autoFinalize: true }), 1).id;
	await callApi(sim, 'POST', `/videos/${requestedAdCodeVideoId}/ad-code-request`, { authorization_days: 30 });
	const topUpBundleId = await videoBundle(sim, { videos: 400 });
	return {
		videoBundleId,
		instagramVideoBundleId,
		calendarBundleId,
		publishedVideoBundleId,
		reviewVideoBundleId,
		correctionsVideoBundleId,
		adCodeVideoId,
		requestedAdCodeVideoId,
		topUpBundleId,
	};
}

/** An event type TokPortal documents but never sends: a fixture webhook subscribed to it gets no delivery. */
const SILENT_EVENT = 'account.distribution_warning';

/** A delivered TikTok account with `videos` videos posted, the way it happens for real. */
async function accountWithPostedVideos(sim: Simulator, videos: number): Promise<{ accountId: string; videoId: string }> {
	const call = client(sim);
	const bundleId = await publishedWithVideos(call, { country: 'USA', videos_quantity: videos }, 1);
	sim.operator.acceptBundle(bundleId);
	const accountId = String(sim.operator.moveAccountToReview(bundleId).saved_account_id);
	await postEveryVideo(sim, call, bundleId);
	const videoId = sim.state.bundles.find((bundle) => bundle.id === bundleId)?.videos.find((video) => video.platform_url)?.id;
	if (!videoId) throw new Error('fixture: no video was posted');
	return { accountId, videoId };
}

/** POST /webhooks without an Idempotency-Key (TokPortal refuses one there). */
async function fixtureWebhook(sim: Simulator, url: string): Promise<string> {
	const { status, body } = await client(sim)('POST', '/webhooks', { body: { url, events: [SILENT_EVENT] } });
	if (status !== 201) throw new Error(`fixture webhook: HTTP ${status} ${JSON.stringify(body)}`);
	return String(body.data.id);
}

/**
 * Tests only ever talk to 127.0.0.1, and the simulator really delivers: after a run that may have
 * created a webhook or moved one to another URL (Create, Update with a valid hostile URL), such
 * webhooks are removed and the fixtures' own put back as they were (the deleted one included).
 */
export function restoreWebhooks(sim: Simulator, fixtures: Fixtures): void {
	const webhooks = sim.state.webhooks;
	for (const hook of [...webhooks]) {
		if (new URL(hook.url).hostname !== '127.0.0.1') webhooks.splice(webhooks.indexOf(hook), 1);
	}
	for (const id of [fixtures.webhookId, fixtures.updateWebhookId]) {
		const hook = webhooks.find((candidate) => candidate.id === id);
		if (hook) Object.assign(hook, { url: fixtures.webhookUrl, events: [SILENT_EVENT], enabled: true });
	}
	if (!webhooks.some((hook) => hook.id === fixtures.deleteWebhook.id)) webhooks.push({ ...fixtures.deleteWebhook });
}

export async function createFixtures(sim: Simulator): Promise<Fixtures> {
	const bundleId = await newBundle(sim);
	await configureViaApi(sim, bundleId);
	const instagramBundleId = await newBundle(sim, 'instagram');
	const reviewBundleId = await bundleInReview(sim);
	const correctionsBundleId = await bundleInReview(sim);
	const publishedBundleId = await publishedBundle(sim);
	const [account] = sim.seedAccounts(1, { platform: 'tiktok' });
	account.post_cutoff = false;
	sim.operator.deliverVerificationCode(account.id, '123456');
	const [managed, managedInstagram, lapsed, cancel, sessionAccount] = [
		await managedAccount(sim),
		await managedAccount(sim, 'instagram'),
		await managedAccount(sim),
		await managedAccount(sim),
		await managedAccount(sim),
	];
	sim.operator.lapseCoverage(lapsed.id, 1);
	const warming = await callApi(sim, 'POST', '/bundles', {
		bundle_type: 'account_only',
		platform: 'tiktok',
		country: 'USA',
		wants_advanced_warming: true,
		advanced_warming_terms_count: 3,
	});
	const session = await callApi(sim, 'POST', `/accounts/${sessionAccount.id}/rewarm`, { search_terms: ['a1', 'b2', 'c3'] });
	const task = async () => {
		const created = await callApi(sim, 'POST', '/comments', {
			saved_account_id: managed.id,
			target_video_url: 'https://www.tiktok.com/@creator/video/1',
			comment_text: 'Nice',
		});
		return String((created.json.data?.created as Array<{ id: string }>)[0].id);
	};
	const [pendingTaskId, confirmedTaskId, verifiedTaskId] = [await task(), await task(), await task()];
	for (const [id, result] of [[confirmedTaskId, 'manually_confirmed'], [verifiedTaskId, 'matched']] as const) {
		sim.operator.submitComment(id);
		sim.operator.verifyComment(id, result);
	}
	const analytics = await accountWithPostedVideos(sim, 2);
	const webhookUrl = `http://127.0.0.1:${await closedPort()}/hook`;
	const webhookId = await fixtureWebhook(sim, webhookUrl);
	const test = await client(sim)('POST', `/webhooks/${webhookId}/test`);
	const updateWebhookId = await fixtureWebhook(sim, webhookUrl);
	const deleteWebhookId = await fixtureWebhook(sim, webhookUrl);
	return {
		bundleId,
		instagramBundleId,
		reviewBundleId,
		correctionsBundleId,
		publishedBundleId,
		accountId: account.id,
		managedAccountId: managed.id,
		managedInstagramAccountId: managedInstagram.id,
		lapsedAccountId: lapsed.id,
		cancelAccountId: cancel.id,
		warmingBundleId: String(warming.json.data?.id),
		sessionAccountId: sessionAccount.id,
		sessionId: String(session.json.data?.id),
		pendingTaskId,
		confirmedTaskId,
		verifiedTaskId,
		analyticsAccountId: analytics.accountId,
		videoId: analytics.videoId,
		webhookUrl,
		webhookId,
		deliveryId: String(test.body.data.delivery_id),
		updateWebhookId,
		deleteWebhook: { ...(sim.state.webhooks.find((hook) => hook.id === deleteWebhookId) as WebhookEndpoint) },
		...(await videoFixtures(sim)),
	};
}

/**
 * Parameters with which each operation succeeds and costs nothing (orders and publishes are dry
 * runs): the base every adversarial case changes one thing of.
 */
export function validParameters({ resource, operation }: Operation, fixtures: Fixtures): INodeParameters {
	const bundle = byId(fixtures.bundleId);
	const review = byId(fixtures.reviewBundleId);
	const account = byId(fixtures.accountId);
	const managed = byId(fixtures.managedAccountId);
	const analyticsAccount = byId(fixtures.analyticsAccountId);
	const webhook = byId(fixtures.webhookId);
	const video = { bundleId: byId(fixtures.videoBundleId) };
	const content = { videoType: 'video', description: 'Adversarial clip', videoUrl: 'https://cdn.example.com/clip.mp4', targetPublishDate: day(10) };
	const table: Record<string, INodeParameters> = {
		'bundle.create': { bundleType: 'account_only', platform: 'tiktok', country: 'USA', options: { dryRun: true } },
		'bundle.createBulk': { platforms: ['tiktok'], country: 'USA', accountsCount: 1, options: { dryRun: true } },
		'bundle.get': { bundleId: bundle },
		'bundle.getMany': { returnAll: false, limit: 5 },
		'bundle.getPublishReadiness': { bundleId: bundle },
		'bundle.publish': { bundleId: bundle, options: { dryRun: true } },
		'bundle.unpublish': { bundleId: byId(fixtures.publishedBundleId) },
		'bundle.update': { bundleId: bundle, updateFields: { title: 'Adversarial fixture' } },
		'accountConfiguration.configure': {
			bundleId: bundle,
			username: 'street.style_nyc',
			visibleName: 'Street Style NYC',
			biography: 'Daily street fashion.',
			profilePictureUrl: 'https://cdn.example.com/p.jpg',
		},
		'accountConfiguration.get': { bundleId: bundle },
		'accountAction.finalize': { bundleId: review },
		'accountAction.requestCorrections': { bundleId: byId(fixtures.correctionsBundleId), comment: 'Shorter username, please', feedback: { username: 'Shorter' } },
		'accountAction.getFeedbackHistory': { bundleId: review },
		'deliveredAccount.get': { accountId: account },
		'deliveredAccount.getBundles': { accountId: account, returnAll: false, limit: 5 },
		'deliveredAccount.getMany': { returnAll: false, limit: 5 },
		'deliveredAccount.getVerificationCode': { accountId: account, acknowledgeSupportEnds: true, waitForCode: false },
		'deliveredAccount.revealCredentials': { accountId: account, acknowledgeSupportEnds: true },
		'deliveredAccount.getBanReports': { returnAll: false, limit: 5 },
		'deliveredAccount.getEditRequest': { accountId: managed },
		'deliveredAccount.requestEdit': {
			accountId: managed,
			requestedUsername: 'street.style_v2',
			requestedVisibleName: 'Street Style v2',
			options: { dryRun: true },
		},
		'deliveredAccount.rewarm': { accountId: managed, searchTerms: 'vegan recipes, meal prep, high protein', options: { dryRun: true } },
		'deliveredAccount.getCoverage': { accountId: managed },
		'deliveredAccount.reactivateCoverage': { accountId: byId(fixtures.lapsedAccountId), maxCreditsToPay: 1000, options: { dryRun: true } },
		'deliveredAccount.cancelCoverage': { accountId: byId(fixtures.cancelAccountId), acknowledgeCoverageEnds: true },
		'deliveredAccount.updateCommentingProfile': { accountId: managed, updateFields: { tone: 'friendly' } },
		'warming.configureTerms': { bundleId: byId(fixtures.warmingBundleId), terms: 'a1, b2, c3' },
		'warming.generateTerms': { text: 'Plant-based cooking', platform: 'tiktok', count: 9 },
		'warming.getSessions': { accountId: byId(fixtures.sessionAccountId) },
		'warming.getSession': { sessionId: fixtures.sessionId },
		'comment.create': {
			accountId: managed,
			targetVideoUrl: 'https://www.tiktok.com/@creator/video/1',
			commentText: 'Nice',
			options: { dryRun: true },
		},
		'comment.getMany': { returnAll: false, limit: 5 },
		'comment.get': { commentTaskId: byId(fixtures.verifiedTaskId) },
		'comment.delete': { commentTaskId: byId(fixtures.pendingTaskId) },
		'comment.approve': { commentTaskId: byId(fixtures.confirmedTaskId) },
		'comment.dispute': { commentTaskId: byId(fixtures.verifiedTaskId), reason: 'Not under the post' },
		'comment.getVerifications': { commentTaskId: byId(fixtures.verifiedTaskId) },
		'user.get': {},
		'user.updateSettings': { updateFields: { displayName: 'Adversarial fixture' } },
		'reference.getCountries': {},
		'reference.getPlatforms': {},
		'analytics.canRefreshAccount': { accountId: analyticsAccount },
		'analytics.createReport': { title: 'Adversarial fixture' },
		'analytics.exportReportHtml': { title: 'Adversarial fixture' },
		'analytics.exportVideos': {},
		'analytics.getAccount': { accountId: analyticsAccount },
		'analytics.getAccountComments': { accountId: analyticsAccount, limit: 5 },
		'analytics.getAccountRawSnapshots': { accountId: analyticsAccount, limit: 5 },
		'analytics.getAccountVideos': { accountId: analyticsAccount, returnAll: false, limit: 5 },
		'analytics.getCommentPulse': { limit: 5 },
		'analytics.getContract': {},
		'analytics.getDashboard': {},
		'analytics.getPostRawSnapshots': { videoId: fixtures.videoId, limit: 5 },
		'analytics.getSeries': {},
		'analytics.getVideo': { videoId: fixtures.videoId },
		'analytics.refreshAccount': { accountId: analyticsAccount },
		'credit.getBalance': {},
		'credit.getCosts': {},
		'credit.getHistory': { returnAll: false, limit: 5 },
		'webhook.create': { url: fixtures.webhookUrl, events: [SILENT_EVENT], description: 'Adversarial fixture' },
		'webhook.delete': { webhookId: byId(fixtures.deleteWebhook.id) },
		'webhook.get': { webhookId: webhook },
		'webhook.getDeliveries': { webhookId: webhook, returnAll: false, limit: 5 },
		'webhook.getEvents': {},
		'webhook.getMany': { returnAll: false, limit: 5 },
		'webhook.retryDelivery': { webhookId: webhook, deliveryId: fixtures.deliveryId },
		'webhook.test': { webhookId: webhook },
		'webhook.update': { webhookId: byId(fixtures.updateWebhookId), updateFields: { description: 'Adversarial fixture' } },
		'bundle.addVideoSlots': { bundleId: byId(fixtures.topUpBundleId), quantity: 1, options: { dryRun: true } },
		'bundle.addEditSlots': { bundleId: byId(fixtures.topUpBundleId), quantity: 1, options: { dryRun: true } },
		'upload.uploadVideo': { bundleId: bundle, binaryPropertyName: 'data' },
		'upload.uploadImage': { bundleId: bundle, binaryPropertyName: 'data', purpose: 'carousel' },
		'upload.importImageFromUrl': { bundleId: bundle, url: 'https://cdn.example.com/photo.jpg', purpose: 'carousel' },
		'video.configure': { ...video, position: 1, ...content },
		'video.configureMany': { bundleId: byId(fixtures.calendarBundleId), position: 1, ...content },
		'video.finalize': { bundleId: byId(fixtures.reviewVideoBundleId), position: 1 },
		'video.fixDownload': { ...video, position: 1, videoUrl: 'https://cdn.example.com/fixed.mp4' },
		'video.get': { ...video, position: 1 },
		'video.getAdCode': { videoId: fixtures.requestedAdCodeVideoId },
		'video.getMany': { ...video, returnAll: true },
		'video.importCsv': { ...video, binaryPropertyName: 'data' },
		'video.publish': { bundleId: byId(fixtures.publishedVideoBundleId), position: 2 },
		'video.publishAll': { bundleId: byId(fixtures.publishedVideoBundleId) },
		'video.requestAdCode': { videoId: fixtures.adCodeVideoId, authorizationDays: '30', options: { dryRun: true } },
		'video.requestCorrections': { bundleId: byId(fixtures.correctionsVideoBundleId), position: 1, comment: 'The caption lost its hashtags' },
		'video.reset': { bundleId: byId(fixtures.publishedVideoBundleId), position: 3 },
		'video.unschedule': { bundleId: byId(fixtures.publishedVideoBundleId), position: 1 },
		'video.update': { ...video, position: 1, updateFields: { name: 'Adversarial video' } },
	};
	const parameters = table[`${resource}.${operation}`];
	if (!parameters) throw new Error(`No valid parameters for ${resource}.${operation}: add them to support/operations.ts`);
	return { resource, operation, ...structuredClone(parameters) };
}
