// Public entry point of the TokPortal simulator (see README.md).
export { DEFAULT_API_KEY, STARTER_API_KEY, startSimulator } from './simulator';
export type { Simulator, SimulatorOptions } from './simulator';
export type { RequestLogEntry } from './requestLog';
export type { Fault, FaultControl } from './faults';
export type { AccountChanges, Operator } from './operator';
export type { RateLimit } from './rateLimiter';
export { signPayload } from './webhookDelivery';
export type {
	AccountListing,
	AccountStatus,
	Bundle,
	BundleStatus,
	BundleType,
	CreditTransaction,
	DeliveredAccount,
	FeedbackEntry,
	RemadeInfo,
	SimState,
	VideoSlot,
	WebhookDelivery,
	WebhookEndpoint,
	WebhookEvent,
} from './types';
export type { ServiceActions } from './serviceOperator';
export type {
	AdCodeRequest,
	AnalyticsPlan,
	BanReport,
	CommentTask,
	Coverage,
	EditRequest,
	WarmingSession,
} from './serviceTypes';
