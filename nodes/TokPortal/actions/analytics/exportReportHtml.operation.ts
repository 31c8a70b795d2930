import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { collection, readItem } from '../../../shared/validation';
import { binaryPropertyName, fileItem, fileName } from '../files';
import type { TokPortalOperation } from '../operation';
import { ItemsWithFiles } from '../operation';
import { rangeProblem } from './fields';
import { analyticsRequest } from './plan';
import { branding, reportBody, reportFields, reportFilters, template, title } from './report';

const fileOptions = collection({
	name: 'options',
	displayName: 'Options',
	placeholder: 'Add Option',
	fields: { fileName: fileName('acme-june-2026.html'), binaryPropertyName },
});

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemsWithFiles> {
	const input = readItem(
		this,
		itemIndex,
		{ title, template, filters: reportFilters, branding, options: fileOptions },
		(values) => [rangeProblem(values.filters)],
	);
	const { file } = await analyticsRequest(this, itemIndex, { method: 'POST', template: '/analytics/export/reports/html' }, {
		path: '/analytics/export/reports/html',
		body: reportBody(input),
		download: 'text/html',
	});
	if (!file) {
		throw new NodeOperationError(this.getNode(), 'TokPortal answered without the HTML report', {
			itemIndex,
			description: 'Run the node again; if it keeps happening, contact TokPortal support.',
		});
	}
	return new ItemsWithFiles([
		await fileItem(this, file, {
			property: input.options.binaryPropertyName ?? 'data',
			name: input.options.fileName,
			fallback: 'tokportal-report',
			extension: 'html',
		}),
	]);
}

export const exportReportHtml: TokPortalOperation = {
	option: {
		name: 'Export Report HTML',
		value: 'exportReportHtml',
		action: 'Export an analytics report as an HTML file',
		description:
			'The same report as Create Report, rendered as an HTML file in the binary field "data" (to attach to an email or store), without creating a link or a token. Creator plan and above.',
	},
	fields: [...reportFields, fileOptions],
	execute,
};
