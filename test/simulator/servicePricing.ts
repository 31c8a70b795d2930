// Prices of the account-care and task services (notes §12.2, current docs), in credits.
export const SERVICE_PRICES = {
	/** Advanced Niche Warming, per search term (3–30 terms, multiples of 3). */
	advanced_warming_term: 5,
	comment_task: 1,
	ad_code: 7,
	edit_request: 8,
	/** TokPortal Coverage, per 30-day period (the first period is included). */
	coverage_period: 25,
} as const;
