// Static reference data: API version, countries, platforms, webhook event catalogue.

export const API_VERSION = '2026-05-25';

/** `code` = TokPortal canonical code (GET /countries), `iso` = the code responses show (specs 000–001: "US"). */
export const COUNTRIES: ReadonlyArray<{ code: string; iso: string; name: string }> = [
	{ code: 'USA', iso: 'US', name: 'United States' },
	{ code: 'UK', iso: 'GB', name: 'United Kingdom' },
	{ code: 'FR', iso: 'FR', name: 'France' },
	{ code: 'DE', iso: 'DE', name: 'Germany' },
	{ code: 'CA', iso: 'CA', name: 'Canada' },
	{ code: 'IT', iso: 'IT', name: 'Italy' },
	{ code: 'ES', iso: 'ES', name: 'Spain' },
	{ code: 'PH', iso: 'PH', name: 'Philippines' },
	{ code: 'BR', iso: 'BR', name: 'Brazil' },
	{ code: 'MX', iso: 'MX', name: 'Mexico' },
	{ code: 'AU', iso: 'AU', name: 'Australia' },
	{ code: 'JP', iso: 'JP', name: 'Japan' },
	{ code: 'NL', iso: 'NL', name: 'Netherlands' },
	{ code: 'IN', iso: 'IN', name: 'India' },
	{ code: 'ID', iso: 'ID', name: 'Indonesia' },
	{ code: 'AE', iso: 'AE', name: 'United Arab Emirates' },
];

/**
 * The response code (ISO alpha-2, e.g. `US`) for a canonical code or alias, case-insensitive; null if
 * unknown. Inputs may use either form (spec 000: "US, USA, FR, UK").
 */
export function countryCode(input: string): string | null {
	const upper = input.trim().toUpperCase();
	return COUNTRIES.find((c) => c.code === upper || c.iso === upper)?.iso ?? null;
}

export const PLATFORMS = [
	{ value: 'tiktok', name: 'TikTok', orderable: true },
	{ value: 'instagram', name: 'Instagram', orderable: true },
	{ value: 'youtube', name: 'YouTube', orderable: false },
] as const;

export const ORDERABLE_PLATFORMS: readonly string[] = ['tiktok', 'instagram'];
export const READABLE_PLATFORMS: readonly string[] = PLATFORMS.map((p) => p.value);

export const EVENT_TYPES: ReadonlyArray<{ type: string; description: string }> = [
	{ type: 'webhook.test', description: 'Test event sent by POST /webhooks/{id}/test.' },
	{ type: 'bundle.created', description: 'A bundle was created (credits debited).' },
	{ type: 'bundle.published', description: 'A bundle was published for processing.' },
	{ type: 'bundle.cancelled', description: 'A bundle was cancelled, e.g. because its account was banned.' },
	{ type: 'bundle.archived', description: 'A bundle was archived.' },
	{ type: 'account.configured', description: "The bundle's account configuration was saved." },
	{ type: 'account.published', description: "The bundle's account was submitted with the bundle." },
	{ type: 'account.in_review', description: 'The account was created and awaits your review.' },
	{ type: 'account.pending_corrections', description: 'Corrections were requested on the account.' },
	{ type: 'account.finalized', description: 'The account was approved (by you or automatically after 72 h).' },
	{ type: 'account.remade', description: 'The account was rebuilt under the same bundle; saved_account_id changed.' },
	{ type: 'account.banned', description: 'A delivered account was confirmed banned; its active bundles are cancelled.' },
	{ type: 'account.revealed', description: 'Credentials or a verification code of a delivered account were accessed for the first time.' },
	{ type: 'account.distribution_warning', description: 'The platform restricted the reach of an account.' },
	{ type: 'account.ban_appeal.submitted', description: 'An appeal was filed for a banned account.' },
	{ type: 'account.ban_appeal.resolved', description: 'A ban appeal was resolved.' },
	{ type: 'account.ban_resolution.decided', description: 'Staff decided the resolution of a confirmed ban (refund, remake, ...).' },
	{ type: 'video.configured', description: 'A video slot was configured.' },
	{ type: 'video.in_review', description: 'A video was posted on the platform and awaits your review.' },
	{ type: 'video.published', description: 'A video was published: submitted to TokPortal for posting (not live yet).' },
	{ type: 'video.pending_corrections', description: 'Corrections were requested on a video.' },
	{ type: 'video.finalized', description: 'A posted video was finalized (by you, after 72 h, or at once with auto-finalize).' },
	{ type: 'video.not_recommended', description: 'The platform marked a video as not recommended.' },
	{ type: 'video.ai_labeled', description: 'The platform labeled a video as AI-generated.' },
	{ type: 'video.sound_restricted', description: "The platform restricted a video's sound." },
	{ type: 'warming.session_started', description: 'A warming session started.' },
	{ type: 'warming.term_verified', description: 'A warming term was verified.' },
	{ type: 'warming.session_completed', description: 'A warming session completed.' },
	{ type: 'subscription.renewed', description: 'Coverage for a delivered account was renewed.' },
	{ type: 'subscription.lapsed', description: 'Coverage for a delivered account lapsed.' },
	{ type: 'subscription.cancelled', description: 'Coverage for a delivered account was cancelled.' },
	{ type: 'subscription.reactivated', description: 'Coverage for a delivered account was reactivated.' },
	{ type: 'subscription.ended', description: 'Coverage for a delivered account ended for good.' },
	{ type: 'credits.restored', description: 'Credits were restored after a covered ban.' },
];

export const EVENT_TYPE_NAMES: ReadonlySet<string> = new Set(EVENT_TYPES.map((e) => e.type));

/**
 * Documented (newest docs, 34 events) but not emitted by TokPortal yet: the four platform-signal events
 * missing from the SDK enums and the 30-event lists (notes §11.2). Subscribing to them is accepted.
 */
export const NOT_YET_EMITTED: ReadonlySet<string> = new Set([
	'account.distribution_warning',
	'video.not_recommended',
	'video.ai_labeled',
	'video.sound_restricted',
]);
