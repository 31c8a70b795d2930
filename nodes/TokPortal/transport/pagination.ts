import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { MAX_PAGE_SIZE, MAX_PAGES } from './constants';
import type { TokPortalContext } from './request';
import { apiRequest } from './request';

export interface ListOptions {
	path: string;
	/** Filters; `page` and `per_page` are set by the paginator. */
	qs?: IDataObject;
	/** Stop after this many items; undefined returns every item. */
	limit?: number;
	itemIndex?: number;
}

interface Page {
	data?: unknown;
	pagination?: { page?: number; per_page?: number; total?: number; total_pages?: number };
}

/**
 * Reads a paginated TokPortal list (`page`/`per_page`). Return All asks for the maximum page size,
 * a Limit asks for no more than it needs and stops as soon as it has enough; both stop at the last
 * page (`page >= total_pages`) or an empty page, and a hard page cap guards against a server that
 * never ends.
 */
export async function apiRequestAllItems(
	this: TokPortalContext,
	options: ListOptions,
): Promise<IDataObject[]> {
	const { limit } = options;
	const perPage = limit === undefined ? MAX_PAGE_SIZE : Math.max(1, Math.min(limit, MAX_PAGE_SIZE));
	const items: IDataObject[] = [];

	for (let page = 1; page <= MAX_PAGES; page++) {
		const { body } = await apiRequest.call(this, {
			method: 'GET',
			path: options.path,
			qs: { ...options.qs, page, per_page: perPage },
			itemIndex: options.itemIndex,
		});
		const { data: pageData, pagination } = body as Page;
		const data = Array.isArray(pageData) ? (pageData as IDataObject[]) : [];
		items.push(...data);

		if (limit !== undefined && items.length >= limit) return items.slice(0, limit);
		const totalPages = pagination?.total_pages;
		if (data.length === 0) return items;
		if (typeof totalPages === 'number' ? page >= totalPages : data.length < perPage) return items;
	}
	throw new NodeOperationError(
		this.getNode(),
		`TokPortal kept returning pages of ${options.path} after ${MAX_PAGES} pages, so the node stopped`,
		{ itemIndex: options.itemIndex, description: 'Narrow the list with filters, or use a Limit.' },
	);
}
