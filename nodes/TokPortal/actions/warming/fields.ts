import type { IDataObject } from 'n8n-workflow';

import { list, text } from '../../../shared/validation';

/** Advanced Niche Warming search terms: what bundle warming terms, rewarms and generated terms share. */

export const MIN_TERMS = 3;
export const MAX_TERMS = 30;
/** Terms are bought in groups of three. */
export const TERMS_STEP = 3;
export const CREDITS_PER_TERM = 5;

export function searchTerms(spec: { name: string; displayName: string; description: string }) {
	return list({
		...spec,
		required: true,
		minItems: MIN_TERMS,
		maxItems: MAX_TERMS,
		placeholder: 'e.g. vegan recipes, meal prep, high protein',
		item: text({
			name: 'term',
			displayName: 'Search Term',
			minLength: 2,
			maxLength: 50,
		}),
	});
}

/** The rules across a list of terms: a multiple of three, each term once (case does not make a new term). */
export function termsProblems(displayName: string, terms: string[] | undefined): Array<string | undefined> {
	if (terms === undefined) return [];
	const lower = terms.map((term) => term.toLowerCase());
	const twice = lower.find((term, index) => lower.indexOf(term) !== index);
	return [
		terms.length % TERMS_STEP !== 0
			? `"${displayName}" must hold a multiple of ${TERMS_STEP} terms (${MIN_TERMS}, 6, 9 … ${MAX_TERMS}); it has ${terms.length}`
			: undefined,
		twice !== undefined
			? `"${displayName}" lists "${terms[lower.indexOf(twice)]}" twice (case does not matter): give ${terms.length} different terms`
			: undefined,
	];
}

/** What TokPortal's warming codes mean, whichever operation met them. */
export const WARMING_ERRORS = {
	ADVANCED_WARMING_TERMS: (details: IDataObject) =>
		details.purchased_terms_count !== undefined
			? `This bundle bought ${String(details.purchased_terms_count)} warming terms: give exactly that many different terms (${String(details.received_count ?? 'another number')} were sent). Nothing was changed.`
			: 'TokPortal refused the warming terms: give 3 to 30 different terms (a multiple of 3), each 2–50 characters. Nothing was changed or charged.',
	ADVANCED_WARMING_PLATFORM:
		'Warming is available on TikTok and Instagram accounts only. Nothing was charged.',
	WARMING_SESSION_NOT_FOUND:
		'TokPortal found no such warming session. For a bundle: it did not buy Advanced Niche Warming, so there are no terms to set. For a session ID: use one from Warming → Get Sessions.',
} as const;
