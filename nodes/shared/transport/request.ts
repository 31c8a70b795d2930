import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { CREDENTIAL_NAME } from '../constants';
import type { Connection } from './connection';
import { connect } from './connection';
import { decodeBody, downloadAccept, readDownload } from './download';
import { asNodeError, toAlreadySentError, toNetworkError, toNodeApiError, toRetryLaterError } from './errors';
import { clientHeaders, rateLimitOf, requestIdOf, wasReplayed } from './headers';
import type { ApiFailure } from './errors';
import { isMutation, nextDerivedKey, pinFirstRequest, returnsSecret, SecretCalls } from './idempotency';
import { multipartBody } from './multipart';
import { networkFailureOf } from './network';
import type { RetryPolicy } from './retry';
import { DEFAULT_RETRY_POLICY, isRetryableStatus, parseRetryAfterMs, retryDelayMs } from './retry';
import type { ApiRequestOptions, ApiResponse, TokPortalContext } from './types';

interface FullResponse {
	body: unknown;
	headers: Record<string, unknown>;
	statusCode: number;
}

const secretCalls = new SecretCalls<ApiResponse, ApiFailure>();

/** The identity of a secret-returning call within its execution; undefined outside an execution. */
function secretCallKey(context: TokPortalContext, options: ApiRequestOptions, itemIndex: number): string | undefined {
	if (!returnsSecret(options.method, options.path)) return undefined;
	const { key, anchored } = nextDerivedKey(context, itemIndex);
	return anchored ? key : undefined;
}

function isEmptyObject(body: unknown): boolean {
	return body !== null && typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0;
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
	// A form is never pinned: that would keep a file's bytes in memory for an hour. A later try that
	// differs (another bundle by expression) is refused by TokPortal under the same key, never sent twice.
	const pin = anchored && options.form === undefined;
	return { key, derived: true, request: pin ? pinFirstRequest(key, request) : request };
}

/** What goes on the wire: JSON, or a multipart form (built once, reused by every retry). */
function encodedBody(
	options: ApiRequestOptions,
	sent: Pick<ApiRequestOptions, 'body'>,
): { body?: IDataObject | IDataObject[] | Buffer | string; contentType?: string } {
	if (options.form === undefined) {
		if (sent.body === undefined) return {};
		// n8n's HTTP helper leaves an empty object out; endpoints that take a JSON body expect `{}`.
		return { body: isEmptyObject(sent.body) ? '{}' : sent.body, contentType: 'application/json' };
	}
	const { body, contentType } = multipartBody(options.form);
	return { body, contentType };
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

	const secretCall = secretCallKey(this, options, itemIndex);
	const earlier = secretCall === undefined ? undefined : secretCalls.earlier(secretCall);
	if (earlier?.kind === 'answered') return { ...earlier.answer, replayed: true };
	if (earlier?.kind === 'refused') throw toNodeApiError(node, earlier.refusal, itemIndex);
	if (earlier?.kind === 'unknown') throw toAlreadySentError(node, itemIndex);

	const { key, derived, request: sent } = idempotency(this, options, itemIndex);
	const accept = options.download === undefined ? undefined : { Accept: downloadAccept(options.download) };
	const encoded = encodedBody(options, sent);
	const headers = clientHeaders({ ...accept, ...options.headers }, encoded.contentType);
	if (key !== undefined) headers['Idempotency-Key'] = key;
	const canRetry = !isMutation(options.method) || key !== undefined;

	const request: IHttpRequestOptions = {
		method: options.method,
		url: `${baseUrl}${sent.path}`,
		qs: sent.qs,
		body: encoded.body,
		headers,
		// A file is read as bytes, so a CSV or HTML document reaches the user exactly as TokPortal sent it.
		...(options.download === undefined ? { json: true } : { json: false, encoding: 'arraybuffer' as const }),
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
			if (secretCall !== undefined && network.maybeDelivered) secretCalls.record(secretCall, { kind: 'unknown' });
			throw toNetworkError(node, baseUrl, network, { retriedSafely: canRetry, itemIndex });
		}

		const requestId = requestIdOf(response.headers);
		const rateLimit = rateLimitOf(response.headers);
		const retryAfterMs = parseRetryAfterMs(response.headers['retry-after']);
		limiter.observe(rateLimit, response.statusCode === 429 ? retryAfterMs : undefined);
		const replayed = wasReplayed(response.headers);
		if (response.statusCode >= 200 && response.statusCode < 300) {
			const answer = {
				...(options.download === undefined
					? { body: (response.body ?? {}) as IDataObject }
					: readDownload(response.headers, response.body, options.download)),
				statusCode: response.statusCode,
				requestId,
				replayed,
				rateLimit,
			};
			if (secretCall !== undefined) secretCalls.record(secretCall, { kind: 'answered', answer });
			return answer;
		}

		const failure = {
			status: response.statusCode,
			body: decodeBody(response.body),
			requestId,
			retryAfterSeconds: retryAfterMs === undefined ? undefined : retryAfterMs / 1000,
			replayed,
			derivedKey: derived,
			secrets,
		};
		if (secretCall !== undefined) {
			secretCalls.record(secretCall, response.statusCode >= 500 ? { kind: 'unknown' } : { kind: 'refused', refusal: failure });
		}
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
