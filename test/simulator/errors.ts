// The TokPortal error envelope: {error: {code, message, details?}}. Handlers throw ApiError;
// the server turns it into a response, so validation can bail out from any depth.

export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly details?: Record<string, unknown>,
	) {
		super(message);
	}
}

export function errorBody(err: ApiError): { error: Record<string, unknown> } {
	return {
		error: {
			code: err.code,
			message: err.message,
			...(err.details ? { details: err.details } : {}),
		},
	};
}

/** Generic 400 used by the UPPERCASE-era endpoints (notes §2.4 detail shape). */
export function validationError(field: string, message: string): ApiError {
	return new ApiError(400, 'VALIDATION_ERROR', message, { field });
}
