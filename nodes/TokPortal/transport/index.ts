export { apiRequest, getBaseUrl } from './request';
export type { ApiRequestOptions, ApiResponse, RateLimitState, TokPortalContext } from './request';
export { apiRequestAllItems } from './pagination';
export type { ListOptions } from './pagination';
export { apiPath } from './path';
export { asNodeError, errorCodeOf, messageForCode, normalizeCode } from './errors';
export { MAX_IDEMPOTENCY_KEY_LENGTH } from './idempotency';
