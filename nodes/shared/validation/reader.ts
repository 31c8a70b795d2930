import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { AnyField, CollectionField, Values } from './fields';
import { locatorValue } from './fields';

/** Said under every validation error: an invalid item never reaches TokPortal. */
export const NOTHING_SENT =
	'Nothing was sent to TokPortal and no credits were charged. Fix the field(s), then run again.';

/** A rule found broken before anything is sent (the reader's, or one checked after a free read): the item's error. */
export function notSentError(context: { getNode(): INode }, itemIndex: number, problem: string): NodeOperationError {
	return new NodeOperationError(context.getNode(), problem, { itemIndex, description: NOTHING_SENT });
}

function isCollection(field: AnyField): field is CollectionField<Record<string, AnyField>> {
	return 'readAll' in field;
}

/**
 * Reads one item's parameters with their fields' rules and collects every problem, so the user fixes
 * them in one go. Several `read` calls can share one reader (fields that depend on another field's
 * value); `check` adds rules across fields; `done` throws one error naming each field and its rule.
 */
export class ItemReader {
	readonly problems: string[] = [];

	constructor(
		private readonly context: IExecuteFunctions,
		private readonly itemIndex: number,
	) {}

	/** The raw parameter value, or the field's fallback when it is not set (or hidden). */
	private raw(field: AnyField): unknown {
		const value = this.context.getNodeParameter(field.property.name, this.itemIndex, field.fallback);
		return field.property.type === 'resourceLocator' ? locatorValue(value) : value;
	}

	read<F extends Record<string, AnyField>>(fields: F): Values<F> {
		const values: Record<string, unknown> = {};
		for (const [key, field] of Object.entries(fields)) {
			if (isCollection(field)) {
				const { values: children, problems } = field.readAll(this.raw(field));
				this.problems.push(...problems);
				values[key] = children;
				continue;
			}
			const result = field.read(this.raw(field));
			if (result.problem !== undefined) this.problems.push(`"${field.property.displayName}" ${result.problem}`);
			else values[key] = result.value;
		}
		return values as Values<F>;
	}

	/** Rules across fields: each entry is a problem (written with the fields' quoted names) or undefined. */
	check(...problems: Array<string | undefined | false | Array<string | undefined | false>>): void {
		for (const problem of problems.flat()) if (problem) this.problems.push(problem);
	}

	done(): void {
		if (this.problems.length === 0) return;
		const message =
			this.problems.length === 1
				? this.problems[0]
				: `${this.problems.length} fields need fixing: ${this.problems.join('; ')}`;
		throw notSentError(this.context, this.itemIndex, message);
	}
}

/** Reads and validates `fields` for one item; throws one error listing every problem. */
export function readItem<F extends Record<string, AnyField>>(
	context: IExecuteFunctions,
	itemIndex: number,
	fields: F,
	check?: (values: Values<F>) => Array<string | undefined | false>,
): Values<F> {
	const reader = new ItemReader(context, itemIndex);
	const values = reader.read(fields);
	if (check && reader.problems.length === 0) reader.check(check(values));
	reader.done();
	return values;
}
