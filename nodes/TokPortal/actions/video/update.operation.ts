import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { MAX_TEXT_LENGTH } from '../../../shared/constants';
import { apiPath, apiRequest } from '../../../shared/transport';
import { boolean, collection, date, notSentError, readItem, text } from '../../../shared/validation';
import { clearableText, setAndClearProblem, setOrClear } from '../clearable';
import type { TokPortalOperation } from '../operation';
import type { BundleState } from './calendar';
import { dayCounts, dayFullProblem, leadTimeProblem, MAX_VIDEOS_PER_DAY, todayUtc } from './calendar';
import { readBundleState } from './bundleState';
import { slotFields, videoErrors } from './common';

function day(name: string, displayName: string, description: string) {
	return date({ name, displayName, refuseBlank: true, placeholder: 'e.g. 2026-06-05', description });
}

const updateFields = collection({
	name: 'updateFields',
	displayName: 'Update Fields',
	placeholder: 'Add Field',
	description:
		'At least one is required. Name and External Reference can change at any time; Description and dates only until the video is posted.',
	fields: {
		clearExternalRef: boolean({
			name: 'clearExternalRef',
			displayName: 'Clear External Reference',
			default: true,
			description: 'Whether to remove the video’s External Reference',
		}),
		clearName: boolean({
			name: 'clearName',
			displayName: 'Clear Name',
			default: true,
			description: 'Whether to remove the video’s name (TokPortal then shows "Video N")',
		}),
		description: text({
			name: 'description',
			displayName: 'Description',
			rows: 3,
			refuseBlank: true,
			placeholder: 'e.g. New drop this Friday #streetstyle',
			description: 'A new caption (videos and carousels; not stories)',
		}),
		externalRef: clearableText({
			of: 'video',
			name: 'externalRef',
			displayName: 'External Reference',
			description: `Your own ID for this video (max ${MAX_TEXT_LENGTH} characters)`,
		}),
		name: clearableText({
			of: 'video',
			name: 'name',
			displayName: 'Name',
			description: `An internal name for the video (max ${MAX_TEXT_LENGTH} characters)`,
		}),
		targetPublishDate: day(
			'targetPublishDate',
			'Target Publish Date',
			'A new first day of the 2-day posting window (the video is posted that day or the next), YYYY-MM-DD in UTC',
		),
		windowEndDate: day('windowEndDate', 'Window End Date', 'The last day of an explicit posting window (instead of Target Publish Date)'),
		windowStartDate: day(
			'windowStartDate',
			'Window Start Date',
			'The first day of an explicit posting window (instead of Target Publish Date); with Window End Date',
		),
	},
});

type Fields = ReturnType<typeof updateFields.readAll>['values'];

const UNPOSTED = ['configured', 'published', 'accepted'];

/** New dates follow the calendar rules: lead time (UTC) and 3 videos per day, this video not counted. */
function dateProblems(bundle: BundleState, position: number, fields: Fields): string[] {
	const slot = bundle.slots.find((candidate) => candidate.position === position);
	if (!slot) return [];
	if (!UNPOSTED.includes(slot.status)) {
		return [`Video ${position} is ${slot.status}: its description and dates can only change while it is configured, published or accepted (not yet posted)`];
	}
	const today = todayUtc();
	const problems: string[] = [];
	const start = fields.targetPublishDate ?? fields.windowStartDate;
	const startLabel = fields.targetPublishDate !== undefined ? 'Target Publish Date' : 'Window Start Date';
	if (start !== undefined && start !== slot.targetPublishDate) {
		const early = leadTimeProblem(bundle, start, today, startLabel);
		const count = dayCounts(bundle, new Set([position])).get(start) ?? 0;
		if (early) problems.push(early);
		else if (count >= MAX_VIDEOS_PER_DAY) problems.push(dayFullProblem(start, count));
	}
	if (fields.windowEndDate !== undefined) {
		const early = leadTimeProblem(bundle, fields.windowEndDate, today, 'Window End Date');
		if (early) problems.push(early);
	}
	return problems;
}

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readItem(this, itemIndex, { ...slotFields, updateFields }, ({ updateFields: fields }) => [
		Object.values(fields).every((value) => value === undefined || value === false) &&
			'Add at least one field to update under "Update Fields" (or turn on a Clear option)',
		setAndClearProblem('Name', fields.name, fields.clearName),
		setAndClearProblem('External Reference', fields.externalRef, fields.clearExternalRef),
		fields.targetPublishDate !== undefined && (fields.windowStartDate !== undefined || fields.windowEndDate !== undefined) &&
			'Give either "Target Publish Date" (a 2-day window) or "Window Start Date"/"Window End Date", not both',
		fields.windowStartDate !== undefined && fields.windowEndDate !== undefined && fields.windowEndDate < fields.windowStartDate &&
			`"Window End Date" (${fields.windowEndDate}) cannot be before "Window Start Date" (${fields.windowStartDate})`,
	]);
	const fields = input.updateFields;
	const changesContent = [fields.description, fields.targetPublishDate, fields.windowStartDate, fields.windowEndDate].some(
		(value) => value !== undefined,
	);
	if (changesContent) {
		const bundle = await readBundleState(this, input.bundleId, itemIndex);
		const problems = dateProblems(bundle, input.position, fields);
		const slot = bundle.slots.find((candidate) => candidate.position === input.position);
		const storyDescription = fields.description !== undefined && slot?.videoType === 'story';
		if (storyDescription) problems.push('A story has no description: remove "Description"');
		if (problems.length > 0) throw notSentError(this, itemIndex, problems.join('; '));
	}
	const body: IDataObject = {};
	setOrClear(body, 'name', fields.name, fields.clearName);
	setOrClear(body, 'external_ref', fields.externalRef, fields.clearExternalRef);
	if (fields.description !== undefined) body.description = fields.description;
	if (fields.targetPublishDate !== undefined) body.target_publish_date = fields.targetPublishDate;
	if (fields.windowStartDate !== undefined) body.target_publish_start_date = fields.windowStartDate;
	if (fields.windowEndDate !== undefined) body.target_publish_end_date = fields.windowEndDate;
	const response = await apiRequest.call(this, {
		method: 'PATCH',
		path: apiPath`/bundles/${input.bundleId}/videos/${input.position}`,
		body,
		itemIndex,
	});
	return (response.body.data ?? {}) as IDataObject;
}

export const update: TokPortalOperation = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a video',
		description:
			'Change a video’s name or External Reference (any time), or its description and target dates (until it is posted). New dates follow the calendar rules. Free.',
	},
	fields: [slotFields.bundleId, slotFields.position, updateFields],
	errors: videoErrors,
	execute,
};
