import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { MAX_PAGE_SIZE, PLATFORM_NAMES } from '../../shared/constants';
import { apiRequest } from '../../shared/transport';

const PAGE_SIZE = MAX_PAGE_SIZE;

function platformName(value: unknown): string {
	return PLATFORM_NAMES[String(value)] ?? String(value ?? '');
}

function matches(filter: string | undefined, ...fields: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return fields.some((field) => typeof field === 'string' && field.toLowerCase().includes(needle));
}

/** TokPortal lists have no text search: page through them and filter here, one page per call. */
async function searchPage(
	context: ILoadOptionsFunctions,
	path: string,
	paginationToken: string | undefined,
): Promise<{ items: IDataObject[]; nextToken?: string }> {
	const page = Number(paginationToken ?? '1') || 1;
	const { body } = await apiRequest.call(context, {
		method: 'GET',
		path,
		qs: { page, per_page: PAGE_SIZE },
	});
	const items = Array.isArray(body.data) ? (body.data as IDataObject[]) : [];
	const totalPages = (body.pagination as IDataObject | undefined)?.total_pages;
	const hasMore = typeof totalPages === 'number' ? page < totalPages : items.length === PAGE_SIZE;
	return { items, nextToken: hasMore ? String(page + 1) : undefined };
}

export async function searchBundles(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { items, nextToken } = await searchPage(this, '/bundles', paginationToken);
	return {
		results: items
			.filter((bundle) => matches(filter, bundle.title, bundle.external_ref, bundle.id))
			.map((bundle) => ({
				name: [
					bundle.title || 'Untitled bundle',
					bundle.external_ref ? `ref ${String(bundle.external_ref)}` : undefined,
					platformName(bundle.platform),
					bundle.country,
					bundle.status,
				]
					.filter(Boolean)
					.join(' · '),
				value: String(bundle.id),
			})),
		paginationToken: nextToken,
	};
}

export async function searchAccounts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { items, nextToken } = await searchPage(this, '/accounts', paginationToken);
	return {
		results: items
			.filter((account) => matches(filter, account.username, account.visible_name, account.id))
			.map((account) => ({
				name: [`@${String(account.username)}`, platformName(account.platform), account.country]
					.filter(Boolean)
					.join(' · '),
				value: String(account.id),
				url: typeof account.profile_url === 'string' ? account.profile_url : undefined,
			})),
		paginationToken: nextToken,
	};
}

export async function searchCommentTasks(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { items, nextToken } = await searchPage(this, '/comments', paginationToken);
	return {
		results: items
			.filter((task) => matches(filter, task.comment_text, task.target_author_handle, task.status, task.id))
			.map((task) => {
				const text = String(task.comment_text ?? '');
				return {
					name: [
						`“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”`,
						task.target_author_handle ? `on @${String(task.target_author_handle)}` : undefined,
						platformName(task.platform),
						task.status,
					]
						.filter(Boolean)
						.join(' · '),
					value: String(task.id),
					url: typeof task.target_video_url === 'string' ? task.target_video_url : undefined,
				};
			}),
		paginationToken: nextToken,
	};
}

export async function searchWebhooks(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { items, nextToken } = await searchPage(this, '/webhooks', paginationToken);
	return {
		results: items
			.filter((hook) => matches(filter, hook.description, hook.url, hook.id))
			.map((hook) => {
				const events = Array.isArray(hook.events) ? hook.events.length : 0;
				return {
					name: [
						hook.description || hook.url,
						hook.description ? hook.url : undefined,
						`${events} event${events === 1 ? '' : 's'}`,
						hook.enabled === false ? 'disabled' : undefined,
					]
						.filter(Boolean)
						.join(' · '),
					value: String(hook.id),
				};
			}),
		paginationToken: nextToken,
	};
}
