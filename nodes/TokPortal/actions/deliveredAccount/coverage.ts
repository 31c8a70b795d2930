/** What TokPortal's Coverage (managed subscription) codes mean for the three Coverage operations. */
export const COVERAGE_ERRORS = {
	MANAGED_SUBSCRIPTION_NOT_FOUND:
		'TokPortal has no Coverage for this delivered account. Accounts delivered before TokPortal Coverage existed are grandfathered: they keep their support without it. If this account is newer, contact TokPortal support with the request ID below.',
	MANAGED_SUBSCRIPTION_ENDED:
		'TokPortal Coverage of this delivered account has ended for good (for example after its credentials were revealed): it cannot be changed or reactivated. Nothing was charged.',
} as const;

/** The price of a 30-day Coverage period of one delivered account. */
export const COVERAGE_PERIOD_CREDITS = 25;
