export { apiRequest } from './request';
export { getBaseUrl } from './connection';
export type { ApiRequestOptions, ApiResponse, RateLimitState, TokPortalContext } from './types';
export type { DownloadedFile } from './download';
export { apiRequestAllItems } from './pagination';
export type { ListOptions } from './pagination';
export { apiPath } from './path';
export { beginNodeRun } from './idempotency';
export { asNodeError, errorCodeOf, messageForCode, normalizeCode } from './errors';
