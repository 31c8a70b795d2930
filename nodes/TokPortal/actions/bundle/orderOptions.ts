import { createHash } from 'crypto';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ApiResponse } from '../../transport';
import { addedText } from './fields';
import { idempotencyKeyProblem, MAX_IDEMPOTENCY_KEY_LENGTH } from './validation';

/** The "Options" collection of the calls that spend credits or start work: create, bulk, publish. */
export function orderOptions(dryRunDescription: string): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Dry Run',
				name: 'dryRun',
				type: 'boolean',
				default: false,
				description: `Whether to only simulate the call: ${dryRunDescription}`,
			},
			{
				displayName: 'Idempotency Key',
				name: 'idempotencyKey',
				type: 'string',
				default: '',
				placeholder: 'e.g. {{ $json.rowId }}',
				description:
					'A value unique to this order, such as a spreadsheet row ID (max 255 characters). TokPortal runs a request with the same key only once: re-running the whole workflow returns the first result instead of ordering and charging again. Without it, protection only covers retries within one execution. The same key with different field values is refused, and TokPortal may repeat a refusal (e.g. not enough credits) for that key: after fixing the cause, use a new key. Not used in Dry Run.',
			},
		],
	};
}

export interface OrderOptions {
	dryRun: boolean;
	/** The user's key, not yet scoped to the operation. */
	idempotencyKey?: string;
}

/** Reads the Options collection; returns the Idempotency Key problem, if any, for validation. */
export function readOrderOptions(
	this: IExecuteFunctions,
	itemIndex: number,
): { options: OrderOptions; problems: string[] } {
	const raw = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const key = addedText(raw, 'idempotencyKey');
	const problem = idempotencyKeyProblem(key);
	return {
		options: { dryRun: raw.dryRun === true, idempotencyKey: key?.trim() },
		problems: problem ? [problem] : [],
	};
}

/**
 * The request settings for an order. The user's key is prefixed with the operation so one row ID can
 * drive several operations; a key too long for the header is hashed (still stable across runs). A dry
 * run never uses it: TokPortal could replay the simulation to the real order that follows.
 */
export function orderRequest(
	operation: string,
	options: OrderOptions,
): { headers?: Record<string, string>; idempotencyKey?: string } {
	if (options.dryRun) return { headers: { 'X-TokPortal-Dry-Run': 'true' } };
	if (options.idempotencyKey === undefined) return {};
	const prefix = `bundle.${operation}:`;
	const key = `${prefix}${options.idempotencyKey}`;
	if (key.length <= MAX_IDEMPOTENCY_KEY_LENGTH) return { idempotencyKey: key };
	return {
		idempotencyKey: `${prefix}sha256:${createHash('sha256').update(options.idempotencyKey).digest('hex')}`,
	};
}

const CHARGE_FIELDS = [
	'credits_charged',
	'credits_would_charge',
	'credits_remaining',
	'cost_breakdown',
	'dry_run',
	'dry_run_notice',
];

/** What the call cost (or would cost), kept next to the result so it lands in the same sheet row. */
export function chargeInfo(response: ApiResponse): IDataObject {
	const info: IDataObject = {};
	for (const field of CHARGE_FIELDS) {
		if (response.body[field] !== undefined) info[field] = response.body[field];
	}
	// A replay is the stored answer to the first request: its charge happened once, then.
	if (response.replayed) info.idempotent_replay = true;
	return info;
}
