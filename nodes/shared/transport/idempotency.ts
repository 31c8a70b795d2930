import { createHash, randomUUID } from 'crypto';
import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import type { TokPortalContext } from './types';

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

export function isMutation(method: IHttpRequestMethods): boolean {
	return method !== 'GET' && method !== 'HEAD';
}

export function returnsSecret(method: IHttpRequestMethods, path: string): boolean {
	return method === 'POST' && SECRET_RETURNING_CALLS.some((pattern) => pattern.test(path));
}

/**
 * What identifies one call: the n8n instance, workflow, execution, node and run, the input item,
 * the operation, and the call's ordinal among that item's mutating calls. Never an evaluated value:
 * an expression such as `{{ $now }}` gives another body on each of n8n's tries, yet it is the same
 * call and must not order twice.
 */
interface CallIdentity {
	instanceId?: string;
	workflowId?: string;
	executionId?: string;
	nodeId: string;
	runIndex: number;
	itemIndex: number;
	operation: string;
	ordinal: number;
}

/** Per node run (one n8n try): the operation and how many mutating calls each item has made. */
interface RunState {
	operation: string;
	ordinals: Map<number, number>;
	scope?: Omit<CallIdentity, 'itemIndex' | 'operation' | 'ordinal'>;
}

const runs = new WeakMap<object, RunState>();

function runState(context: TokPortalContext): RunState {
	let state = runs.get(context);
	if (!state) {
		state = { operation: 'request', ordinals: new Map() };
		runs.set(context, state);
	}
	return state;
}

/**
 * Called once at the start of every execution of the node, so that each of n8n's tries (Retry On
 * Fail, or the re-run Continue On Fail causes when item 0 failed) counts an item's calls from one
 * again and so derives the same keys as the first try.
 */
export function beginNodeRun(context: TokPortalContext, operation: string): void {
	runs.set(context, { operation, ordinals: new Map() });
}

function scopeOf(context: TokPortalContext, state: RunState): NonNullable<RunState['scope']> {
	if (state.scope) return state.scope;
	let runIndex = 0;
	if ('getWorkflowDataProxy' in context) runIndex = Number(context.getWorkflowDataProxy(0).$runIndex ?? 0);
	let executionId: string | undefined;
	try {
		executionId = context.getExecutionId() || undefined;
	} catch {
		// Loading options and webhook lifecycle calls run outside any execution.
		executionId = undefined;
	}
	let instanceId: string | undefined;
	try {
		instanceId = context.getInstanceId();
	} catch {
		// Test harnesses may run without instance settings; the execution id still anchors the key.
		instanceId = undefined;
	}
	const node = context.getNode();
	state.scope = {
		instanceId,
		workflowId: context.getWorkflow().id,
		executionId,
		nodeId: node.id ?? node.name,
		runIndex,
	};
	return state.scope;
}

/**
 * The Idempotency-Key of the next mutating call made for `itemIndex`: identical on every try of the
 * same call within one execution, different for any other call. Outside an execution (nothing to
 * anchor a retry to) the key is random, which still covers the transport's own retries.
 */
export function nextDerivedKey(context: TokPortalContext, itemIndex: number): { key: string; anchored: boolean } {
	const state = runState(context);
	const ordinal = (state.ordinals.get(itemIndex) ?? 0) + 1;
	state.ordinals.set(itemIndex, ordinal);
	const scope = scopeOf(context, state);
	if (!scope.executionId) return { key: `n8n-${randomUUID()}`, anchored: false };
	const identity: CallIdentity = { ...scope, itemIndex, operation: state.operation, ordinal };
	const material = [
		identity.instanceId ?? '',
		identity.workflowId ?? '',
		identity.executionId,
		identity.nodeId,
		identity.runIndex,
		identity.itemIndex,
		identity.operation,
		identity.ordinal,
	].join('\n');
	return { key: `n8n-${createHash('sha256').update(material).digest('hex')}`, anchored: true };
}

/** The request as first sent under a derived key. */
export interface PinnedRequest {
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
}

const PIN_TTL_MS = 60 * 60 * 1000;
const MAX_PINS = 2000;
const pins = new Map<string, { request: PinnedRequest; at: number }>();

/**
 * The request to send under a derived key: the one first sent under it, if any. A later try of the
 * same call then sends exactly the first request, so TokPortal replays the first result
 * (`Idempotent-Replayed`) instead of refusing a changed body — or, without the key, ordering again.
 * Kept in memory for an hour: n8n retries a node within seconds, in the same process.
 */
export function pinFirstRequest(key: string, request: PinnedRequest, now = Date.now()): PinnedRequest {
	const existing = pins.get(key);
	if (existing && now - existing.at < PIN_TTL_MS) return existing.request;
	pins.delete(key);
	pins.set(key, { request, at: now });
	for (const [oldest, pin] of pins) {
		if (pins.size <= MAX_PINS && now - pin.at < PIN_TTL_MS) break;
		pins.delete(oldest);
	}
	return request;
}

/** What a secret-returning call got the first time it was sent in this execution. */
export type SecretCallOutcome<Answer, Refusal> =
	| { kind: 'answered'; answer: Answer }
	| { kind: 'refused'; refusal: Refusal }
	/** Sent, but no final answer came back (lost connection, 5xx): TokPortal may have completed it. */
	| { kind: 'unknown' };

const SECRET_CALL_TTL_MS = 10 * 60 * 1000;

/**
 * Calls that return a secret carry no Idempotency-Key (TokPortal refuses one), so TokPortal cannot
 * recognise a second try of them. This remembers, in memory for a few minutes, what each such call
 * (same identity as a derived key) got when n8n's first try sent it: a later try of the same call in
 * the same execution gets that same answer or refusal back instead of sending it again, and is refused
 * when the first outcome is unknown — it may already have ended support or charged.
 */
export class SecretCalls<Answer, Refusal> {
	private readonly outcomes = new Map<string, { outcome: SecretCallOutcome<Answer, Refusal>; at: number }>();

	earlier(key: string, now = Date.now()): SecretCallOutcome<Answer, Refusal> | undefined {
		const entry = this.outcomes.get(key);
		if (entry && now - entry.at < SECRET_CALL_TTL_MS) return entry.outcome;
		this.outcomes.delete(key);
		return undefined;
	}

	record(key: string, outcome: SecretCallOutcome<Answer, Refusal>, now = Date.now()): void {
		this.outcomes.set(key, { outcome, at: now });
		for (const [oldest, entry] of this.outcomes) {
			if (now - entry.at < SECRET_CALL_TTL_MS) break;
			this.outcomes.delete(oldest);
		}
	}
}
