import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { MAX_IDEMPOTENCY_KEY_LENGTH } from '../../shared/constants';
import type { ApiResponse } from '../../shared/transport';
import { boolean, collection, text } from '../../shared/validation';

/**
 * What every call that spends credits or starts paid work shares: the Options collection (Dry Run and
 * the user's Idempotency Key), the request settings they give, and the charge kept on the output.
 */


export interface OrderOptions {
	dryRun?: boolean;
	/** The user's key, not yet scoped to the operation. */
	idempotencyKey?: string;
}

/**
 * The request settings for a paid call (`call` names it, e.g. `bundle.create`). The user's key is
 * prefixed with the call so one row ID can drive several operations; a key too long for the header,
 * or with characters a header cannot carry, is hashed (still stable across runs). A dry run never uses it: TokPortal could replay the simulation
 * to the real order that follows.
 */
export function paidRequest(
	call: string,
	options: OrderOptions,
): { headers?: Record<string, string>; idempotencyKey?: string } {
	if (options.dryRun) return { headers: { 'X-TokPortal-Dry-Run': 'true' } };
	if (options.idempotencyKey === undefined) return {};
	const prefix = `${call}:`;
	const key = `${prefix}${options.idempotencyKey}`;
	// HTTP headers carry printable ASCII only: any other character would be dropped on the way, and two
	// different keys could become the same one.
	if (key.length <= MAX_IDEMPOTENCY_KEY_LENGTH && /^[\x20-\x7e]+$/.test(key)) return { idempotencyKey: key };
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

/** The Options of calls that spend credits or start work: Dry Run and the user's Idempotency Key. */
export function paidCallOptions(dryRunDescription: string) {
	return collection({
		name: 'options',
		displayName: 'Options',
		placeholder: 'Add Option',
		fields: {
			dryRun: boolean({
				name: 'dryRun',
				displayName: 'Dry Run',
				default: false,
				description: `Whether to only simulate the call: ${dryRunDescription}`,
			}),
			idempotencyKey: text({
				name: 'idempotencyKey',
				displayName: 'Idempotency Key',
				maxLength: MAX_IDEMPOTENCY_KEY_LENGTH,
				refuseBlank: true,
				placeholder: 'e.g. {{ $json.rowId }}',
				description: `A value unique to this order, such as a spreadsheet row ID (max ${MAX_IDEMPOTENCY_KEY_LENGTH} characters). TokPortal runs a request with the same key only once: re-running the whole workflow returns the first result instead of ordering and charging again. Without it, protection only covers retries within one execution. The same key with different field values is refused, and TokPortal may repeat a refusal (e.g. not enough credits) for that key: after fixing the cause, use a new key. Not used in Dry Run.`,
			}),
		},
	});
}
