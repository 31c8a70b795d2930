import type { INodeParameters, INodeProperties } from 'n8n-workflow';

import { TokPortal } from '../../../nodes/TokPortal/TokPortal.node';
import { bundleInReview, byId, callApi, configureViaApi, newBundle, publishedBundle } from '../../node/accountFixtures';
import { configureSlots, day, postedVideoBundle, publishedVideoBundle, slot, videoBundle, videoConfig } from '../../node/video/videoFixtures';
import type { RunNodeOptions } from '../../harness';
import type { Simulator } from '../../simulator';

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

async function videoFixtures(sim: Simulator): Promise<Omit<Fixtures, 'bundleId' | 'instagramBundleId' | 'reviewBundleId' | 'correctionsBundleId' | 'publishedBundleId' | 'accountId'>> {
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
	return {
		bundleId,
		instagramBundleId,
		reviewBundleId,
		correctionsBundleId,
		publishedBundleId,
		accountId: account.id,
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
