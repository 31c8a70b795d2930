import type { ErrorExplanation } from '../operation';

/** What TokPortal's upload refusals mean here. */
export const uploadErrors: Readonly<Record<string, ErrorExplanation>> = {
	PAYLOAD_TOO_LARGE:
		'The file is too large for TokPortal. Use a smaller or shorter file (compress the video), then run again.',
	CONTENT_TYPE_MISMATCH:
		'TokPortal’s storage refused the file’s type. Make sure the binary file has the right type (MP4/MOV/WebM videos, JPEG/PNG/WebP/GIF images).',
	VALIDATION_ERROR: (details) =>
		details.field === 'url'
			? 'TokPortal could not use the Image URL: it must be a public direct link to a JPEG, PNG, WebP or GIF image that answers without a login.'
			: details.field === 'file' || details.field === 'content_type'
				? 'TokPortal does not accept this file type: videos MP4, MOV, WebM or M4V; images JPEG, PNG, WebP or GIF.'
				: undefined,
};
