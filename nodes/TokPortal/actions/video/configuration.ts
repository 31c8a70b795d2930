import type { IExecuteFunctions } from 'n8n-workflow';

import type { AnyField, Field, Values } from '../../../shared/validation';
import { ItemReader } from '../../../shared/validation';
import type { CalendarRequest } from './calendar';
import type { VideoInput } from './fields';
import {
	additionalContent,
	autoPublish,
	carouselImages,
	description,
	platformProblems,
	readVideoInput,
	storyImageUrl,
	videoType,
	videoUrl,
} from './fields';

/**
 * What Configure and Configure Many share: one video's configuration in the panel, read for one item,
 * and checked once its bundle is read. Each operation has its own Position, Target Publish Date
 * (required, or empty for the earliest day) and options.
 */

/** The configuration's fields in panel order, Auto Publish before Additional Fields. */
export function configurationFields(targetPublishDate: Field<string, boolean>): AnyField[] {
	return [videoType, description, videoUrl, carouselImages, storyImageUrl, targetPublishDate, autoPublish, additionalContent];
}

/**
 * Reads one item's configuration and the operation's own `fields`, checking everything that does not
 * need the bundle; throws one error naming every problem. An invalid Video Type stops there: the
 * other fields' rules depend on it.
 */
export function readConfiguration<F extends Record<string, AnyField>>(
	context: IExecuteFunctions,
	itemIndex: number,
	targetPublishDate: Field<string, boolean>,
	fields: F,
): Values<F> & { input: VideoInput } {
	const reader = new ItemReader(context, itemIndex);
	const input = readVideoInput(reader, targetPublishDate);
	if (input === undefined) reader.done();
	const values = reader.read(fields);
	reader.done();
	return { ...values, input: input! };
}

/** What the calendar needs of a configuration to place it. */
export function calendarRequest(key: number, position: number | undefined, input: VideoInput): CalendarRequest {
	return {
		key,
		position,
		date: input.targetPublishDate,
		externalRef: input.extra.externalRef,
		editing: input.extra.editingInstructions !== undefined,
	};
}

/** What rules a configuration out once its bundle is read: the platform's rules, then the calendar's. */
export function bundleProblems(input: VideoInput, platform: string | undefined, calendarProblem: string | undefined): string[] {
	return [...platformProblems(input, platform), calendarProblem].filter((problem): problem is string => Boolean(problem));
}
