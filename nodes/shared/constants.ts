/**
 * Every number and name the package uses in more than one place: descriptions, validation and the
 * transport all read them from here.
 */

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

/** Pages requested at the same time once the first page told how many there are. */
export const DEFAULT_PAGE_CONCURRENCY = 4;
export const MAX_PAGE_CONCURRENCY = 8;

/** The default Limit of every Get Many (n8n's convention). */
export const DEFAULT_LIMIT = 50;

export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/** Titles and External References. */
export const MAX_TEXT_LENGTH = 200;

/** TokPortal's webhook description limit, as its own integrations apply it. */
export const MAX_WEBHOOK_DESCRIPTION_LENGTH = 500;

export const MAX_ACCOUNTS_PER_PLATFORM = 100;

/** TokPortal's ceiling for video slots bought at once (bulk and add-slots); also guards typos on create. */
export const MAX_VIDEO_SLOTS = 500;

export const PLATFORM_NAMES: Readonly<Record<string, string>> = {
	tiktok: 'TikTok',
	instagram: 'Instagram',
	youtube: 'YouTube',
};

/** Platforms new bundles can be ordered on (YouTube is readable but not orderable yet). */
export const ORDERABLE_PLATFORMS = ['tiktok', 'instagram'] as const;

/**
 * Files up to this size are uploaded directly (multipart, one request); larger ones through a presigned
 * URL straight to storage. TokPortal's API takes request bodies up to about 4.5 MB (Vercel's limit);
 * the margin leaves room for the form around the file.
 */
export const DIRECT_UPLOAD_MAX_BYTES = 4_000_000;
