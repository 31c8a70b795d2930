import type { AnyField } from '../../shared/validation';
import { collection, text } from '../../shared/validation';

/**
 * The two parts of a corrections request (Account Action and Video → Request Corrections): a comment,
 * and feedback per field. Each operation words them for what is corrected and keeps its own rules.
 */

/** The required general Comment for the account manager. */
export function correctionComment(wording: { placeholder: string; description: string }) {
	return text({ name: 'comment', displayName: 'Comment', required: true, rows: 2, ...wording });
}

/** Feedback on one field. Blank feedback (an empty sheet column) means "nothing to say about this field". */
export function feedbackOn(name: string, displayName: string, placeholder: string, description: string) {
	return text({ name, displayName, placeholder, description });
}

/** The "Feedback per Field" collection; its keys are TokPortal's field names, sent as the `fields` object. */
export function feedbackPerField<C extends Record<string, AnyField>>(description: string, fields: C) {
	return collection({ name: 'feedback', displayName: 'Feedback per Field', placeholder: 'Add Field Feedback', description, fields });
}
