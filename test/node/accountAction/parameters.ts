// Node parameters of the Account Action operations, shared by their suites.
import { byId } from '../accountFixtures';

export const finalize = (bundleId: string) => ({ resource: 'accountAction', operation: 'finalize', bundleId: byId(bundleId) });

export const corrections = (bundleId: string, comment: string, feedback: Record<string, string>) => ({
	resource: 'accountAction',
	operation: 'requestCorrections',
	bundleId: byId(bundleId),
	comment,
	feedback,
});

export const history = (bundleId: string) => ({
	resource: 'accountAction',
	operation: 'getFeedbackHistory',
	bundleId: byId(bundleId),
});
