import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiRequestAllItems } from '../../../shared/transport';
import { options } from '../../../shared/validation';
import { countryFilter, filtersOf, listFields, platformFilter, readListInput } from '../common.fields';
import type { TokPortalOperation } from '../operation';

const filters = filtersOf({
	banned: options({
		name: 'banned',
		displayName: 'Banned',
		default: 'any',
		description: 'Whether to list only banned accounts, only accounts that are not banned, or both',
		options: [
			{ name: 'Any', value: 'any' },
			{ name: 'Banned Only', value: 'true' },
			{ name: 'Not Banned Only', value: 'false' },
		],
	}),
	country: countryFilter,
	platform: platformFilter,
});

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { filters: chosen, paging } = readListInput(this, itemIndex, { filters });
	const qs: IDataObject = {};
	if (chosen.platform) qs.platform = chosen.platform;
	if (chosen.country) qs.country = chosen.country;
	if (chosen.banned !== undefined && chosen.banned !== 'any') qs.banned = chosen.banned;
	return await apiRequestAllItems.call(this, { path: '/accounts', qs, ...paging, itemIndex });
}

export const getMany: TokPortalOperation = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		action: 'Get many delivered accounts',
		description: 'List your delivered TikTok/Instagram accounts, optionally filtered by platform, country or ban state',
	},
	fields: listFields(filters),
	execute,
};
