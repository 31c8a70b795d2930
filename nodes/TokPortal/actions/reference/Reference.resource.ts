import type { TokPortalResource } from '../operation';
import { getCountries } from './getCountries.operation';
import { getPlatforms } from './getPlatforms.operation';

export const reference: TokPortalResource = {
	name: 'Reference',
	value: 'reference',
	description: 'TokPortal’s reference lists: countries and platforms',
	defaultOperation: 'getCountries',
	operations: [getCountries, getPlatforms],
};
