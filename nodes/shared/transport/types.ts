import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import type { DownloadedFile } from './download';
import type { MultipartForm } from './multipart';
import type { RetryPolicy } from './retry';

/** Every n8n context the nodes call TokPortal from. */
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
	body?: IDataObject | IDataObject[];
	/** A multipart/form-data body instead of JSON (file uploads, CSV import); never together with `body`. */
	form?: MultipartForm;
	/** Extra headers, e.g. X-TokPortal-Dry-Run. */
	headers?: Record<string, string>;
	/** The input item this request is made for: anchors the idempotency key and error messages. */
	itemIndex?: number;
	/** A caller-chosen Idempotency-Key (e.g. derived from a sheet row); otherwise one is derived. */
	idempotencyKey?: string;
	retry?: Partial<RetryPolicy>;
	/**
	 * A file is expected instead of JSON (the CSV export, an HTML report): its media type, e.g.
	 * `text/csv`. The bytes arrive untouched in `file`; errors are still read as TokPortal's JSON.
	 */
	download?: string;
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
	/** The file of a download (undefined when TokPortal answered JSON instead). */
	file?: DownloadedFile;
}
