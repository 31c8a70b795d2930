import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import { readItem } from '../../../shared/validation';
import { bundleId } from '../common.fields';
import type { TokPortalOperation } from '../operation';
import { TASK_ACCESS_ERRORS } from '../taskAccess';
import { MAX_TERMS, MIN_TERMS, searchTerms, termsProblems, WARMING_ERRORS } from './fields';

const terms = searchTerms({
	name: 'terms',
	displayName: 'Warming Terms',
	description: `Exactly as many different search terms as the bundle bought (${MIN_TERMS}–${MAX_TERMS}, a multiple of 3; 2–50 characters each), separated by commas or as a list from an expression. Warming → Generate Terms suggests some.`,
});

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { bundleId, terms }, (values) => termsProblems('Warming Terms', values.terms));
	const { body } = await apiRequest.call(this, {
		method: 'PUT',
		path: apiPath`/bundles/${input.bundleId}/warming-terms`,
		body: { advanced_warming_terms: input.terms },
		itemIndex,
	});
	return body.data as IDataObject;
}

export const configureTerms: TokPortalOperation = {
	option: {
		name: 'Configure Terms',
		value: 'configureTerms',
		action: 'Set the warming terms of a bundle',
		description:
			'Give the search terms of the Advanced Niche Warming a bundle bought: exactly as many as were bought, once per bundle, at any account status. Already paid; costs nothing more. Returns the warming session, which starts once the account is delivered.',
	},
	fields: [bundleId, terms],
	errors: {
		...TASK_ACCESS_ERRORS,
		...WARMING_ERRORS,
		WARMING_TERMS_ALREADY_SET: (details) =>
			`The warming terms of this bundle are already set${Array.isArray(details.terms) ? ` (${details.terms.map(String).join(', ')})` : ''}: they can be set only once. Nothing was changed.`,
		WARMING_SESSION_CANCELLED:
			'The warming this bundle bought was cancelled and refunded (its terms were not set within 14 days). Nothing was changed; order warming again to warm the account.',
	},
	execute,
};
