// POST /bundles/{id}/videos/import-csv (notes §9.8): a CSV of video configurations; valid rows are
// imported, the others are reported by row with the reason.
import { parseCsv } from '../csv';
import { ApiError, validationError } from '../errors';
import { autoPublish } from '../publishing';
import type { RouteContext, RouteDef, RouteResult } from '../router';
import type { VideoSlot } from '../types';
import type { Json } from '../validate';
import { parseVideoConfig } from '../videoConfig';
import { type Charge, configureSlot, findVideo, requireOpenBundle } from '../videoLifecycle';
import { videoView } from '../views';
import { autoPublishSibling, bundleOf, chargeSiblings } from './videos';

/** The documented columns, in their documented order. */
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
] as const;
const LIST_COLUMNS = ['carousel_images', 'instagram_collaborators'];
const FLAG_COLUMNS = ['instagram_add_to_story', 'ai_content_disclaimer', 'disclose_as_ads', 'instant_repost_as_story'];
const NUMBER_COLUMNS = ['position', 'volume_original_sound', 'volume_added_sound'];

function flagValue(raw: string, column: string): boolean {
	const v = raw.trim().toLowerCase();
	if (v === 'true' || v === 'yes' || v === '1') return true;
	if (v === 'false' || v === 'no' || v === '0') return false;
	throw validationError(column, `${column} must be true or false (got "${raw}").`);
}

/** A row as a configuration body: empty cells are absent, lists are `;`-separated. */
function rowBody(header: string[], cells: string[]): Json {
	const body: Json = {};
	header.forEach((column, i) => {
		const raw = (cells[i] ?? '').trim();
		if (raw === '') return;
		if (LIST_COLUMNS.includes(column)) {
			body[column] = raw
				.split(';')
				.map((x) => x.trim())
				.filter(Boolean);
		} else if (FLAG_COLUMNS.includes(column)) body[column] = flagValue(raw, column);
		else if (NUMBER_COLUMNS.includes(column)) {
			if (!/^\d+$/.test(raw)) throw validationError(column, `${column} must be a whole number (got "${raw}").`);
			body[column] = Number(raw);
		} else body[column] = raw;
	});
	return body;
}

function readTable(ctx: RouteContext): { header: string[]; rows: string[][] } {
	const file = ctx.form?.files.find((f) => f.field === 'file');
	if (!file) throw validationError('file', 'Attach the CSV as the "file" part of a multipart/form-data request.');
	const table = parseCsv(file.data.toString('utf8'));
	if (table === null) throw validationError('file', 'The CSV has an unterminated quoted field.');
	const [header, ...rows] = table;
	if (!header || header.every((h) => h.trim() === '')) throw validationError('file', 'The CSV is empty: a header row is needed.');
	const columns = header.map((h) => h.trim());
	for (const column of columns) {
		if (!(CSV_COLUMNS as readonly string[]).includes(column)) {
			throw new ApiError(400, 'UNKNOWN_FIELD', `Unknown CSV column: ${column}. Columns: ${CSV_COLUMNS.join(', ')}.`, {
				field: column,
			});
		}
	}
	if (!columns.includes('position')) throw validationError('file', 'The CSV needs a position column.');
	return { header: columns, rows };
}

function importCsv(ctx: RouteContext): RouteResult {
	const b = bundleOf(ctx);
	const flag = ctx.form?.fields.auto_publish;
	const publish = flag === undefined || flag.trim() === '' ? false : flagValue(flag, 'auto_publish');
	requireOpenBundle(b);
	const { header, rows } = readTable(ctx);
	const imported: VideoSlot[] = [];
	const charges: Array<Charge | null> = [];
	const errors: Array<{ row: number; position: number | null; code: string; message: string }> = [];
	const seen = new Set<number>();
	rows.forEach((cells, i) => {
		if (cells.every((c) => c.trim() === '')) return;
		// Sheet numbering: the header is row 1.
		const row = i + 2;
		let position: number | null = null;
		try {
			const body = rowBody(header, cells);
			if (typeof body.position !== 'number' || body.position < 1) throw validationError('position', 'position is required.');
			position = body.position;
			if (seen.has(position)) throw validationError('position', `position ${position} appears on an earlier row.`);
			seen.add(position);
			const video = findVideo(b, position);
			charges.push(configureSlot(ctx, b, video, parseVideoConfig(body, { platform: b.platform, batchItem: true })));
			imported.push(video);
		} catch (err) {
			if (!(err instanceof ApiError)) throw err;
			errors.push({ row, position, code: err.code, message: err.message });
		}
	});
	const outcome = publish ? autoPublish(ctx, b, imported) : undefined;
	return {
		status: 200,
		body: {
			data: {
				bundle_id: b.id,
				imported: imported.length,
				skipped: errors.length,
				errors,
				videos: imported.map((v) => videoView(b, v)),
			},
			...chargeSiblings(ctx, charges),
			...autoPublishSibling(outcome),
		},
	};
}

export const videoImportRoutes: Array<RouteDef<RouteContext>> = [
	{ method: 'POST', path: '/bundles/:id/videos/import-csv', handler: importCsv, body: 'multipart' },
];
