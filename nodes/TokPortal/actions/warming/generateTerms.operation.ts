import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ORDERABLE_PLATFORMS, PLATFORM_NAMES } from '../../../shared/constants';
import { apiRequest } from '../../../shared/transport';
import { integer, options, readItem, text } from '../../../shared/validation';
import type { TokPortalOperation } from '../operation';
import { MAX_TERMS, MIN_TERMS, TERMS_STEP } from './fields';

const niche = text({
	name: 'text',
	displayName: 'Niche Description',
	required: true,
	minLength: 3,
	maxLength: 2000,
	rows: 3,
	placeholder: 'e.g. Plant-based cooking for busy parents: quick dinners, meal prep, kids lunches',
	description: 'What the account is about, in your own words (3–2000 characters)',
});

const platform = options({
	name: 'platform',
	displayName: 'Platform',
	required: true,
	default: 'tiktok',
	options: ORDERABLE_PLATFORMS.map((value) => ({ name: PLATFORM_NAMES[value], value })).sort((a, b) =>
		a.name.localeCompare(b.name),
	),
	description: 'The platform the terms are searched on',
});

const count = integer({
	name: 'count',
	displayName: 'Count',
	required: true,
	min: MIN_TERMS,
	max: MAX_TERMS,
	default: 9,
	description: `How many terms to suggest: ${MIN_TERMS}–${MAX_TERMS}, a multiple of ${TERMS_STEP}`,
});

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { text: niche, platform, count }, (values) => [
		values.count % TERMS_STEP !== 0 ? `"Count" must be a multiple of ${TERMS_STEP} (${MIN_TERMS}, 6, 9 … ${MAX_TERMS}); got ${values.count}` : undefined,
	]);
	const { body } = await apiRequest.call(this, {
		method: 'POST',
		path: '/warming/generate-terms',
		body: { text: input.text, platform: input.platform, count: input.count },
		itemIndex,
	});
	return body.data as IDataObject;
}

export const generateTerms: TokPortalOperation = {
	option: {
		name: 'Generate Terms',
		value: 'generateTerms',
		action: 'Suggest warming terms for a niche',
		description:
			'Suggest search terms for warming from a description of the niche, ready for Configure Terms or Delivered Account → Rewarm. Free; the same description gives the same terms.',
	},
	fields: [niche, platform, count],
	execute,
};
