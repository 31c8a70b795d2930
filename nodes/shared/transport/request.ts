import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { CREDENTIAL_NAME } from '../constants';
import type { Connection } from './connection';
import { connect } from './connection';
import { asNodeError, toNetworkError, toNodeApiError, toRetryLaterError } from './errors';
import { clientHeaders, rateLimitOf, requestIdOf, wasReplayed } from './headers';
import { isMutation, nextDerivedKey, pinFirstRequest, returnsSecret } from './idempotency';
import { networkFailureOf } from './network';
import type { RetryPolicy } from './retry';
import { DEFAULT_RETRY_POLICY, isRetryableStatus, parseRetryAfterMs, retryDelayMs } from './retry';
import type { ApiRequestOptions, ApiResponse, TokPortalContext } from './types';

interface FullResponse {
	body: unknown;
	headers: Record<string, unknown>;
	statusCode: number;
}

function wasCancelled(context: TokPortalContext): boolean {
	return 'getExecutionCancelSignal' in context && context.getExecutionCancelSignal()?.aborted === true;
}

/** The Idempotency-Key of a call and the request to send under it (see pinFirstRequest). */
function idempotency(
	context: TokPortalContext,
	options: ApiRequestOptions,
	itemIndex: number,
): { key?: string; derived: boolean; request: Pick<ApiRequestOptions, 'path' | 'qs' | 'body'> } {
	const request = { path: options.path, qs: options.qs, body: options.body };
	if (!isMutation(options.method) || returnsSecret(options.method, options.path)) return { derived: false, request };
	if (options.idempotencyKey !== undefined) return { key: options.idempotencyKey, derived: false, request };
	const { key, anchored } = nextDerivedKey(context, itemIndex);
	return { key, derived: true, request: anchored ? pinFirstRequest(key, request) : request };
}

/**
 * The one place that talks to TokPortal. Authenticates through n8n's credential system, adds the
 * client headers, gives every mutation an Idempotency-Key (except the six secret-returning calls),
 * retries transient failures — GETs always, mutations only when they carry a key, so a retry can
 * never create or charge twice — and turns failures into NodeApiErrors that never contain a secret.
 */
export async function apiRequest(this: TokPortalContext, options: ApiRequestOptions): Promise<ApiResponse> {
	return await requestOn.call(this, await connect(this), options);
}

/** apiRequest over a connection already made (a list reads its credential once for all its pages). */
export async function requestOn(
	this: TokPortalContext,
	connection: Connection,
	options: ApiRequestOptions,
): Promise<ApiResponse> {
	const node = this.getNode();
	const itemIndex = options.itemIndex ?? 0;
	const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
	const { baseUrl, limiter, secrets, credential } = connection;

	const { key, derived, request: sent } = idempotency(this, options, itemIndex);
	const headers = clientHeaders(options.headers, sent.body !== undefined);
	if (key !== undefined) headers['Idempotency-Key'] = key;
	const canRetry = !isMutation(options.method) || key !== undefined;

	const request: IHttpRequestOptions = {
		method: options.method,
		url: `${baseUrl}${sent.path}`,
		qs: sent.qs,
		body: sent.body,
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
				{ credentialsDecrypted: credential },
			)) as FullResponse;
		} catch (error) {
			limiter.release();
			const network = networkFailureOf(error);
			if (!network) throw asNodeError(node, error, itemIndex, secrets);
			if (canRetry && attempt < policy.maxAttempts && !wasCancelled(this)) {
				await sleep(retryDelayMs(attempt, undefined, policy));
				continue;
			}
			throw toNetworkError(node, baseUrl, network, { retriedSafely: canRetry, itemIndex });
		}

		const requestId = requestIdOf(response.headers);
		const rateLimit = rateLimitOf(response.headers);
		const retryAfterMs = parseRetryAfterMs(response.headers['retry-after']);
		limiter.observe(rateLimit, response.statusCode === 429 ? retryAfterMs : undefined);
		const replayed = wasReplayed(response.headers);
		if (response.statusCode >= 200 && response.statusCode < 300) {
			return { body: (response.body ?? {}) as IDataObject, statusCode: response.statusCode, requestId, replayed, rateLimit };
		}

		const failure = {
			status: response.statusCode,
			body: response.body,
			requestId,
			retryAfterSeconds: retryAfterMs === undefined ? undefined : retryAfterMs / 1000,
			replayed,
			derivedKey: derived,
			secrets,
		};
		if (!canRetry || !isRetryableStatus(response.statusCode) || wasCancelled(this)) {
			throw toNodeApiError(node, failure, itemIndex);
		}
		if (retryAfterMs !== undefined && retryAfterMs > policy.maxRetryAfterMs) {
			throw toRetryLaterError(node, failure, policy.maxRetryAfterMs / 1000, itemIndex);
		}
		if (attempt >= policy.maxAttempts) throw toNodeApiError(node, failure, itemIndex);
		this.logger?.debug(
			`TokPortal answered ${response.statusCode} to ${options.method} ${sent.path}; retry ${attempt} of ${policy.maxAttempts - 1}`,
		);
		await sleep(retryDelayMs(attempt, retryAfterMs, policy));
	}
}
