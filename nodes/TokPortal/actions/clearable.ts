import type { IDataObject } from 'n8n-workflow';

import { MAX_TEXT_LENGTH } from '../../shared/constants';
import { text } from '../../shared/validation';

/**
 * Update fields that can be removed. An empty value never clears one by accident (e.g. a missing sheet
 * column): clearing is explicit, with the field's own "Clear …" switch.
 */

/** A text of an Update that an empty value does not clear; `of` is what it is removed from. */
export function clearableText(spec: { of: string; name: string; displayName: string; description: string }) {
	const { of, ...common } = spec;
	return text({
		...common,
		maxLength: MAX_TEXT_LENGTH,
		refuseBlank: true,
		blankRule: `is empty. To remove it from the ${of}, use "Clear ${spec.displayName}" instead`,
	});
}

/** A field and its "Clear …" switch together contradict each other: refused before anything is sent. */
export function setAndClearProblem(displayName: string, value: unknown, clear: boolean | undefined): string | false {
	return Boolean(clear) && value !== undefined && `"${displayName}" and "Clear ${displayName}" cannot be used together: remove one`;
}

/** Puts a field in the request body: null when its Clear switch is on, else its value when one was given. */
export function setOrClear(body: IDataObject, key: string, value: IDataObject[string] | undefined, clear: boolean | undefined): void {
	if (clear) body[key] = null;
	else if (value !== undefined) body[key] = value;
}
