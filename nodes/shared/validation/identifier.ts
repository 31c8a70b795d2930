import { toIdentifier } from './coerce';
import type { Field, TextSpec } from './fields';
import { field } from './fields';

type IdSpec = Pick<TextSpec, 'name' | 'displayName' | 'description' | 'hint' | 'placeholder' | 'displayOptions' | 'refuseBlank'>;

/**
 * A typed-in ID that becomes one path segment of a request, for things TokPortal has no list to pick
 * from (a warming session): the same rules as a resource locator's By ID mode.
 */
export function idText<R extends boolean = false>(spec: IdSpec & { required?: R }): Field<string, R> {
	return field(
		spec,
		{ type: 'string', default: '' },
		{ kind: 'id', required: spec.required === true, refuseBlank: spec.refuseBlank },
		toIdentifier,
	);
}
