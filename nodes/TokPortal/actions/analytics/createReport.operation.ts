import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { notice, readItem } from '../../../shared/validation';
import type { TokPortalOperation } from '../operation';
import { rangeProblem } from './fields';
import { analyticsRequest } from './plan';
import { branding, reportBody, reportFields, reportFilters, template, title } from './report';

const secretNotice = notice(
	'reportTokenNotice',
	'The report’s URL can be shared with your client. Its private token is a secret that TokPortal shows only once: it is in this node’s output (token) and in this execution’s data. Store it safely if you need it, and never share it. Each run creates a new report.',
);

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { title, template, filters: reportFilters, branding }, (values) => [
		rangeProblem(values.filters),
	]);
	// Returns a secret: the transport sends no Idempotency-Key (TokPortal refuses one) and never retries it.
	const { body } = await analyticsRequest(this, itemIndex, { method: 'POST', template: '/analytics/export/reports' }, {
		path: '/analytics/export/reports',
		body: reportBody(input),
	});
	return (body.data ?? {}) as IDataObject;
}

export const createReport: TokPortalOperation = {
	option: {
		name: 'Create Report',
		value: 'createReport',
		action: 'Create a shareable analytics report',
		description:
			'Create a web report of your accounts’ analytics (title, template, branding, filters) and get its shareable URL and its private token, which TokPortal shows only once. Creator plan and above.',
	},
	fields: [secretNotice, ...reportFields],
	execute,
};
