import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { ApiRequestOptions, ApiResponse } from '../../../shared/transport';
import { apiRequest, asNodeError } from '../../../shared/transport';

/**
 * Analytics depend on the TokPortal plan (Starter, Creator, Marketer/Farmer). When a feature is not
 * in the key's plan, the error says which plan includes it: from the refusal's details when TokPortal
 * gives them, otherwise from the plan contract (GET /analytics/contract, free), which lists every
 * analytics endpoint with the plan it needs.
 */

/** One analytics endpoint as the contract names it, e.g. `GET /analytics/export/videos`. */
export interface Endpoint {
	method: 'GET' | 'POST';
	/** The path with `{id}` placeholders, as in the contract. */
	template: string;
}

const FEATURES: Record<string, string> = {
	comments: 'comment analytics',
	demographics: 'audience demographics',
	export_videos_csv: 'the CSV export of video analytics',
	raw_snapshots: 'raw provider snapshots',
	reports: 'analytics reports',
	series: 'analytics time series',
};

function planName(plan: unknown): string | undefined {
	if (typeof plan !== 'string' || plan === '') return undefined;
	return plan.charAt(0).toUpperCase() + plan.slice(1);
}

interface PlanGap {
	feature?: string;
	current?: string;
	required: string;
	including: string[];
}

function gapFromDetails(details: IDataObject): PlanGap | undefined {
	const required = planName(details.required_plan);
	if (!required) return undefined;
	const including = Array.isArray(details.plans_including_feature)
		? details.plans_including_feature.map(planName).filter((name): name is string => name !== undefined)
		: [];
	return {
		feature: typeof details.feature === 'string' ? details.feature : undefined,
		current: planName(details.current_plan),
		required,
		including,
	};
}

async function gapFromContract(
	context: IExecuteFunctions,
	itemIndex: number,
	endpoint: Endpoint,
): Promise<PlanGap | undefined> {
	let contract: IDataObject;
	try {
		const { body } = await apiRequest.call(context, {
			method: 'GET',
			path: '/analytics/contract',
			itemIndex,
			retry: { maxAttempts: 2 },
		});
		contract = (body.data ?? {}) as IDataObject;
	} catch {
		// The original refusal is more useful than a second error about the contract.
		return undefined;
	}
	const endpoints = Array.isArray(contract.endpoints) ? (contract.endpoints as IDataObject[]) : [];
	const entry = endpoints.find((e) => e.method === endpoint.method && e.path === endpoint.template);
	if (!entry || entry.allowed !== false) return undefined;
	const required = planName(entry.required_plan);
	if (!required) return undefined;
	const feature = typeof entry.feature === 'string' ? entry.feature : undefined;
	const plans = Array.isArray(contract.plans) ? (contract.plans as IDataObject[]) : [];
	const including = plans
		.filter((plan) => feature !== undefined && Array.isArray(plan.features) && (plan.features as unknown[]).includes(feature))
		.map((plan) => planName(plan.plan))
		.filter((name): name is string => name !== undefined);
	return { feature, current: planName(contract.plan), required, including };
}

function planMessage(gap: PlanGap): string {
	const feature = (gap.feature && FEATURES[gap.feature]) ?? 'this analytics feature';
	const yours = gap.current ? `Your TokPortal plan (${gap.current})` : 'Your TokPortal plan';
	const others = gap.including.filter((plan) => plan !== gap.required);
	const alsoIn = others.length ? ` (also in ${others.join(', ')})` : '';
	return `${yours} does not include ${feature}. It is included from the ${gap.required} plan${alsoIn}: upgrade in TokPortal, or run Analytics → Get Contract to see what this API key can read.`;
}

/** Runs an analytics call; a plan refusal (403) is re-worded to name the plan that includes it. */
export async function withPlanCheck<T>(
	context: IExecuteFunctions,
	itemIndex: number,
	endpoint: Endpoint,
	call: () => Promise<T>,
): Promise<T> {
	try {
		return await call();
	} catch (error) {
		if (error instanceof NodeApiError && error.context.httpStatus === 403) {
			const details = (error.context.tokportalDetails ?? {}) as IDataObject;
			const gap = gapFromDetails(details) ?? (await gapFromContract(context, itemIndex, endpoint));
			if (gap) error.message = planMessage(gap);
		}
		throw asNodeError(context.getNode(), error, itemIndex);
	}
}

/** An analytics request (GET unless the endpoint says otherwise) with the plan check. */
export async function analyticsRequest(
	context: IExecuteFunctions,
	itemIndex: number,
	endpoint: Endpoint,
	options: Omit<ApiRequestOptions, 'method' | 'itemIndex'>,
): Promise<ApiResponse> {
	return await withPlanCheck(context, itemIndex, endpoint, async () =>
		await apiRequest.call(context, { ...options, method: endpoint.method, itemIndex }),
	);
}
