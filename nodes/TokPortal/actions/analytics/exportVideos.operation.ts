import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { boolean, collection, readItem } from '../../../shared/validation';
import { filtersOf } from '../common.fields';
import { binaryPropertyName, fileItem, fileName } from '../files';
import type { TokPortalOperation } from '../operation';
import { ItemsWithFiles } from '../operation';
import { parseCsvRows } from './csv';
import {
	accounts,
	countries,
	dateRange,
	filterQuery,
	platforms,
	rangeProblem,
	query,
	workspace,
} from './fields';
import { analyticsRequest } from './plan';

const filters = filtersOf({ accounts, countries, platforms, query, workspace, ...dateRange('videos published') });

const exportOptions = collection({
	name: 'options',
	displayName: 'Options',
	placeholder: 'Add Option',
	fields: {
		fileName: fileName('acme-videos-2026-06.csv'),
		outputRowsAsItems: boolean({
			name: 'outputRowsAsItems',
			displayName: 'Output Rows as Items',
			default: true,
			description:
				'Whether to output one item per video (each CSV column a field, values as text) instead of the CSV file',
		}),
		binaryPropertyName,
	},
});

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[] | ItemsWithFiles> {
	const input = readItem(this, itemIndex, { filters, options: exportOptions }, (values) => [
		rangeProblem(values.filters),
		values.options.outputRowsAsItems === true &&
			(values.options.fileName !== undefined || values.options.binaryPropertyName !== undefined) &&
			'"File Name" and "Put Output File in Field" name the CSV file, which "Output Rows as Items" replaces with one item per row: remove them, or turn "Output Rows as Items" off',
	]);
	const { file } = await analyticsRequest(this, itemIndex, { method: 'GET', template: '/analytics/export/videos' }, {
		path: '/analytics/export/videos',
		qs: filterQuery(input.filters),
		download: 'text/csv',
	});
	if (!file) {
		throw new NodeOperationError(this.getNode(), 'TokPortal answered without the CSV file', {
			itemIndex,
			description: 'Run the node again; if it keeps happening, contact TokPortal support.',
		});
	}
	const text = file.data.toString('utf8');
	if (input.options.outputRowsAsItems) {
		try {
			return parseCsvRows(text).rows;
		} catch (error) {
			throw new NodeOperationError(this.getNode(), `TokPortal’s CSV export could not be read: ${(error as Error).message}`, {
				itemIndex,
				description: 'Turn off "Output Rows as Items" to get the file exactly as TokPortal sent it.',
			});
		}
	}
	// The file goes out as sent; its row count is only a convenience (e.g. to skip empty reports).
	let summary: IDataObject = {};
	try {
		const { rows, columns } = parseCsvRows(text);
		summary = { rows: rows.length, columns };
	} catch {
		// Unreadable as CSV: the file still goes out untouched, without the counts.
	}
	return new ItemsWithFiles([
		await fileItem(
			this,
			file,
			{
				property: input.options.binaryPropertyName ?? 'data',
				name: input.options.fileName,
				fallback: 'tokportal-video-analytics',
				extension: 'csv',
			},
			summary,
		),
	]);
}

export const exportVideos: TokPortalOperation = {
	option: {
		name: 'Export Videos',
		value: 'exportVideos',
		action: 'Export video analytics as a CSV file',
		description:
			'A CSV file with one row per posted video (account, post URL, publication date, views, likes, comments, shares, bookmarks, engagement rate), in the binary field "data", ready for Google Drive, email or Slack; or one item per row. Creator plan and above.',
	},
	fields: [filters, exportOptions],
	execute,
};
