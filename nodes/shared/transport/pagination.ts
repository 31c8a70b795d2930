import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { DEFAULT_PAGE_CONCURRENCY, MAX_PAGE_CONCURRENCY, MAX_PAGE_SIZE, MAX_PAGES } from '../constants';
import { connect } from './connection';
import { requestOn } from './request';
import type { RetryPolicy } from './retry';
import type { TokPortalContext } from './types';

/** Reading a page is always safe to repeat, so a long listing gets more patience than a single call. */
const PAGE_RETRY = { maxAttempts: 10 };

export interface ListOptions {
	path: string;
	/** Filters; `page` and `per_page` are set by the paginator. */
	qs?: IDataObject;
	/** Stop after this many items; undefined returns every item. */
	limit?: number;
	itemIndex?: number;
	/** Pages requested at the same time once the first page told how many there are (1 = one by one). */
	concurrency?: number;
	/** Overrides the per-page retry policy (e.g. fewer attempts when a user is waiting). */
	retry?: Partial<RetryPolicy>;
}

interface Page {
	items: IDataObject[];
	totalPages?: number;
}

/** Keeps items in page order, drops an item seen before (lists shift while they are read), stops at the limit. */
class Collector {
	readonly items: IDataObject[] = [];

	private readonly seen = new Set<string>();

	constructor(private readonly limit: number | undefined) {}

	get full(): boolean {
		return this.limit !== undefined && this.items.length >= this.limit;
	}

	add(items: IDataObject[]): void {
		for (const item of items) {
			if (this.full) return;
			const id = item.id;
			if (typeof id === 'string' || typeof id === 'number') {
				const key = String(id);
				if (this.seen.has(key)) continue;
				this.seen.add(key);
			}
			this.items.push(item);
		}
	}
}

/**
 * Reads a paginated TokPortal list (`page`/`per_page`). Return All asks for the maximum page size;
 * a Limit asks for no more than it needs and never fetches a page whose items would be thrown away.
 * Once the first page tells how many pages there are, the rest are fetched a few at a time (the
 * transport's rate limiter keeps them within TokPortal's bucket) and returned in page order.
 * Stops at the last page or an empty page; a hard page cap guards against a server that never ends.
 */
export async function apiRequestAllItems(
	this: TokPortalContext,
	options: ListOptions,
): Promise<IDataObject[]> {
	const { limit, itemIndex } = options;
	const perPage = limit === undefined ? MAX_PAGE_SIZE : Math.max(1, Math.min(limit, MAX_PAGE_SIZE));
	const concurrency = Math.max(
		1,
		Math.min(Math.floor(options.concurrency ?? DEFAULT_PAGE_CONCURRENCY), MAX_PAGE_CONCURRENCY),
	);
	const collector = new Collector(limit);
	const connection = await connect(this);

	const fetchPage = async (page: number): Promise<Page> => {
		const { body } = await requestOn.call(this, connection, {
			method: 'GET',
			path: options.path,
			qs: { ...options.qs, page, per_page: perPage },
			itemIndex,
			retry: options.retry ?? PAGE_RETRY,
		});
		const pagination = body.pagination as IDataObject | undefined;
		const totalPages = pagination?.total_pages;
		return {
			items: Array.isArray(body.data) ? (body.data as IDataObject[]) : [],
			totalPages: typeof totalPages === 'number' ? totalPages : undefined,
		};
	};
	const tooManyPages = () =>
		new NodeOperationError(
			this.getNode(),
			`TokPortal reports more than ${MAX_PAGES} pages of ${options.path}, so the node stopped`,
			{ itemIndex, description: 'Narrow the list with filters, or use a Limit.' },
		);

	const first = await fetchPage(1);
	collector.add(first.items);
	if (collector.full || first.items.length === 0) return collector.items;

	if (first.totalPages === undefined) {
		// No page count: read on until a short or empty page.
		let last = first;
		for (let page = 2; last.items.length === perPage && !collector.full; page++) {
			if (page > MAX_PAGES) throw tooManyPages();
			last = await fetchPage(page);
			collector.add(last.items);
		}
		return collector.items;
	}

	if (limit === undefined && first.totalPages > MAX_PAGES) throw tooManyPages();
	const lastPage =
		limit === undefined
			? first.totalPages
			: Math.min(first.totalPages, MAX_PAGES, Math.ceil(limit / perPage));

	// Pages that arrived ahead of their turn; each page is collected as soon as all pages before it
	// are, so the work of collecting is done while later pages are still on their way.
	const arrived = new Map<number, IDataObject[]>();
	let nextToCollect = 2;
	let nextPage = 2;
	let failure: unknown;
	const worker = async () => {
		while (failure === undefined && nextPage <= lastPage) {
			const page = nextPage++;
			try {
				arrived.set(page, (await fetchPage(page)).items);
			} catch (error) {
				failure ??= error;
				return;
			}
			for (let items = arrived.get(nextToCollect); items; items = arrived.get(nextToCollect)) {
				arrived.delete(nextToCollect++);
				collector.add(items);
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, lastPage - 1) }, worker));
	if (failure !== undefined) throw failure;
	return collector.items;
}
