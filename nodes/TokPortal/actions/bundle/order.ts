import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { MAX_IDEMPOTENCY_KEY_LENGTH } from '../../../shared/constants';
import type { ApiResponse } from '../../../shared/transport';

export interface OrderOptions {
	dryRun?: boolean;
	/** The user's key, not yet scoped to the operation. */
	idempotencyKey?: string;
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
