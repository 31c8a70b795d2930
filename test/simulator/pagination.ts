// page/per_page pagination (notes §5): defaults 1/25, per_page above 100 is clamped, past the end is empty.
import { validationError } from './errors';

export interface Page<T> {
	data: T[];
	pagination: { page: number; per_page: number; total: number; total_pages: number };
}

function positiveInt(raw: string | string[] | undefined, name: string, fallback: number): number {
	if (raw === undefined) return fallback;
	const text = Array.isArray(raw) ? raw[raw.length - 1] : raw;
	if (!/^\d+$/.test(text) || Number(text) < 1) throw validationError(name, `${name} must be a positive integer.`);
	return Number(text);
}

export function paginate<T>(items: T[], query: Record<string, string | string[]>): Page<T> {
	const page = positiveInt(query.page, 'page', 1);
	const perPage = Math.min(positiveInt(query.per_page, 'per_page', 25), 100);
	const start = (page - 1) * perPage;
	return {
		data: items.slice(start, start + perPage),
		pagination: {
			page,
			per_page: perPage,
			total: items.length,
			total_pages: Math.ceil(items.length / perPage),
		},
	};
}
