import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { ORDERABLE_PLATFORMS, PLATFORM_NAMES } from '../../shared/constants';
import { apiPath, apiRequest } from '../../shared/transport';
import { eventOptions } from '../../shared/events';
import { eventCatalogue } from '../../shared/eventCatalogue';

/** Used when /countries cannot be reached, so the dropdown still works (codes accepted by TokPortal). */
const FALLBACK_COUNTRIES: INodePropertyOptions[] = [
	['USA', 'United States'],
	['UK', 'United Kingdom'],
	['CA', 'Canada'],
	['AU', 'Australia'],
	['FR', 'France'],
	['DE', 'Germany'],
	['ES', 'Spain'],
	['IT', 'Italy'],
	['BR', 'Brazil'],
	['MX', 'Mexico'],
	['PH', 'Philippines'],
].map(([value, name]) => ({ name: `${name} (${value})`, value }));

const FALLBACK_PLATFORMS: Array<INodePropertyOptions & { orderable: boolean }> = Object.entries(PLATFORM_NAMES).map(
	([value, name]) => ({ name, value, orderable: (ORDERABLE_PLATFORMS as readonly string[]).includes(value) }),
);

async function fetchList(context: ILoadOptionsFunctions, path: string): Promise<IDataObject[] | undefined> {
	try {
		const { body } = await apiRequest.call(context, { method: 'GET', path, retry: { maxAttempts: 2 } });
		return Array.isArray(body.data) ? (body.data as IDataObject[]) : undefined;
	} catch {
		// A dropdown must stay usable offline or with a wrong key: fall back to the documented values.
		return undefined;
	}
}

export async function getCountries(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const countries = await fetchList(this, '/countries');
	if (!countries?.length) return FALLBACK_COUNTRIES;
	return countries
		.filter((country) => typeof country.code === 'string')
		.map((country) => ({
			name: `${String(country.name ?? country.code)} (${String(country.code)})`,
			value: String(country.code),
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

async function platforms(context: ILoadOptionsFunctions, orderableOnly: boolean): Promise<INodePropertyOptions[]> {
	const remote = await fetchList(context, '/platforms');
	const list = remote?.length
		? remote.map((platform) => ({
				name: String(platform.name ?? platform.value),
				value: String(platform.value ?? platform.name).toLowerCase(),
				orderable: platform.orderable !== false,
			}))
		: FALLBACK_PLATFORMS;
	return list
		.filter((platform) => !orderableOnly || platform.orderable)
		.map(({ name, value }) => ({ name, value }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** Every platform an account or bundle can be on (for filters). */
export async function getPlatforms(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await platforms(this, false);
}

/** Platforms new bundles can be ordered on. */
export async function getOrderablePlatforms(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await platforms(this, true);
}

/** Event types for a webhook's subscription: "All Events" first, then TokPortal's catalogue. */
export async function getWebhookEvents(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return eventOptions(await eventCatalogue(this));
}

/** Event types to filter by (no "All Events": leaving the filter out means every type). */
export async function getWebhookEventTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return eventOptions(await eventCatalogue(this), false);
}

/** The slots of the bundle chosen in the Bundle field: "3 · configured · 2026-06-05 · Launch clip". */
export async function getVideoSlots(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const bundle = this.getCurrentNodeParameter('bundleId', { extractValue: true });
	if (typeof bundle !== 'string' || bundle === '' || bundle.startsWith('=')) return [];
	const slots = await fetchList(this, apiPath`/bundles/${bundle}/videos`);
	return (slots ?? [])
		.filter((slot) => Number.isInteger(Number(slot.position)))
		.map((slot) => ({
			name: [slot.position, slot.status, slot.target_publish_date, slot.name].filter((part) => part !== null && part !== undefined && part !== '').join(' · '),
			value: Number(slot.position),
			description: slot.external_ref ? `External Reference: ${String(slot.external_ref)}` : undefined,
		}));
}
