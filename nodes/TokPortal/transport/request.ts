import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { CLIENT_HEADER_VALUE, CREDENTIAL_NAME, DEFAULT_BASE_URL, REQUEST_ID_HEADER } from './constants';
import { asNodeError, toNetworkError, toNodeApiError } from './errors';
import type { IdempotencyScope } from './idempotency';
import {
	deriveIdempotencyKey,
	isMutation,
	MAX_IDEMPOTENCY_KEY_LENGTH,
	returnsSecret,
} from './idempotency';
import type { RateLimiter } from './rateLimiter';
import { rateLimiterFor } from './rateLimiter';
import type { RetryPolicy } from './retry';
import { DEFAULT_RETRY_POLICY, isRetryableStatus, parseRetryAfterMs, retryDelayMs } from './retry';

export type TokPortalContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions;

export interface ApiRequestOptions {
	method: IHttpRequestMethods;
	/** Path below the base URL, built with apiPath`…` so ids are encoded. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** Extra headers, e.g. X-TokPortal-Dry-Run. */
	headers?: Record<string, string>;
	/** The input item this request is made for: anchors the idempotency key and error messages. */
	itemIndex?: number;
	/** A caller-chosen Idempotency-Key (e.g. derived from a sheet row); otherwise one is derived. */
	idempotencyKey?: string;
	retry?: Partial<RetryPolicy>;
}

export interface RateLimitState {
	limit?: number;
	remaining?: number;
	/** Unix seconds at which the bucket is full again. */
	resetAt?: number;
}

export interface ApiResponse {
	/** The whole envelope: `data` plus siblings such as `pagination` or `credits_charged`. */
	body: IDataObject;
	statusCode: number;
	requestId?: string;
	/** True when TokPortal answered from its idempotency ledger (nothing executed twice). */
	replayed: boolean;
	rateLimit: RateLimitState;
}

interface FullResponse {
	body: unknown;
	headers: Record<string, unknown>;
	statusCode: number;
}

function headerValue(headers: Record<string, unknown>, name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	if (Array.isArray(value)) return value.length ? String(value[0]) : undefined;
	return value === undefined || value === null ? undefined : String(value);
}

function numberHeader(headers: Record<string, unknown>, name: string): number | undefined {
	const value = headerValue(headers, name);
	return value !== undefined && value !== '' && !Number.isNaN(Number(value)) ? Number(value) : undefined;
}

interface Connection {
	baseUrl: string;
	limiter: RateLimiter;
}

export async function getBaseUrl(this: TokPortalContext): Promise<string> {
	return (await connection.call(this)).baseUrl;
}

async function connection(this: TokPortalContext): Promise<Connection> {
	const credentials = await this.getCredentials<{ baseUrl?: string; apiKey?: string }>(CREDENTIAL_NAME);
	const baseUrl = (credentials.baseUrl ?? '').trim() || DEFAULT_BASE_URL;
	if (!/^https?:\/\/[^\s/]+/i.test(baseUrl)) {
		throw new NodeOperationError(
			this.getNode(),
			`The Base URL "${baseUrl}" in the TokPortal API credential is not a valid http(s) URL`,
			{ description: `Use ${DEFAULT_BASE_URL}, or your simulator's URL ending in /api/ext.` },
		);
	}
	const normalized = baseUrl.replace(/\/+$/, '');
	return { baseUrl: normalized, limiter: rateLimiterFor(normalized, String(credentials.apiKey ?? '')) };
}

/** Run-scoped identity of the calling node, computed once per node execution. */
const scopeCache = new WeakMap<object, Omit<IdempotencyScope, 'itemIndex'>>();

function idempotencyScope(context: TokPortalContext, itemIndex: number): IdempotencyScope {
	let scope = scopeCache.get(context);
	if (!scope) {
		let runIndex = 0;
		if ('getWorkflowDataProxy' in context) {
			runIndex = Number(context.getWorkflowDataProxy(0).$runIndex ?? 0);
		}
		let executionId: string | undefined;
		try {
			executionId = context.getExecutionId() || undefined;
		} catch {
			// Some contexts (e.g. loading options) have no execution: fall back to a random key.
			executionId = undefined;
		}
		scope = {
			executionId,
			workflowId: context.getWorkflow().id,
			nodeId: context.getNode().id ?? context.getNode().name,
			runIndex,
		};
		scopeCache.set(context, scope);
	}
	return { ...scope, itemIndex };
}

function isNetworkFailure(error: unknown): { code?: string; message?: string } | undefined {
	const candidates = [error, (error as { cause?: unknown })?.cause];
	for (const candidate of candidates) {
		if (candidate && typeof candidate === 'object') {
			const { code, isAxiosError, response } = candidate as {
				code?: unknown;
				isAxiosError?: boolean;
				response?: unknown;
			};
			if ((isAxiosError || typeof code === 'string') && !response) {
				return { code: typeof code === 'string' ? code : undefined };
			}
		}
	}
	return undefined;
}

function wasCancelled(context: TokPortalContext): boolean {
	return 'getExecutionCancelSignal' in context && context.getExecutionCancelSignal()?.aborted === true;
}

/**
 * The one place that talks to TokPortal. Authenticates through n8n's credential system, adds the
 * client headers, gives every mutation an Idempotency-Key (except the six secret-returning calls),
 * retries transient failures — GETs always, mutations only when they carry a key, so a retry can
 * never create or charge twice — and turns failures into NodeApiErrors that never contain the key.
 */
export async function apiRequest(
	this: TokPortalContext,
	options: ApiRequestOptions,
): Promise<ApiResponse> {
	const node = this.getNode();
	const itemIndex = options.itemIndex ?? 0;
	const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
	const { baseUrl, limiter } = await connection.call(this);

	const headers: Record<string, string> = {
		Accept: 'application/json',
		'X-TokPortal-Client': CLIENT_HEADER_VALUE,
		...options.headers,
	};
	if (options.body !== undefined) headers['Content-Type'] = 'application/json';

	let idempotencyKey: string | undefined;
	if (isMutation(options.method) && !returnsSecret(options.method, options.path)) {
		idempotencyKey =
			options.idempotencyKey ??
			deriveIdempotencyKey(idempotencyScope(this, itemIndex), options.method, options.path, options.body);
		if (idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
			throw new NodeOperationError(
				node,
				`The Idempotency Key is ${idempotencyKey.length} characters long; TokPortal accepts at most ${MAX_IDEMPOTENCY_KEY_LENGTH}`,
				{ itemIndex, description: 'Use a shorter value, such as a row ID.' },
			);
		}
		headers['Idempotency-Key'] = idempotencyKey;
	}
	const canRetry = !isMutation(options.method) || idempotencyKey !== undefined;

	const request: IHttpRequestOptions = {
		method: options.method,
		url: `${baseUrl}${options.path}`,
		qs: options.qs,
		body: options.body,
		headers,
		json: true,
		arrayFormat: 'repeat',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: 60_000,
	};

	for (let attempt = 1; ; attempt++) {
		let response: FullResponse;
		await limiter.acquire();
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				CREDENTIAL_NAME,
				{ ...request, headers: { ...headers } },
			)) as FullResponse;
		} catch (error) {
			limiter.release();
			const network = isNetworkFailure(error);
			if (!network) throw asNodeError(node, error, itemIndex);
			if (canRetry && attempt < policy.maxAttempts && !wasCancelled(this)) {
				await sleep(retryDelayMs(attempt, undefined, policy));
				continue;
			}
			throw toNetworkError(node, baseUrl, network, itemIndex);
		}

		const requestId = headerValue(response.headers, REQUEST_ID_HEADER);
		const rateLimit: RateLimitState = {
			limit: numberHeader(response.headers, 'x-ratelimit-limit'),
			remaining: numberHeader(response.headers, 'x-ratelimit-remaining'),
			resetAt: numberHeader(response.headers, 'x-ratelimit-reset'),
		};
		const retryAfterMs = parseRetryAfterMs(response.headers['retry-after']);
		limiter.observe(rateLimit, response.statusCode === 429 ? retryAfterMs : undefined);
		const replayed = headerValue(response.headers, 'idempotent-replayed') === 'true';
		if (response.statusCode >= 200 && response.statusCode < 300) {
			return {
				body: (response.body ?? {}) as IDataObject,
				statusCode: response.statusCode,
				requestId,
				replayed,
				rateLimit,
			};
		}

		if (
			canRetry &&
			isRetryableStatus(response.statusCode) &&
			attempt < policy.maxAttempts &&
			!wasCancelled(this)
		) {
			this.logger?.debug(
				`TokPortal answered ${response.statusCode} to ${options.method} ${options.path}; retry ${attempt} of ${policy.maxAttempts - 1}`,
			);
			await sleep(retryDelayMs(attempt, retryAfterMs, policy));
			continue;
		}
		throw toNodeApiError(
			node,
			{
				status: response.statusCode,
				body: response.body,
				requestId,
				retryAfterSeconds: retryAfterMs === undefined ? undefined : retryAfterMs / 1000,
				replayed,
			},
			itemIndex,
		);
	}
}
