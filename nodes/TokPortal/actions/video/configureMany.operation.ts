import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequest, asNodeError, toEntryError } from '../../../shared/transport';
import type { ApiResponse } from '../../../shared/transport';
import { boolean, collection, date, integer, ItemReader, notice, notSentError } from '../../../shared/validation';
import { bundleId } from '../common.fields';
import type { ItemOutcome, TokPortalOperation } from '../operation';
import { chargeInfo } from '../paidCall';
import { readBundleState } from './bundleState';
import type { BundleState, CalendarEntry } from './calendar';
import { addDays, MAX_VIDEOS_PER_DAY, planCalendar, todayUtc } from './calendar';
import { videoErrors } from './common';
import { bundleProblems, calendarRequest, configurationFields, readConfiguration } from './configuration';
import type { VideoInput } from './fields';
import { autoPublish, positionField, targetPublishDateField, videoBody } from './fields';

/**
 * TokPortal takes request bodies up to 4.5 MB; a bundle's batch is split below that, by size only
 * (a batch has no documented item limit).
 */
const MAX_BATCH_BYTES = 4_000_000;

const position = positionField(
	false,
	'Empty: the next free slot of the bundle (or the slot that already has this External Reference). Or a slot number to reconfigure.',
);

const targetPublishDate = targetPublishDateField(
	false,
	'Empty: the earliest day allowed with room (at most 3 videos per day, counting what is already scheduled; 3 days ahead while the account is being created, 1 day once it exists; UTC). Or YYYY-MM-DD, checked against the same rules.',
);

const manyOptions = collection({
	name: 'options',
	displayName: 'Options',
	placeholder: 'Add Option',
	description: 'Apply per bundle: the values of its first item count',
	fields: {
		dryRun: boolean({
			name: 'dryRun',
			displayName: 'Dry Run',
			default: false,
			description:
				'Whether to send the batches as a simulation: TokPortal checks and prices them (paid options), nothing is changed or charged',
		}),
		previewOnly: boolean({
			name: 'previewOnly',
			displayName: 'Preview Only',
			default: false,
			description:
				'Whether to only compute the calendar (position and date per item) without sending anything to TokPortal; the bundles are only read',
		}),
		startDate: date({
			name: 'startDate',
			displayName: 'Start From',
			refuseBlank: true,
			placeholder: 'e.g. 2026-07-01',
			description: 'Automatic dates start no earlier than this day (YYYY-MM-DD, UTC), e.g. a campaign launch',
		}),
		videosPerDay: integer({
			name: 'videosPerDay',
			displayName: 'Videos per Day',
			min: 1,
			max: MAX_VIDEOS_PER_DAY,
			default: MAX_VIDEOS_PER_DAY,
			description: `At most this many videos per day when dates are automatic (1–${MAX_VIDEOS_PER_DAY}; TokPortal allows ${MAX_VIDEOS_PER_DAY})`,
		}),
	},
});

/** One valid input item: which bundle, which slot (if given) and what to post. */
interface Row {
	itemIndex: number;
	bundleId: string;
	position?: number;
	input: VideoInput;
}

interface Group {
	bundleId: string;
	rows: Row[];
	/** The first item of the bundle: its settings apply, and it anchors the idempotency keys. */
	first: number;
	autoPublish: boolean;
	options: ReturnType<typeof manyOptions.readAll>['values'];
	bundle?: BundleState;
}

function readRow(context: IExecuteFunctions, itemIndex: number): Row {
	return { itemIndex, ...readConfiguration(context, itemIndex, targetPublishDate, { bundleId, position }) };
}

function readGroupSettings(context: IExecuteFunctions, group: Group): void {
	const reader = new ItemReader(context, group.first);
	const values = reader.read({ autoPublish, options: manyOptions });
	reader.done();
	group.autoPublish = values.autoPublish;
	group.options = values.options;
}

function groupsOf(rows: Row[]): Group[] {
	const groups = new Map<string, Group>();
	for (const row of rows) {
		const group = groups.get(row.bundleId);
		if (group) group.rows.push(row);
		else groups.set(row.bundleId, { bundleId: row.bundleId, rows: [row], first: row.itemIndex, autoPublish: false, options: {} });
	}
	return [...groups.values()];
}

/** Splits a bundle's videos into batches below TokPortal's body limit, keeping their order. */
function chunks<T>(entries: Array<{ body: IDataObject; row: T }>): Array<Array<{ body: IDataObject; row: T }>> {
	const result: Array<Array<{ body: IDataObject; row: T }>> = [];
	let current: Array<{ body: IDataObject; row: T }> = [];
	let size = 0;
	for (const entry of entries) {
		const bytes = Buffer.byteLength(JSON.stringify(entry.body)) + 1;
		if (current.length > 0 && size + bytes > MAX_BATCH_BYTES) {
			result.push(current);
			current = [];
			size = 0;
		}
		current.push(entry);
		size += bytes;
	}
	if (current.length > 0) result.push(current);
	return result;
}

interface Planned {
	row: Row;
	entry: CalendarEntry;
	body: IDataObject;
}

function previewItem(group: Group, planned: Planned): IDataObject {
	const { entry, row, body } = planned;
	return {
		preview: true,
		bundle_id: group.bundleId,
		position: entry.position,
		target_publish_date: entry.date,
		target_publish_end_date: addDays(entry.date, 1),
		video_type: row.input.videoType,
		auto_position: entry.automaticPosition,
		auto_date: entry.automaticDate,
		...(body.external_ref !== undefined ? { external_ref: body.external_ref } : {}),
	};
}

/** The answer's configured slots and refused entries, matched to the batch's rows by their index. */
function answerFor(
	context: IExecuteFunctions,
	group: Group,
	batch: Planned[],
	response: ApiResponse,
): Array<[number, ItemOutcome]> {
	const data = (response.body.data ?? {}) as IDataObject;
	const configured = Array.isArray(data.configured) ? (data.configured as IDataObject[]) : [];
	const refused = Array.isArray(data.errors) ? (data.errors as IDataObject[]) : [];
	const refusedAt = new Map(refused.map((error) => [Number(error.index), error]));
	const accepted = batch.filter((_, index) => !refusedAt.has(index));
	const info: IDataObject = { ...chargeInfo(response), request_id: response.requestId };
	if (response.body.auto_publish !== undefined) info.auto_publish = response.body.auto_publish;
	const byPosition = new Map(configured.map((slot) => [Number(slot.position), slot]));
	const sameOrder = configured.length === accepted.length;
	return batch.map((planned, index): [number, ItemOutcome] => {
		const { row, entry } = planned;
		const error = refusedAt.get(index);
		if (error) {
			return [
				row.itemIndex,
				{
					error: toEntryError(
						context.getNode(),
						{
							entry: `Video ${String(error.position ?? entry.position)} of bundle ${group.bundleId}`,
							code: typeof error.code === 'string' ? error.code : undefined,
							message: typeof error.message === 'string' ? error.message : undefined,
							details: (error.details ?? undefined) as IDataObject | undefined,
							requestId: response.requestId,
							secrets: [],
							note: accepted.length > 0 ? `${accepted.length} other video(s) of this request were configured.` : undefined,
						},
						row.itemIndex,
					),
				},
			];
		}
		const slot = (sameOrder ? configured[accepted.indexOf(planned)] : byPosition.get(entry.position)) ?? {};
		return [
			row.itemIndex,
			{
				json: {
					bundle_id: group.bundleId,
					...slot,
					auto_position: entry.automaticPosition,
					auto_date: entry.automaticDate,
					batch: info,
				},
			},
		];
	});
}

async function send(context: IExecuteFunctions, group: Group, planned: Planned[]): Promise<Array<[number, ItemOutcome]>> {
	const results: Array<[number, ItemOutcome]> = [];
	for (const batch of chunks(planned.map((entry) => ({ body: { position: entry.entry.position, ...entry.body }, row: entry })))) {
		const body: IDataObject = { videos: batch.map((entry) => entry.body) };
		if (group.autoPublish) body.auto_publish = true;
		const rows = batch.map((entry) => entry.row);
		try {
			const response = await apiRequest.call(context, {
				method: 'PUT',
				path: apiPath`/bundles/${group.bundleId}/videos/batch`,
				body,
				itemIndex: group.first,
				...(group.options.dryRun ? { headers: { 'X-TokPortal-Dry-Run': 'true' } } : {}),
			});
			results.push(...answerFor(context, group, rows, response));
		} catch (error) {
			results.push(...rows.map((row): [number, ItemOutcome] => [row.row.itemIndex, { error: error as Error }]));
		}
	}
	return results;
}

/** Reads a bundle and plans its calendar; every problem stays with its item. */
async function plan(context: IExecuteFunctions, group: Group): Promise<{ planned: Planned[]; problems: Array<[number, Error]> }> {
	readGroupSettings(context, group);
	const bundle = await readBundleState(context, group.bundleId, group.first);
	const calendar = planCalendar(
		bundle,
		group.rows.map((row) => calendarRequest(row.itemIndex, row.position, row.input)),
		{ today: todayUtc(), videosPerDay: group.options.videosPerDay, startDate: group.options.startDate },
	);
	const planned: Planned[] = [];
	const problems: Array<[number, Error]> = [];
	for (const row of group.rows) {
		const result = calendar.get(row.itemIndex)!;
		const rowProblems = bundleProblems(row.input, bundle.platform, result.problem);
		if (rowProblems.length > 0) problems.push([row.itemIndex, notSentError(context, row.itemIndex, rowProblems.join('; '))]);
		else planned.push({ row, entry: result.entry!, body: videoBody(row.input, result.entry!.date) });
	}
	return { planned, problems };
}

async function executeAll(this: IExecuteFunctions, itemCount: number): Promise<ItemOutcome[]> {
	const outcomes = new Map<number, ItemOutcome>();
	const rows: Row[] = [];
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		try {
			rows.push(readRow(this, itemIndex));
		} catch (caught) {
			const error = asNodeError(this.getNode(), caught, itemIndex);
			// Without Continue On Fail the run stops here, before anything is sent for any item.
			if (!this.continueOnFail()) throw error;
			outcomes.set(itemIndex, { error });
		}
	}

	const groups = groupsOf(rows);
	const plans: Array<{ group: Group; planned: Planned[] }> = [];
	for (const group of groups) {
		try {
			const { planned, problems } = await plan(this, group);
			if (problems.length > 0 && !this.continueOnFail()) throw problems[0][1];
			for (const [itemIndex, error] of problems) outcomes.set(itemIndex, { error });
			plans.push({ group, planned });
		} catch (caught) {
			const error = asNodeError(this.getNode(), caught, group.first);
			if (!this.continueOnFail()) throw error;
			for (const row of group.rows) if (!outcomes.has(row.itemIndex)) outcomes.set(row.itemIndex, { error });
		}
	}

	for (const { group, planned } of plans) {
		if (group.options.previewOnly) {
			for (const entry of planned) outcomes.set(entry.row.itemIndex, { json: previewItem(group, entry) });
		} else if (planned.length > 0) {
			const sent = await send(this, group, planned);
			// Like any node without Continue On Fail: the run stops at the first failure, nothing more is sent.
			const failure = sent.find(([, outcome]) => 'error' in outcome)?.[1];
			if (failure && 'error' in failure && !this.continueOnFail()) throw failure.error;
			for (const [itemIndex, outcome] of sent) outcomes.set(itemIndex, outcome);
		}
	}
	return Array.from({ length: itemCount }, (_, itemIndex) => outcomes.get(itemIndex)!);
}

export const configureMany: TokPortalOperation = {
	option: {
		name: 'Configure Many',
		value: 'configureMany',
		action: 'Configure many videos as a calendar',
		description:
			'Turn rows into a posting calendar: every input item is one video, all the items of a bundle go to TokPortal in one request, and empty positions and dates are filled with the next free slots and the earliest days TokPortal allows (at most 3 per day). Preview Only shows the calendar without sending.',
	},
	fields: [
		notice(
			'configureManyNotice',
			'One request per bundle for all its items. Empty Position → the next free slot (or the slot already carrying the item’s External Reference, so re-running the same rows updates them instead of filling new slots). Empty Target Publish Date → the earliest allowed day with room: 3 days ahead while the account is being created, 1 day once it exists, at most 3 videos per day counting those already scheduled (UTC).',
		),
		bundleId,
		position,
		...configurationFields(targetPublishDate),
		manyOptions,
	],
	errors: videoErrors,
	executeAll,
};
