import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { DownloadedFile } from '../../shared/transport';
import { text } from '../../shared/validation';

/**
 * Operations that download a file (CSV export, HTML report) put it in a binary field of the output
 * item, ready for Google Drive, email or Slack nodes; the item's JSON describes it.
 */

export const binaryPropertyName = text({
	name: 'binaryPropertyName',
	displayName: 'Put Output File in Field',
	default: 'data',
	maxLength: 100,
	refuseBlank: true,
	pattern: /^[A-Za-z0-9_-]+$/,
	patternRule: 'may only contain letters, digits, "_" and "-"',
	placeholder: 'e.g. data',
	description: 'The name of the output binary field to put the file in (nodes that send files read "data" by default)',
});

export function fileName(example: string) {
	return text({
		name: 'fileName',
		displayName: 'File Name',
		maxLength: 200,
		refuseBlank: true,
		// \p{Cf} covers the invisible direction marks (U+202E…) that disguise a file's real extension.
		pattern: /^[^\\/:*?"<>|\p{Cc}\p{Cf}]+$/u,
		patternRule: 'must be a plain file name, without folders, invisible characters or any of \\ / : * ? " < > |',
		placeholder: `e.g. ${example}`,
		description: 'The name the file gets (e.g. as an email attachment). Default: the name TokPortal gives it.',
	});
}

const today = () => new Date().toISOString().slice(0, 10);

/** One output item holding `file` in `property`, named `name` or TokPortal's name or `fallback-<date>.<ext>`. */
export async function fileItem(
	context: IExecuteFunctions,
	file: DownloadedFile,
	settings: { property: string; name?: string; fallback: string; extension: string },
	json: IDataObject = {},
): Promise<INodeExecutionData> {
	const name = settings.name ?? file.fileName ?? `${settings.fallback}-${today()}.${settings.extension}`;
	const binary = await context.helpers.prepareBinaryData(file.data, name, file.mimeType);
	return {
		json: { file_name: name, mime_type: file.mimeType, file_size: file.data.length, ...json },
		binary: { [settings.property]: binary },
	};
}
