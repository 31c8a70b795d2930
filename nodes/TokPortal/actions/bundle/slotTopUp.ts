import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { MAX_VIDEO_SLOTS } from '../../../shared/constants';
import { apiPath, apiRequest } from '../../../shared/transport';
import { integer, notice, notSentError, readItem } from '../../../shared/validation';
import { bundleId } from '../common.fields';
import type { TokPortalOperation } from '../operation';
import { chargeInfo, paidCallOptions, paidRequest } from '../paidCall';

/** Add Video Slots and Add Edit Slots: the same paid call on a bundle, with its own price and rule. */
interface TopUp {
	value: 'addVideoSlots' | 'addEditSlots';
	path: 'add-video-slots' | 'add-edit-slots';
	name: string;
	action: string;
	what: string;
	price: number;
	/** What the bundle must allow (read first, for free), or why it does not. */
	problem(bundle: IDataObject, quantity: number): string | undefined;
	description: string;
}

const CLOSED = ['completed', 'cancelled', 'archived'];

export function closedProblem(bundle: IDataObject, what: string): string | undefined {
	const status = String(bundle.status ?? '');
	return CLOSED.includes(status) ? `The bundle is ${status}: no ${what} can be added to it anymore` : undefined;
}

export function topUp(spec: TopUp): TokPortalOperation {
	const quantity = integer({
		name: 'quantity',
		displayName: 'Quantity',
		required: true,
		min: 1,
		max: MAX_VIDEO_SLOTS,
		default: 1,
		description: `How many ${spec.what} to add (1–${MAX_VIDEO_SLOTS}), ${spec.price} credits each`,
	});
	const options = paidCallOptions('TokPortal checks the request and shows the price (credits_would_charge), nothing is added or charged');

	async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		const input = readItem(this, itemIndex, { bundleId, quantity, options });
		// The bundle decides what can be added: read it (free) so a refusal never needs a paid call.
		const { body: current } = await apiRequest.call(this, { method: 'GET', path: apiPath`/bundles/${input.bundleId}`, itemIndex });
		const problem = spec.problem((current.data ?? {}) as IDataObject, input.quantity);
		if (problem) throw notSentError(this, itemIndex, problem);
		const response = await apiRequest.call(this, {
			method: 'POST',
			path: `${apiPath`/bundles/${input.bundleId}`}/${spec.path}`,
			body: { quantity: input.quantity },
			itemIndex,
			...paidRequest(`bundle.${spec.value}`, input.options),
		});
		return { ...((response.body.data ?? {}) as IDataObject), ...chargeInfo(response) };
	}

	return {
		option: { name: spec.name, value: spec.value, action: spec.action, description: spec.description },
		fields: [
			notice(
				`${spec.value}Notice`,
				`Credits are charged immediately: ${spec.price} per ${spec.what.replace(/s$/, '')}. Turn on Options → Dry Run to see the price first.`,
			),
			bundleId,
			quantity,
			options,
		],
		errors: {
			BUNDLE_INVALID_STATUS: (details: IDataObject) =>
				details.current_status !== undefined
					? `The bundle is ${String(details.current_status)}: no ${spec.what} can be added to it anymore. Nothing was charged.`
					: undefined,
		},
		execute,
	};
}
