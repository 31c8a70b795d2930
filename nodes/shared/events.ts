import type { INodePropertyOptions } from 'n8n-workflow';

/** The "All Events" choice of the Events parameter. */
export const ALL_EVENTS = '*';

/** Sent by TokPortal's "send test event" button: always delivered, whatever is selected. */
export const TEST_EVENT = 'webhook.test';

export interface EventType {
	type: string;
	description: string;
	/** False for a type TokPortal documents but does not send yet (its catalogue's `emitted` flag). */
	emitted?: boolean;
}

/**
 * The 34 documented event types (shared/tokportal-api.md, Webhooks). Used when TokPortal's catalogue
 * (GET /webhooks/events) cannot be reached, and as the subscription for "All Events": an explicit list,
 * because TokPortal rejects types it does not know. The four marked not emitted appear only in the
 * newest documentation, not in TokPortal's SDK enums nor in the lists of emitted events.
 */
export const EVENT_TYPES: readonly EventType[] = [
	{ type: 'webhook.test', description: 'A test event sent from TokPortal (always delivered)' },
	{ type: 'bundle.created', description: 'A bundle was ordered and its credits debited' },
	{ type: 'bundle.published', description: 'A bundle was published and is being worked on' },
	{ type: 'bundle.cancelled', description: 'A bundle was cancelled, for example because its account was banned' },
	{ type: 'bundle.archived', description: 'A bundle was archived' },
	{ type: 'account.configured', description: "A bundle's account profile was saved" },
	{ type: 'account.published', description: "A bundle's account was submitted with its bundle" },
	{ type: 'account.in_review', description: 'A new account is ready for your review' },
	{ type: 'account.pending_corrections', description: 'Corrections were requested on an account (its status is corrections_requested)' },
	{ type: 'account.finalized', description: 'An account was approved (by you, or automatically after 72 hours)' },
	{ type: 'account.remade', description: 'An account was rebuilt under the same bundle (new delivered account ID)' },
	{ type: 'account.banned', description: 'A delivered account was confirmed banned; its active bundles are cancelled' },
	{ type: 'account.revealed', description: 'Credentials or a verification code of a delivered account were revealed' },
	{ type: 'account.distribution_warning', description: 'The platform restricted the reach of an account', emitted: false },
	{ type: 'account.ban_appeal.submitted', description: 'An appeal was filed for a banned account' },
	{ type: 'account.ban_appeal.resolved', description: 'A ban appeal was resolved' },
	{ type: 'account.ban_resolution.decided', description: 'TokPortal decided how a confirmed ban is resolved (refund, remake…)' },
	{ type: 'video.configured', description: 'A video slot was configured' },
	{ type: 'video.in_review', description: 'A video was posted on the platform and waits for your review' },
	{ type: 'video.published', description: 'A video was submitted for posting (not live yet: its platform_url comes with In Review or Finalized)' },
	{ type: 'video.pending_corrections', description: 'Corrections were requested on a video' },
	{ type: 'video.finalized', description: 'A video is live and approved (by you, or automatically), with its platform_url' },
	{ type: 'video.not_recommended', description: 'The platform marked a video as not recommended', emitted: false },
	{ type: 'video.ai_labeled', description: 'The platform labeled a video as AI-generated', emitted: false },
	{ type: 'video.sound_restricted', description: "The platform restricted a video's sound", emitted: false },
	{ type: 'warming.session_started', description: 'An account warming session started' },
	{ type: 'warming.term_verified', description: 'A warming search term was verified' },
	{ type: 'warming.session_completed', description: 'An account warming session completed' },
	{ type: 'subscription.renewed', description: 'Coverage of a delivered account was renewed' },
	{ type: 'subscription.lapsed', description: 'Coverage of a delivered account lapsed (payment missing)' },
	{ type: 'subscription.cancelled', description: 'Coverage of a delivered account was cancelled' },
	{ type: 'subscription.reactivated', description: 'Coverage of a delivered account was reactivated' },
	{ type: 'subscription.ended', description: 'Coverage of a delivered account ended for good' },
	{ type: 'credits.restored', description: 'Credits were restored after a covered ban' },
];

const GROUPS: Record<string, string> = {
	webhook: 'Webhook',
	bundle: 'Bundle',
	account: 'Account',
	video: 'Video',
	warming: 'Warming',
	subscription: 'Coverage',
	credits: 'Credits',
};

const WORDS: Record<string, string> = { ai: 'AI' };

function titleCase(words: string[]): string {
	return words.map((word) => WORDS[word] ?? word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
}

/** "account.ban_appeal.submitted" → "Account: Ban Appeal Submitted", so the list groups by resource. */
export function eventLabel(type: string): string {
	const [prefix, ...rest] = type.split('.');
	const group = GROUPS[prefix] ?? titleCase([prefix]);
	const words = rest.join('_').split('_').filter(Boolean);
	return words.length ? `${group}: ${titleCase(words)}` : group;
}

/** What the dropdowns say about a type TokPortal documents but does not send yet. */
export const NOT_EMITTED_LABEL = ' (Not Emitted Yet)';
const NOT_EMITTED_NOTE = 'Not sent by TokPortal yet (documented for a later release). ';

/**
 * Dropdown options: "All Events" first (unless `withAll` is false), then every event sorted by label
 * (hence by group). Types TokPortal does not send yet say so, in their name and description.
 */
export function eventOptions(events: readonly EventType[], withAll = true): INodePropertyOptions[] {
	const options = events
		.map(({ type, description, emitted }) => ({
			name: emitted === false ? `${eventLabel(type)}${NOT_EMITTED_LABEL}` : eventLabel(type),
			value: type,
			description: emitted === false ? `${NOT_EMITTED_NOTE}${description}` : description,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
	if (!withAll) return options;
	return [
		{ name: 'All Events', value: ALL_EVENTS, description: 'Every event type TokPortal sends' },
		...options,
	];
}

/** The event types to subscribe to for a selection: "All Events" expands to the full list. */
export function subscribedEvents(selection: readonly string[]): string[] {
	if (selection.includes(ALL_EVENTS)) return EVENT_TYPES.map(({ type }) => type);
	return [...new Set(selection)].sort();
}

/** Whether a delivery of this type starts the workflow. */
export function isWanted(type: string, selection: readonly string[]): boolean {
	return type === TEST_EVENT || selection.includes(ALL_EVENTS) || selection.includes(type);
}

export function sameEvents(a: readonly string[], b: readonly string[]): boolean {
	const left = new Set(a);
	const right = new Set(b);
	return left.size === right.size && [...left].every((type) => right.has(type));
}
