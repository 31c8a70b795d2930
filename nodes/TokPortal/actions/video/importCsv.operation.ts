import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { DIRECT_UPLOAD_MAX_BYTES } from '../../../shared/constants';
import { apiPath, apiRequest } from '../../../shared/transport';
import { notice, notSentError, readItem } from '../../../shared/validation';
import { bundleId } from '../common.fields';
import type { TokPortalOperation } from '../operation';
import { chargeInfo } from '../paidCall';
import { binaryPropertyName, inputFile } from '../upload/binaryFile';
import { videoErrors } from './common';
import { autoPublish } from './fields';

/** The columns TokPortal documents (notes §9.8), in any order; `position` is required. */
export const CSV_COLUMNS = [
	'position',
	'video_type',
	'description',
	'target_publish_date',
	'video_url',
	'carousel_images',
	'tiktok_sound_url',
	'instagram_content_type',
	'instagram_location',
	'instagram_collaborators',
	'instagram_add_to_story',
	'editing_instructions',
	'external_ref',
	'ai_content_disclaimer',
	'disclose_as_ads',
	'volume_original_sound',
	'volume_added_sound',
	'instant_repost_as_story',
];

/** The first row of a CSV (RFC 4180 quoting, optional BOM), or undefined when there is none. */
export function csvHeader(text: string): string[] | undefined {
	const input = text.replace(/^\uFEFF/, '');
	const cells: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < input.length; i++) {
		const ch = input[i];
		if (quoted) {
			if (ch !== '"') cell += ch;
			else if (input[i + 1] === '"') {
				cell += '"';
				i++;
			} else quoted = false;
		} else if (ch === '"' && cell === '') quoted = true;
		else if (ch === ',') {
			cells.push(cell.trim());
			cell = '';
		} else if (ch === '\n' || ch === '\r') break;
		else cell += ch;
	}
	cells.push(cell.trim());
	return cells.every((name) => name === '') ? undefined : cells;
}

function headerProblems(header: string[] | undefined): string[] {
	if (header === undefined) return ['The CSV file is empty: it needs a header row (position, video_type, description, …) and one row per video'];
	const unknown = header.filter((name) => !CSV_COLUMNS.includes(name));
	return [
		...(unknown.length > 0 ? [`The CSV has column(s) TokPortal does not know: ${unknown.join(', ')}. Allowed: ${CSV_COLUMNS.join(', ')}`] : []),
		...(header.includes('position') ? [] : ['The CSV needs a "position" column (the video slot of each row)']),
	];
}

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { bundleId, binaryPropertyName, autoPublish });
	const file = await inputFile(this, itemIndex, input.binaryPropertyName, 'videos.csv');
	const problems = file.size > DIRECT_UPLOAD_MAX_BYTES
		? [`The CSV file is ${file.size} bytes; TokPortal takes up to ${DIRECT_UPLOAD_MAX_BYTES} bytes per import: split it into several files`]
		: [];
	const data = problems.length === 0 ? await file.read() : undefined;
	if (data) problems.push(...headerProblems(csvHeader(data.toString('utf8'))));
	if (problems.length > 0) throw notSentError(this, itemIndex, problems.join('; '));
	const response = await apiRequest.call(this, {
		method: 'POST',
		path: apiPath`/bundles/${input.bundleId}/videos/import-csv`,
		form: {
			fields: { auto_publish: String(input.autoPublish) },
			file: { field: 'file', fileName: file.fileName, contentType: 'text/csv', data: data! },
		},
		itemIndex,
	});
	const outcome = response.body.auto_publish;
	return {
		...((response.body.data ?? {}) as IDataObject),
		...(outcome !== undefined ? { auto_publish: outcome } : {}),
		...chargeInfo(response),
	};
}

export const importCsv: TokPortalOperation = {
	option: {
		name: 'Import CSV',
		value: 'importCsv',
		action: 'Import videos from a CSV file',
		description:
			'Configure a bundle’s videos from a CSV file in the input item (one row per video, a "position" column and TokPortal’s column names). Valid rows are imported; the output lists imported, skipped and the errors per row.',
	},
	fields: [
		notice(
			'importCsvNotice',
			'Columns: position, video_type, description, target_publish_date, video_url, carousel_images (separated by ;), tiktok_sound_url, instagram_content_type, instagram_location, instagram_collaborators, instagram_add_to_story, editing_instructions, external_ref, ai_content_disclaimer, disclose_as_ads, volume_original_sound, volume_added_sound, instant_repost_as_story. For rows straight from a sheet, Configure Many also fills positions and dates for you.',
		),
		bundleId,
		binaryPropertyName,
		autoPublish,
	],
	errors: videoErrors,
	execute,
};
