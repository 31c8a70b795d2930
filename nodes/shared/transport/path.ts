import { toPathSegment } from 'n8n-workflow';

/**
 * Builds an API path from a template whose interpolated values are ids: each one is encoded as a
 * single path segment, so an id like `../me` can never reach another endpoint.
 * Usage: apiPath`/bundles/${bundleId}/publish`.
 */
export function apiPath(strings: TemplateStringsArray, ...ids: unknown[]): string {
	return strings.reduce(
		(path, literal, index) => path + literal + (index < ids.length ? toPathSegment(ids[index]) : ''),
		'',
	);
}
