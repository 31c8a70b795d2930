import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiRequestAllItems } from '../../../shared/transport';
import { filtersOf, listFields, readListInput } from '../common.fields';
import { dateRange, rangeProblem } from '../dates';
import type { TokPortalOperation } from '../operation';

const filters = filtersOf(dateRange('transactions'));

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { filters: range, paging } = readListInput(this, itemIndex, { filters }, (values) => [rangeProblem(values.filters)]);
	const qs: IDataObject = {};
	if (range.dateFrom !== undefined) qs.date_from = range.dateFrom;
	if (range.dateTo !== undefined) qs.date_to = range.dateTo;
	return await apiRequestAllItems.call(this, { path: '/credits/history', qs, ...paging, itemIndex });
}

export const getHistory: TokPortalOperation = {
	option: {
		name: 'Get History',
		value: 'getHistory',
		action: 'Get the credit history',
		description:
			'One item per credit transaction, newest first: debits (negative amount, with a breakdown and the bundle, account or request it paid for in reference_id) and top-ups, with the balance after each; optionally between two dates, for reconciliation',
	},
	fields: listFields(filters),
	execute,
};
