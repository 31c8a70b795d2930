import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

const FIELD_NAMES = { bundleId: 'Bundle', accountId: 'Delivered Account' } as const;

/**
 * The id chosen in a Bundle / Delivered Account locator, whichever mode (list or ID) the user
 * picked. An expression that resolves to nothing would otherwise fail deep in the transport with
 * "Invalid identifier"; this names the field.
 */
export function locatorId(this: IExecuteFunctions, name: keyof typeof FIELD_NAMES, itemIndex: number): string {
	const value = this.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	const id = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (id === '') {
		const field = FIELD_NAMES[name];
		throw new NodeOperationError(this.getNode(), `"${field}" is required`, {
			itemIndex,
			description: `Pick a ${field.toLowerCase()} from the list, or enter its ID (for an expression, check that it resolves to an ID for this item). Nothing was sent to TokPortal.`,
		});
	}
	return id;
}
