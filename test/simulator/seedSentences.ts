// Every sentence of the five seed documents (../shared/spec/) that states a rule, a status, a field, a
// code or a shape, quoted verbatim (table cells as the documents glue them), with where the simulator
// implements it, the test that proves it, and what the node must do. The README table is rendered
// from this list (seedTable.test.ts keeps the two identical); each spec00N.test.ts test is named
// with seedTest(id), so its name quotes the sentence.

export interface SeedSentence {
	/** The quote, verbatim from the seed document. */
	quote: string;
	/** Simulator file(s) implementing it, or why it is not simulated. */
	where: string;
	/** The test file naming this id; null = not simulated. */
	test: string | null;
	/** What the node must do where it validates or offers options ('' = nothing). */
	node: string;
}

const S000 = 'spec000.test.ts';
const S001 = 'spec001.test.ts';
const S002 = 'spec002.test.ts';
const S003 = 'spec003.test.ts';
const S004 = 'spec004.test.ts';

export const SEED_DOCUMENTS: Record<string, string> = {
	'000': 'Delivered Accounts (000_11aad6f062be83c6.txt)',
	'001': 'Bundles (001_a2c1cd239baef2ed.txt)',
	'002': 'TokPortal API for Agencies (002_35071f3179d1f664.txt)',
	'003': 'Account Actions (003_7f2ff0b315cb0ab8.txt)',
	'004': 'Account Configuration (004_3f49cd37e051c1a5.txt)',
};

export const SEED_SENTENCES: Record<string, SeedSentence> = {
	// ── 000 Delivered Accounts ─────────────────────────────────────────────────────────────────────
	'S000-01': {
		quote: 'Once a bundle is accepted and the account manager creates the social media account, it becomes a saved account (also called a delivered account).',
		where: 'operator.ts moveAccountToReview',
		test: S000,
		node: '',
	},
	'S000-02': {
		quote: 'These accounts contain full credentials and are available for you to manage.',
		where: 'routes/accounts.ts revealCredentials',
		test: S000,
		node: '',
	},
	'S000-03': {
		quote: 'Accounts are read-only via the API.',
		where: 'routes/accounts.ts (GET and the two secret POSTs only)',
		test: S000,
		node: 'offer no update/delete operation on delivered accounts',
	},
	'S000-04': {
		quote: 'The first time you call either of these endpoints for a given account, you acknowledge that TokPortal will no longer provide support on that account',
		where: 'routes/accounts.ts acknowledge',
		test: S000,
		node: 'Reveal Credentials / Get Verification Code: required acknowledgement, off by default',
	},
	'S000-05': {
		quote: 'You will still be able to order videos for the account and use it on TokPortal',
		where: 'routes/bundleCreate.ts targetAccount (only detached post-cutoff accounts are blocked)',
		test: S000,
		node: '',
	},
	'S000-06': {
		quote: 'The acknowledgment is per-account and only set once.',
		where: 'routes/accounts.ts acknowledge',
		test: S000,
		node: '',
	},
	'S000-07': {
		quote: 'Endpoints that only list or return non-credential metadata (e.g. GET /accounts, GET /accounts/:id, GET /accounts/:id/bundles) do not trigger this acknowledgment.',
		where: 'routes/accounts.ts',
		test: S000,
		node: '',
	},
	'S000-08': {
		quote: 'Returns a paginated list of your delivered accounts.',
		where: 'routes/accounts.ts listAccounts, pagination.ts',
		test: S000,
		node: 'Return All follows pagination',
	},
	'S000-09': {
		quote: 'Filter by platform: tiktok, instagram, or youtube.',
		where: 'routes/accounts.ts listAccounts',
		test: S000,
		node: 'platform filter options: tiktok, instagram, youtube',
	},
	'S000-10': {
		quote: '(Optional) Filter by country code or TokPortal canonical country code (e.g., US, USA, FR, UK).',
		where: 'routes/accounts.ts listAccounts, catalog.ts countryCode',
		test: S000,
		node: 'country filter: accept both forms',
	},
	'S000-11': {
		quote: 'Page number (default: 1).',
		where: 'pagination.ts',
		test: S000,
		node: '',
	},
	'S000-12': {
		quote: 'Results per page (default: 25, max: 100).',
		where: 'pagination.ts (above 100 is clamped)',
		test: S000,
		node: 'Limit ≤ 100 per page; Return All uses per_page=100',
	},
	'S000-13': {
		quote: 'The country parameter is optional.',
		where: 'routes/accounts.ts listAccounts',
		test: S000,
		node: 'country filter optional',
	},
	'S000-14': {
		quote: '"country": "US",',
		where: 'catalog.ts countryCode: responses show ISO codes (US, GB…)',
		test: S000,
		node: 'expect "US"/"GB" in responses; compare countries through one mapping (USA↔US, UK↔GB)',
	},
	'S000-15': {
		quote: '"per_page": 20,',
		where: 'pagination.ts answers 25 (contradiction: the table says default 25)',
		test: S000,
		node: '',
	},
	'S000-16': { quote: 'Unique account identifier.', where: 'views.ts deliveredListItem', test: S000, node: '' },
	'S000-17': { quote: 'tiktok, instagram, or youtube.', where: 'views.ts deliveredListItem', test: S000, node: '' },
	'S000-18': { quote: 'Platform username.', where: 'views.ts deliveredListItem', test: S000, node: '' },
	'S000-19': { quote: 'Display name on the platform.', where: 'views.ts deliveredListItem', test: S000, node: '' },
	'S000-20': { quote: 'Account bio text.', where: 'views.ts deliveredListItem', test: S000, node: '' },
	'S000-21': { quote: 'URL to the profile picture.', where: 'views.ts deliveredListItem (string | null)', test: S000, node: '' },
	'S000-22': { quote: 'Country code returned by TokPortal.', where: 'views.ts deliveredListItem', test: S000, node: '' },
	'S000-23': { quote: 'Link in bio URL.', where: 'views.ts deliveredListItem (string | null)', test: S000, node: '' },
	'S000-24': { quote: 'Direct URL to the social media profile.', where: 'factories.ts profileUrl', test: S000, node: '' },
	'S000-25': { quote: 'TokMail email address for this account.', where: 'factories.ts buildDeliveredAccount', test: S000, node: '' },
	'S000-26': { quote: 'ISO 8601 creation timestamp.', where: 'views.ts deliveredListItem', test: S000, node: '' },
	'S000-27': { quote: 'ISO 8601 last-updated timestamp.', where: 'views.ts deliveredListItem', test: S000, node: '' },
	'S000-28': {
		quote: 'Note: The list response does not include a status field.',
		where: 'views.ts deliveredListItem (adds `banned`, see contradictions)',
		test: S000,
		node: '',
	},
	'S000-29': {
		quote: 'Credentials are not returned by this endpoint',
		where: 'views.ts deliveredDetail',
		test: S000,
		node: '',
	},
	'S000-30': {
		quote: 'A plain metadata fetch does not trigger the support disclaimer.',
		where: 'routes/accounts.ts getAccount',
		test: S000,
		node: 'Get (delivered account) needs no acknowledgement',
	},
	'S000-31': {
		quote: 'Always null. POST /accounts/:id/reveal-credentials to obtain the password and social credentials.',
		where: 'views.ts deliveredDetail',
		test: S000,
		node: '',
	},
	'S000-32': {
		quote: 'Always null. POST /accounts/:id/verification-code to retrieve a fresh code.',
		where: 'views.ts deliveredDetail',
		test: S000,
		node: '',
	},
	'S000-33': { quote: 'The ID of the account manager currently assigned.', where: 'views.ts deliveredDetail', test: S000, node: '' },
	'S000-34': {
		quote: 'Path to POST to in order to reveal credentials (triggers the support disclaimer).',
		where: 'views.ts deliveredDetail (literal `/api/accounts/…`)',
		test: S000,
		node: '',
	},
	'S000-35': {
		quote: 'Path to POST to in order to retrieve the latest verification code.',
		where: 'views.ts deliveredDetail (literal `/api/accounts/…`)',
		test: S000,
		node: '',
	},
	'S000-36': {
		quote: 'Whether this account was rebuilt (remade) after the previous account was banned or lost.',
		where: 'views.ts deliveredDetail',
		test: S000,
		node: '',
	},
	'S000-37': {
		quote: 'Note: The detail response does not include bundle_id or status.',
		where: 'views.ts deliveredDetail',
		test: S000,
		node: '',
	},
	'S000-38': {
		quote: 'the same bundle is republished and a fresh social account is created (usually under a slightly altered username)',
		where: 'operator.ts remakeAccount',
		test: S000,
		node: '',
	},
	'S000-39': { quote: 'true if this account was remade at least once, otherwise false.', where: 'operator.ts remakeAccount', test: S000, node: '' },
	'S000-40': {
		quote: 'Number of times the underlying bundle has been remade (0 when never remade).',
		where: 'operator.ts remakeAccount',
		test: S000,
		node: '',
	},
	'S000-41': {
		quote: 'The previous username, captured at the time of the most recent remake. null if unknown or never remade.',
		where: 'operator.ts remakeAccount',
		test: S000,
		node: '',
	},
	'S000-42': { quote: 'Timestamp of the most recent remake. null if never remade.', where: 'operator.ts remakeAccount', test: S000, node: '' },
	'S000-43': {
		quote: 'Note: remade is always present on the detail response. When the account was never remade it returns { "was_remade": false, "remade_count": 0, "old_username": null, "remade_at": null }.',
		where: 'factories.ts NEVER_REMADE',
		test: S000,
		node: '',
	},
	'S000-44': { quote: 'It is not included in the list response (GET /accounts).', where: 'views.ts deliveredListItem', test: S000, node: '' },
	'S000-45': {
		quote: 'This includes bundles where the account was originally created (account_and_videos) and any videos_only bundles linked to this account.',
		where: 'routes/accounts.ts accountBundles',
		test: S000,
		node: '',
	},
	'S000-46': {
		quote: 'Each bundle includes a video slot summary, making it easy to find bundles with available posting slots.',
		where: 'views.ts accountBundleItem (exactly total, pending, configured, published, accepted, finalized)',
		test: S000,
		node: '',
	},
	'S000-47': {
		quote: '(Optional) Filter by bundle status: pending_setup, published, accepted, completed.',
		where: 'routes/accounts.ts accountBundles (also the other bundle statuses)',
		test: S000,
		node: 'status filter options: pending_setup, published, accepted, in_review, finalized, completed (+ cancelled…)',
	},
	'S000-48': {
		quote: '"country": "USA",',
		where: 'catalog.ts: answers "US" (the other seed examples; contradiction)',
		test: S000,
		node: '',
	},
	'S000-49': {
		quote: 'Use the videos.pending count to identify bundles that have empty video slots ready to be configured.',
		where: 'views.ts accountBundleItem',
		test: S000,
		node: 'Video "only free slots" = status pending',
	},
	'S000-50': {
		quote: "Retrieves the most recent 6-digit verification code from the account's TokMail inbox.",
		where: 'routes/accounts.ts verificationCode',
		test: S000,
		node: '',
	},
	'S000-51': {
		quote: 'Calling this endpoint triggers the support disclaimer described at the top of this page.',
		where: 'routes/accounts.ts acknowledge',
		test: S000,
		node: 'Get Verification Code: same acknowledgement as Reveal',
	},
	'S000-52': { quote: 'The account this code belongs to.', where: 'routes/accounts.ts verificationCode', test: S000, node: '' },
	'S000-53': { quote: 'The 6-digit verification code.', where: 'routes/accounts.ts verificationCode', test: S000, node: '' },
	'S000-54': {
		quote: '"email" (fetched from inbox) or "cached" (returned from cache).',
		where: 'routes/accounts.ts verificationCode',
		test: S000,
		node: '',
	},
	'S000-55': {
		quote: '"code": "VERIFICATION_CODE_NOT_FOUND",',
		where: 'routes/accounts.ts verificationCode (404, the seed message)',
		test: S000,
		node: 'map VERIFICATION_CODE_NOT_FOUND to "trigger the code, wait, retry" (or wait option)',
	},
	'S000-56': {
		quote: 'Tip: If you receive a VERIFICATION_CODE_NOT_FOUND error, wait 5-10 seconds and retry.',
		where: 'operator.ts deliverVerificationCode (a code arriving later is found)',
		test: S000,
		node: 'offer "wait for the code": retry every few seconds up to a limit',
	},

	// ── 001 Bundles ────────────────────────────────────────────────────────────────────────────────
	'S001-01': { quote: 'All endpoints require an API key passed via the X-API-Key header.', where: 'auth.ts, server.ts', test: S001, node: 'credential sends X-API-Key' },
	'S001-02': { quote: 'https://app.tokportal.com/api/ext', where: 'server.ts API_PREFIX `/api/ext`', test: S001, node: 'base URL ends in /api/ext' },
	'S001-03': {
		quote: 'Account creation and setup only. No videos.',
		where: 'routes/bundleCreate.ts; routes/bundleSlots.ts',
		test: S001,
		node: 'Create: no Videos Quantity for account_only',
	},
	'S001-04': {
		quote: 'Account creation with video uploads.',
		where: 'routes/bundleCreate.ts (videos_quantity > 0)',
		test: S001,
		node: 'Create: Videos Quantity ≥ 1',
	},
	'S001-05': {
		quote: 'Video uploads on an existing account.',
		where: 'routes/bundleCreate.ts targetAccount (account_id required, no account step)',
		test: S001,
		node: 'Create: Delivered Account required for videos_only',
	},
	'S001-06': {
		quote: 'Bundles follow a strict lifecycle:',
		where: 'operator.ts (each step needs the previous status)',
		test: S001,
		node: '',
	},
	'S001-07': {
		quote: 'pending_setup → published → accepted → completed',
		where: 'routes/bundles.ts publish, operator.ts acceptBundle, accountConfig.ts finalizeAccount',
		test: S001,
		node: '',
	},
	'S001-08': {
		quote: 'accepted → in_review → finalized → completed',
		where: 'videoLifecycle.ts syncVideoPhase, operator.ts completeBundle',
		test: S001,
		node: '',
	},
	'S001-09': { quote: 'Bundle created, awaiting configuration.', where: 'factories.ts buildBundle', test: S001, node: '' },
	'S001-10': { quote: 'Configuration complete, submitted for processing.', where: 'publishing.ts publishBundle', test: S001, node: '' },
	'S001-11': { quote: 'Account work has been accepted by an operator.', where: 'operator.ts acceptBundle', test: S001, node: '' },
	'S001-12': { quote: 'Videos are being reviewed.', where: 'videoLifecycle.ts syncVideoPhase', test: S001, node: '' },
	'S001-13': { quote: 'Videos have been finalized.', where: 'videoLifecycle.ts syncVideoPhase', test: S001, node: '' },
	'S001-14': { quote: 'All work is done.', where: 'operator.ts completeBundle, accountConfig.ts finalizeAccount', test: S001, node: '' },
	'S001-15': {
		quote: 'TikToktiktok',
		where: 'catalog.ts ORDERABLE_PLATFORMS',
		test: S001,
		node: 'Create platform options: tiktok, instagram',
	},
	'S001-16': { quote: 'Instagraminstagram', where: 'catalog.ts ORDERABLE_PLATFORMS', test: S001, node: 'Create platform options: tiktok, instagram' },
	'S001-17': {
		quote: 'Enable niche warming.Cannot combine with wants_deep_warming; requires niche_warming_instructions.',
		where: 'routes/bundleCreate.ts warmingOptions',
		test: S001,
		node: 'validate before sending (instructions required; not with deep warming)',
	},
	'S001-18': {
		quote: 'Enable deep warming.Instagram only. Cannot combine with wants_niche_warming.',
		where: 'routes/bundleCreate.ts warmingOptions',
		test: S001,
		node: 'deep warming only offered/accepted for Instagram',
	},
	'S001-19': {
		quote: 'Deprecated — ignored. Replaced by the Comments API.',
		where: 'routes/bundleCreate.ts (stored, no price)',
		test: S001,
		node: 'do not offer wants_moderation (or mark deprecated)',
	},
	'S001-20': {
		quote: 'Add edit slots.Cannot exceed videos_quantity.',
		where: 'routes/bundleCreate.ts, routes/bundleSlots.ts addEditSlots',
		test: S001,
		node: 'Create and Add Edit Slots: edits ≤ video slots before sending',
	},
	'S001-21': {
		quote: 'Automatically finalize videos once ready.',
		where: 'videoOperator.ts postVideo',
		test: S001,
		node: '',
	},
	'S001-22': { quote: 'Create a bundle', where: 'routes/bundleCreate.ts', test: S001, node: '' },
	'S001-23': { quote: 'List all bundles', where: 'routes/bundles.ts', test: S001, node: '' },
	'S001-24': { quote: 'Get a single bundle', where: 'routes/bundles.ts', test: S001, node: '' },
	'S001-25': { quote: 'Update bundle settings', where: 'routes/bundles.ts', test: S001, node: '' },
	'S001-26': { quote: 'Check publish-readiness', where: 'routes/bundles.ts', test: S001, node: '' },
	'S001-27': { quote: 'Publish a bundle', where: 'routes/bundles.ts, publishing.ts', test: S001, node: '' },
	'S001-28': { quote: 'Unpublish a bundle', where: 'routes/bundles.ts', test: S001, node: '' },
	'S001-29': {
		quote: 'Retrieve all bundles for your organization.',
		where: 'routes/bundles.ts listBundles (own bundles only)',
		test: S001,
		node: '',
	},
	'S001-30': {
		quote: 'Both GET /bundles and GET /bundles/:id return a set of read-only computed fields',
		where: 'views.ts bundleSummary',
		test: S001,
		node: '',
	},
	'S001-31': {
		quote: 'true once the bundle has been published (status is published, published_priority, accepted, or completed).',
		where: 'readiness.ts isPublished (also in_review, finalized)',
		test: S001,
		node: '',
	},
	'S001-32': {
		quote: "true when the bundle's account is in configured or finalized status (i.e., publish-eligible).",
		where: 'views.ts bundleSummary',
		test: S001,
		node: '',
	},
	'S001-33': { quote: 'Number of video slots on the bundle.', where: 'views.ts bundleSummary', test: S001, node: '' },
	'S001-34': {
		quote: 'Number of video slots whose status indicates they have been configured (any of configured, in_review, pending_corrections, accepted, published, finalized).',
		where: 'videoLifecycle.ts configuredVideoCount',
		test: S001,
		node: '',
	},
	'S001-35': {
		quote: 'Suggested next step in the configure → publish flow. One of configure_account, configure_videos, publish_bundle, or null if no action is required.',
		where: 'readiness.ts nextAction',
		test: S001,
		node: '',
	},
	'S001-36': {
		quote: 'configure_account — call PUT /bundles/:id/account to set the account fields.',
		where: 'readiness.ts nextAction',
		test: S001,
		node: '',
	},
	'S001-37': {
		quote: 'configure_videos — call PUT /bundles/:id/videos/batch (or per-position) to fill the video slots.',
		where: 'readiness.ts nextAction, routes/videos.ts',
		test: S001,
		node: 'Video → Configure / Configure Many',
	},
	'S001-38': {
		quote: 'publish_bundle — call POST /bundles/:id/publish (or pass auto_publish: true on the next video configuration call).',
		where: 'publishing.ts autoPublish',
		test: S001,
		node: 'Configure / Configure Many: Auto Publish option',
	},
	'S001-39': { quote: 'null — the bundle is already past setup; nothing to do.', where: 'readiness.ts nextAction', test: S001, node: '' },
	'S001-40': { quote: 'Both GET /bundles and GET /bundles/:id return a remade object.', where: 'views.ts bundleSummary', test: S001, node: '' },
	'S001-41': {
		quote: 'the bundle is rebuilt in place under the same bundle_id and only the account handle changes.',
		where: 'operator.ts remakeAccount',
		test: S001,
		node: '',
	},
	'S001-42': {
		quote: 'Because the bundle_id and your external_ref are stable across remakes',
		where: 'operator.ts remakeAccount',
		test: S001,
		node: '',
	},
	'S001-43': { quote: 'true if this bundle was remade at least once, otherwise false.', where: 'operator.ts remakeAccount', test: S001, node: '' },
	'S001-44': { quote: 'Number of times the bundle has been remade (0 when never remade).', where: 'operator.ts remakeAccount', test: S001, node: '' },
	'S001-45': {
		quote: 'The previous username, captured at the time of the most recent remake. null if unknown or never remade.',
		where: 'operator.ts remakeAccount',
		test: S001,
		node: '',
	},
	'S001-46': { quote: 'Timestamp of the most recent remake. null if never remade.', where: 'operator.ts remakeAccount', test: S001, node: '' },
	'S001-47': {
		quote: 'Subscribe to the account.remade webhook to be notified of remakes in real time instead of polling.',
		where: 'operator.ts remakeAccount (account.remade)',
		test: S001,
		node: 'Trigger offers account.remade',
	},
	'S001-48': {
		quote: 'Filter by bundle status: pending_setup, published, accepted, completed, etc.',
		where: 'routes/bundles.ts STATUS_FILTERS',
		test: S001,
		node: 'status options incl. in_review, finalized',
	},
	'S001-49': {
		quote: 'Filter by type: account_only, account_and_videos, videos_only.',
		where: 'routes/bundles.ts',
		test: S001,
		node: 'bundle type options',
	},
	'S001-50': {
		quote: 'Filter by account listing status: pending, configured, in_review, finalized.',
		where: 'routes/bundles.ts ACCOUNT_STATUS_FILTERS (+ corrections_requested)',
		test: S001,
		node: 'Account Status options: pending, configured, in_review, corrections_requested, finalized (drop pending_corrections and published)',
	},
	'S001-51': { quote: 'Filter by platform: tiktok, instagram, youtube.', where: 'routes/bundles.ts', test: S001, node: 'platform options incl. youtube' },
	'S001-52': { quote: 'Filter by your external reference.', where: 'routes/bundles.ts (exact match)', test: S001, node: '' },
	'S001-53': {
		quote: '"account_status": "in_review",',
		where: 'views.ts bundleSummary: account_configured false in in_review (definition wins; contradiction)',
		test: S001,
		node: '',
	},
	'S001-54': { quote: '"country": "US",', where: 'catalog.ts countryCode', test: S001, node: '' },
	'S001-55': {
		quote: '"name": "Video 1"',
		where: 'factories.ts newVideoSlot, views.ts videoSlotSummary',
		test: S001,
		node: '',
	},
	'S001-56': {
		quote: 'GET /bundles/:id returns saved_account_id (top-level and inside account) — the id of the real created account, i.e. what GET /accounts/{id} uses.',
		where: 'views.ts bundleDetail',
		test: S001,
		node: '',
	},
	'S001-57': {
		quote: 'It is null until the account exists, and changes after a remake.',
		where: 'operator.ts moveAccountToReview, remakeAccount',
		test: S001,
		node: '',
	},
	'S001-58': {
		quote: "The account.id field is the account listing id (the bundle's account slot), which is stable across remakes.",
		where: 'factories.ts newListing',
		test: S001,
		node: '',
	},
	'S001-59': {
		quote: 'read it straight from the account.in_review / account.finalized webhooks',
		where: 'eventData.ts accountEventData',
		test: S001,
		node: '',
	},
	'S001-60': {
		quote: 'You can modify auto_finalize_videos, external_ref, and title at any time, regardless of bundle status.',
		where: 'routes/bundles.ts patchBundle',
		test: S001,
		node: '',
	},
	'S001-61': { quote: 'All fields are optional. At least one must be provided.', where: 'routes/bundles.ts patchBundle', test: S001, node: 'Update: refuse an empty update before sending' },
	'S001-62': { quote: 'Toggle auto-approval of videos.', where: 'routes/bundles.ts patchBundle', test: S001, node: '' },
	'S001-63': {
		quote: 'Your own reference ID. Max 200 characters. Must be unique per user. Set to null to clear.',
		where: 'routes/bundles.ts patchBundle',
		test: S001,
		node: 'Update: ≤ 200 characters; clear = null',
	},
	'S001-64': { quote: 'Bundle title. Max 200 characters. Set to null to clear.', where: 'routes/bundles.ts patchBundle', test: S001, node: 'Update: ≤ 200 characters; clear = null' },
	'S001-65': { quote: 'No fields provided, or invalid values.', where: 'routes/bundles.ts patchBundle (400 VALIDATION_ERROR)', test: S001, node: '' },
	'S001-66': { quote: 'Bundle does not exist.', where: 'store.ts ownedBundle (404 BUNDLE_NOT_FOUND)', test: S001, node: '' },
	'S001-67': { quote: 'Bundle belongs to another user.', where: 'store.ts ownedBundle (403 BUNDLE_NOT_OWNED)', test: S001, node: '' },
	'S001-68': {
		quote: 'Another bundle already uses this external_ref.',
		where: 'routes/bundles.ts patchBundle (409 DUPLICATE_EXTERNAL_REF)',
		test: S001,
		node: 'explain DUPLICATE_EXTERNAL_REF',
	},
	'S001-69': {
		quote: '"updated_at": "2026-02-10T14:30:00Z"',
		where: 'routes/bundles.ts patchBundle ({id, title, auto_finalize_videos, external_ref, updated_at})',
		test: S001,
		node: '',
	},
	'S001-70': {
		quote: 'Returns whether a bundle is currently ready for POST /bundles/:id/publish, and if not, the list of blockers that publish would raise.',
		where: 'readiness.ts publishBlockers, publishing.ts notReadyError',
		test: S001,
		node: 'Publish error lists each blocker with its fix',
	},
	'S001-71': { quote: 'Read-only — no side effects, no credit charge.', where: 'routes/bundles.ts readiness', test: S001, node: '' },
	'S001-72': {
		quote: '"blockers": []',
		where: 'routes/bundles.ts readiness ({bundle_id, ready, blockers[{code, message, details}]})',
		test: S001,
		node: '',
	},
	'S001-73': { quote: 'The bundle is already published or accepted.', where: 'readiness.ts (BUNDLE_ALREADY_PUBLISHED)', test: S001, node: '' },
	'S001-74': {
		quote: "The bundle's status is not pending_setup (e.g., draft, cancelled).",
		where: 'readiness.ts (BUNDLE_NOT_IN_SETUP)',
		test: S001,
		node: '',
	},
	'S001-75': { quote: 'No account configuration exists yet for the bundle.', where: 'readiness.ts (ACCOUNT_MISSING)', test: S001, node: '' },
	'S001-76': {
		quote: 'The account exists but its status is not yet configured or finalized.',
		where: 'readiness.ts (ACCOUNT_NOT_CONFIGURED)',
		test: S001,
		node: '',
	},
	'S001-77': {
		quote: 'The account is missing one or more required fields (username, visible_name, profile_picture_url).',
		where: 'readiness.ts (ACCOUNT_MISSING_FIELDS, details.missing_fields)',
		test: S001,
		node: 'name the missing fields',
	},

	// ── 002 Agencies ───────────────────────────────────────────────────────────────────────────────
	'S002-01': {
		quote: 'The API does not create separate sub-accounts or client billing ledgers by itself',
		where: 'store.ts (one wallet and ledger per organization)',
		test: S002,
		node: '',
	},
	'S002-02': { quote: 'Use your internal client/campaign IDs in external_ref.', where: 'routes/bundleCreate.ts', test: S002, node: '' },
	'S002-03': {
		quote: '"bundle_type": "account_and_videos",',
		where: 'routes/bundleCreate.ts (the agency create example as sent)',
		test: S002,
		node: 'agency example orders account_and_videos',
	},
	'S002-04': {
		quote: '"biography": "New launches weekly.",',
		where: 'routes/bundleAccount.ts configure (the agency account example as sent)',
		test: S002,
		node: '',
	},
	'S002-05': {
		quote: 'curl -X PUT https://app.tokportal.com/api/ext/bundles/bnd_abc123/videos/batch',
		where: 'routes/videos.ts batchConfigure ({"videos": [...]})',
		test: S002,
		node: 'Configure Many: one PUT …/videos/batch per bundle',
	},
	'S002-06': {
		quote: '"target_publish_date": "2026-06-05",',
		where: 'videoSchedule.ts assertLeadTime (a past date is INVALID_DATE)',
		test: S002,
		node: 'validate dates before sending (lead time, never in the past)',
	},
	'S002-07': {
		quote: 'Use bulk creation for one country at a time:',
		where: 'routes/bundleCreate.ts createBulk',
		test: S002,
		node: 'Create Bulk: one country',
	},
	'S002-08': {
		quote: 'For multiple countries, loop over countries and send one request per country.',
		where: 'routes/bundleCreate.ts orderableCountry (one country string)',
		test: S002,
		node: 'Create Bulk: one country per item',
	},
	'S002-09': {
		quote: '"upload_accounts_count": 1,',
		where: 'routes/bundleCreate.ts createBulk',
		test: S002,
		node: '',
	},
	'S002-10': { quote: 'List bundles by your client/campaign reference:', where: 'routes/bundles.ts listBundles', test: S002, node: '' },
	'S002-11': {
		quote: '"events": ["bundle.published", "account.finalized", "video.finalized"],',
		where: 'routes/webhooks.ts; videoLifecycle.ts finalizeVideo emits video.finalized',
		test: S002,
		node: 'Trigger: these three events',
	},
	'S002-12': {
		quote: 'Use delivered account IDs to pull analytics:',
		where: 'routes/analytics.ts compatAccount (GET /accounts/{id}/analytics); analyticsData.ts counts posted videos',
		test: S002,
		node: '',
	},
	'S002-13': {
		quote: 'Export video analytics as CSV when your plan supports it:',
		where: 'routes/analyticsExport.ts exportVideos (text/csv); plans.ts (Creator and up, else 403 ANALYTICS_PLAN_UPGRADE_REQUIRED)',
		test: S002,
		node: '',
	},
	'S002-14': { quote: 'Credits are shared across the organization.', where: 'auth.ts, store.ts (one wallet for every key)', test: S002, node: '' },
	'S002-15': {
		quote: 'Use credit history for reconciliation:',
		where: 'routes/reference.ts history (reference_id names what each entry paid for)',
		test: S002,
		node: '',
	},

	// ── 003 Account Actions ────────────────────────────────────────────────────────────────────────
	'S003-01': {
		quote: 'Review and provide feedback on accounts that are in the in_review status.',
		where: 'accountConfig.ts requireInReview',
		test: S003,
		node: '',
	},
	'S003-02': {
		quote: 'This marks the account as validated and advances the bundle lifecycle.',
		where: 'accountConfig.ts finalizeAccount (a bundle without videos is completed)',
		test: S003,
		node: '',
	},
	'S003-03': {
		quote: 'Bundle must have an account in in_review status.',
		where: 'accountConfig.ts requireInReview',
		test: S003,
		node: '',
	},
	'S003-04': {
		quote: '"finalized_at": "2026-02-10T16:00:00Z"',
		where: 'routes/bundleAccount.ts finalize ({id, account: {status, finalized_at}})',
		test: S003,
		node: '',
	},
	'S003-05': {
		quote: 'Account is not in in_review status.',
		where: 'accountConfig.ts requireInReview (409 invalid_status)',
		test: S003,
		node: 'explain invalid_status: wait for account.in_review',
	},
	'S003-06': { quote: 'Bundle does not exist.', where: 'routes/bundleAccount.ts (404 bundle_not_found)', test: S003, node: '' },
	'S003-07': {
		quote: 'General feedback describing what needs to change.',
		where: 'routes/bundleAccount.ts requestCorrections (comment required)',
		test: S003,
		node: 'Request Corrections: Comment required',
	},
	'S003-08': {
		quote: 'Object specifying which fields need corrections and the feedback for each.',
		where: 'routes/bundleAccount.ts requestCorrections',
		test: S003,
		node: 'at least one field feedback',
	},
	'S003-09': {
		quote: 'Each key corresponds to an account field. The value is a string describing the required correction.',
		where: 'routes/bundleAccount.ts requestCorrections',
		test: S003,
		node: '',
	},
	'S003-10': { quote: 'Feedback on the username.', where: 'routes/bundleAccount.ts CORRECTABLE_FIELDS', test: S003, node: 'field keys: username' },
	'S003-11': { quote: 'Feedback on the display name.', where: 'routes/bundleAccount.ts CORRECTABLE_FIELDS', test: S003, node: 'visible_name' },
	'S003-12': { quote: 'Feedback on the biography.', where: 'routes/bundleAccount.ts CORRECTABLE_FIELDS', test: S003, node: 'biography' },
	'S003-13': {
		quote: 'Feedback on the profile picture.',
		where: 'routes/bundleAccount.ts CORRECTABLE_FIELDS (`profile_picture`)',
		test: S003,
		node: 'send `profile_picture`, not `profile_picture_url`',
	},
	'S003-14': {
		quote: 'You only need to include the fields that require corrections.',
		where: 'routes/bundleAccount.ts requestCorrections',
		test: S003,
		node: 'send only the fields the user filled',
	},
	'S003-15': {
		quote: 'At least one field must be specified in the fields object.',
		where: 'routes/bundleAccount.ts (400 missing_fields)',
		test: S003,
		node: 'refuse before sending',
	},
	'S003-16': {
		quote: '"status": "corrections_requested",',
		where: 'routes/bundleAccount.ts; the status stays corrections_requested everywhere',
		test: S003,
		node: 'expect corrections_requested in outputs and filters',
	},
	'S003-17': { quote: 'The comment field is required.', where: 'routes/bundleAccount.ts (400 missing_comment)', test: S003, node: '' },
	'S003-18': { quote: 'At least one field must be specified.', where: 'routes/bundleAccount.ts (400 missing_fields)', test: S003, node: '' },
	'S003-19': { quote: 'An unrecognized field was included.', where: 'routes/bundleAccount.ts (400 invalid_field)', test: S003, node: '' },
	'S003-20': {
		quote: "Each correction request is recorded in the bundle's feedback history.",
		where: 'routes/bundleAccount.ts requestCorrections',
		test: S003,
		node: 'Get Feedback History',
	},
	'S003-21': {
		quote: 'The response includes a feedback_history array on the account object:',
		where: 'views.ts accountSlotView',
		test: S003,
		node: '',
	},
	'S003-22': { quote: '"requested_by": "api"', where: 'routes/bundleAccount.ts requestCorrections', test: S003, node: '' },
	'S003-23': { quote: '"type": "corrections_applied",', where: 'operator.ts applyCorrections (changes from/to)', test: S003, node: '' },
	'S003-24': { quote: 'A correction was requested via the API.', where: 'routes/bundleAccount.ts requestCorrections', test: S003, node: '' },
	'S003-25': { quote: 'The operator applied the requested corrections.', where: 'operator.ts applyCorrections', test: S003, node: '' },
	'S003-26': { quote: 'The account was approved and finalized.', where: 'accountConfig.ts finalizeAccount', test: S003, node: '' },
	'S003-27': {
		quote: 'Each entry in the history is immutable and includes a timestamp for auditability.',
		where: 'views.ts accountSlotView (copies), types.ts FeedbackEntry',
		test: S003,
		node: '',
	},

	// ── 004 Account Configuration ──────────────────────────────────────────────────────────────────
	'S004-01': {
		quote: 'Account configuration is required before a bundle can be published.',
		where: 'readiness.ts (ACCOUNT_MISSING)',
		test: S004,
		node: '',
	},
	'S004-02': { quote: 'Set or update the account details for a bundle.', where: 'routes/bundleAccount.ts configure', test: S004, node: '' },
	'S004-03': {
		quote: 'usernamestringYesAccount username. 1-24 characters, alphanumeric plus . and _.',
		where: 'accountConfig.ts checkUsername',
		test: S004,
		node: 'Username required, validated before sending',
	},
	'S004-04': {
		quote: 'visible_namestringYesDisplay name. 1-30 characters.',
		where: 'accountConfig.ts checkVisibleName',
		test: S004,
		node: 'Visible Name required, validated',
	},
	'S004-05': {
		quote: 'biographystringYesAccount biography. Max 80 characters.',
		where: 'accountConfig.ts checkBiography (missing → invalid_biography)',
		test: S004,
		node: 'Biography required: refuse an empty biography with a field-named error before sending',
	},
	'S004-06': {
		quote: 'profile_picture_urlstringYesURL to the profile picture image.',
		where: 'accountConfig.ts checkPictureUrl (missing → invalid_url)',
		test: S004,
		node: 'Profile Picture URL required (URL or upload storage_path), refused empty before sending',
	},
	'S004-07': {
		quote: 'link_in_biostringNoLink displayed in the bio. Instagram only.',
		where: 'accountConfig.ts checkLinkInBio',
		test: S004,
		node: 'optional; Instagram only',
	},
	'S004-08': {
		quote: 'niche_warming_instructionsstringNoInstructions for niche warming behavior. Only applies when niche_warming is enabled.',
		where: 'accountConfig.ts parseAccountConfig',
		test: S004,
		node: 'optional',
	},
	'S004-09': { quote: '1-24 characters. Allowed: [a-zA-Z0-9_.]', where: 'accountConfig.ts checkUsername', test: S004, node: '' },
	'S004-10': { quote: 'visible_name1-30 characters.', where: 'accountConfig.ts checkVisibleName', test: S004, node: '' },
	'S004-11': { quote: 'biographyMax 80 characters.', where: 'accountConfig.ts checkBiography', test: S004, node: 'count characters as people do (code points)' },
	'S004-12': { quote: 'profile_picture_urlMust be a valid URL.', where: 'accountConfig.ts checkPictureUrl', test: S004, node: '' },
	'S004-13': { quote: 'link_in_bioMust be a valid URL. Instagram only.', where: 'accountConfig.ts checkLinkInBio', test: S004, node: '' },
	'S004-14': {
		quote: 'Bundle must be in pending_setup or configured status.',
		where: 'routes/bundleAccount.ts configure (bundle pending_setup; see contradictions)',
		test: S004,
		node: '',
	},
	'S004-15': {
		quote: 'You cannot modify account configuration after the bundle has been published (unpublish first).',
		where: 'routes/bundleAccount.ts configure (409 invalid_status)',
		test: S004,
		node: 'explain: unpublish first',
	},
	'S004-16': {
		quote: '"configured_at": "2026-02-10T10:00:00Z"',
		where: 'views.ts accountConfigView ({id, account: {…7 fields}})',
		test: S004,
		node: '',
	},
	'S004-17': {
		quote: '"link_in_bio": "https://cafeparis.example.com",',
		where: 'routes/bundleAccount.ts configure (Instagram example)',
		test: S004,
		node: '',
	},
	'S004-18': { quote: 'Retrieve the current account configuration for a bundle.', where: 'routes/bundleAccount.ts getAccount', test: S004, node: '' },
	'S004-19': { quote: '"status": "configured"', where: 'routes/bundleAccount.ts getAccount', test: S004, node: '' },
	'S004-20': {
		quote: 'Username does not match allowed pattern [a-zA-Z0-9_.] or exceeds 24 characters.',
		where: 'accountConfig.ts (400 invalid_username)',
		test: S004,
		node: '',
	},
	'S004-21': { quote: 'Visible name is empty or exceeds 30 characters.', where: 'accountConfig.ts (400 invalid_visible_name)', test: S004, node: '' },
	'S004-22': { quote: 'Biography exceeds 80 characters.', where: 'accountConfig.ts (400 biography_too_long)', test: S004, node: '' },
	'S004-23': { quote: 'profile_picture_url or link_in_bio is not a valid URL.', where: 'accountConfig.ts (400 invalid_url)', test: S004, node: '' },
	'S004-24': { quote: 'link_in_bio is only supported on Instagram.', where: 'accountConfig.ts (400 link_in_bio_instagram_only)', test: S004, node: '' },
	'S004-25': {
		quote: 'Bundle is not in pending_setup or configured status.',
		where: 'routes/bundleAccount.ts (409 invalid_status)',
		test: S004,
		node: '',
	},
	'S004-26': { quote: 'Bundle does not exist.', where: 'routes/bundleAccount.ts (404 bundle_not_found)', test: S004, node: '' },
};

/** A spec test's name: the id and the sentence it proves. */
export function seedTest(id: string): string {
	const sentence = SEED_SENTENCES[id];
	if (!sentence) throw new Error(`unknown seed sentence ${id}`);
	return `${id} ${sentence.quote}`;
}

/** The README's seed table (seedTable.test.ts keeps it identical to this rendering). */
export function renderSeedTable(): string {
	const cell = (text: string) => text.replace(/\|/g, '\\|');
	const lines: string[] = [];
	for (const [doc, title] of Object.entries(SEED_DOCUMENTS)) {
		lines.push(`#### ${doc} — ${title}`, '', '| # | Seed sentence (verbatim) | Simulator | Test | Node must |', '|---|---|---|---|---|');
		for (const [id, s] of Object.entries(SEED_SENTENCES)) {
			if (id.slice(1, 4) !== doc) continue;
			lines.push(`| ${id} | ${cell(s.quote)} | ${cell(s.where)} | ${s.test ?? '—'} | ${cell(s.node) || '—'} |`);
		}
		lines.push('');
	}
	return lines.join('\n').trimEnd();
}
