import type { INodeParameters, INodeProperties } from 'n8n-workflow';

import { TokPortal } from '../../../nodes/TokPortal/TokPortal.node';
import { bundleInReview, byId, callApi, configureViaApi, newBundle, publishedBundle } from '../../node/accountFixtures';
import { managedAccount } from '../../node/careFixtures';
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
	};
	const parameters = table[`${resource}.${operation}`];
	if (!parameters) throw new Error(`No valid parameters for ${resource}.${operation}: add them to support/operations.ts`);
	return { resource, operation, ...structuredClone(parameters) };
}
