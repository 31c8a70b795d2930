// Setup helpers for the suites of what happens after delivery (account care, Coverage, warming,
// comment tasks): like accountFixtures.ts they drive the simulator over HTTP and through its
// operator, never through the node under test.
import type { DeliveredAccount, Simulator } from '../simulator';
import { callApi, configureViaApi, newBundle } from './accountFixtures';

/**
 * A delivered account with an active order (its bundle accepted by an account manager), delivered
 * during the run, so it has TokPortal Coverage (first period included).
 */
export async function managedAccount(sim: Simulator, platform: 'tiktok' | 'instagram' = 'tiktok'): Promise<DeliveredAccount> {
	const bundleId = await newBundle(sim, platform);
	await configureViaApi(sim, bundleId);
	const published = await callApi(sim, 'POST', `/bundles/${bundleId}/publish`);
	if (published.status !== 200) throw new Error(`fixture publish: HTTP ${published.status}`);
	sim.operator.acceptBundle(bundleId);
	sim.operator.moveAccountToReview(bundleId);
	const savedId = sim.state.bundles.find((b) => b.id === bundleId)?.saved_account_id;
	const account = sim.state.accounts.find((a) => a.id === savedId);
	if (!account) throw new Error('fixture: the bundle has no delivered account');
	return account;
}

/** Debits of the organization's ledger that name `referenceId`. */
export function debitsFor(sim: Simulator, referenceId: string) {
	return sim.state.ledger.filter((entry) => entry.type === 'debit' && entry.reference_id === referenceId);
}
