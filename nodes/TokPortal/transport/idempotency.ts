import { createHash, randomUUID } from 'crypto';
import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

/**
 * The six calls whose responses carry a secret: TokPortal never stores them for replay and answers
 * 400 when they carry an Idempotency-Key, so they must never get one (and are never retried).
 */
const SECRET_RETURNING_CALLS: RegExp[] = [
	/^\/accounts\/[^/]+\/verification-code$/,
	/^\/accounts\/[^/]+\/reveal-credentials$/,
	/^\/webhooks$/,
	/^\/upload\/video$/,
	/^\/upload\/image$/,
	/^\/analytics\/export\/reports$/,
];

export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

export function isMutation(method: IHttpRequestMethods): boolean {
	return method !== 'GET' && method !== 'HEAD';
}

export function returnsSecret(method: IHttpRequestMethods, path: string): boolean {
	return method === 'POST' && SECRET_RETURNING_CALLS.some((pattern) => pattern.test(path));
}

/** Where a derived key comes from: everything that identifies "this item, in this node run". */
export interface IdempotencyScope {
	executionId?: string;
	workflowId?: string;
	nodeId: string;
	runIndex: number;
	itemIndex: number;
}

/** JSON with sorted keys, so the same body always hashes the same. */
function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.keys(value as IDataObject)
			.sort()
			.filter((key) => (value as IDataObject)[key] !== undefined)
			.map((key) => `${JSON.stringify(key)}:${canonicalJson((value as IDataObject)[key])}`);
		return `{${entries.join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/**
 * A key that is identical for every attempt of one item's request within one execution — the
 * transport's own retries and n8n's "Retry On Fail" re-runs of the node — and different for any
 * other execution, node, run, item or request. Without an execution id (nothing to anchor a
 * re-run to) the key is random: still stable across the transport's retries of this call.
 */
export function deriveIdempotencyKey(
	scope: IdempotencyScope,
	method: IHttpRequestMethods,
	path: string,
	body: IDataObject | undefined,
): string {
	if (!scope.executionId) return `n8n-${randomUUID()}`;
	const material = [
		scope.workflowId ?? '',
		scope.executionId,
		scope.nodeId,
		scope.runIndex,
		scope.itemIndex,
		method,
		path,
		canonicalJson(body ?? {}),
	].join('\n');
	return `n8n-${createHash('sha256').update(material).digest('hex')}`;
}
