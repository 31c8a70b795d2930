import type { INodeParameters, INodeProperties } from 'n8n-workflow';

import { TokPortal } from '../../../nodes/TokPortal/TokPortal.node';
import { bundleInReview, byId, configureViaApi, newBundle, publishedBundle } from '../../node/accountFixtures';
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
	return { bundleId, instagramBundleId, reviewBundleId, correctionsBundleId, publishedBundleId, accountId: account.id };
}

/**
 * Parameters with which each operation succeeds and costs nothing (orders and publishes are dry
 * runs): the base every adversarial case changes one thing of.
 */
export function validParameters({ resource, operation }: Operation, fixtures: Fixtures): INodeParameters {
	const bundle = byId(fixtures.bundleId);
	const review = byId(fixtures.reviewBundleId);
	const account = byId(fixtures.accountId);
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
	};
	const parameters = table[`${resource}.${operation}`];
	if (!parameters) throw new Error(`No valid parameters for ${resource}.${operation}: add them to support/operations.ts`);
	return { resource, operation, ...structuredClone(parameters) };
}
