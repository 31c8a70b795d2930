/** Kept in sync with package.json by a unit test (importing package.json would ship it inside dist/). */
export const PACKAGE_VERSION = '0.1.0';

export const CLIENT_HEADER_VALUE = `n8n-nodes-tokportal/${PACKAGE_VERSION}`;

export const CREDENTIAL_NAME = 'tokPortalApi';

export const DEFAULT_BASE_URL = 'https://app.tokportal.com/api/ext';

export const REQUEST_ID_HEADER = 'x-tokportal-request-id';

/** TokPortal's documented maximum page size. */
export const MAX_PAGE_SIZE = 100;

/** Hard stop for a server that never reports the last page: 5,000 pages of 100 = 500,000 items. */
export const MAX_PAGES = 5000;
