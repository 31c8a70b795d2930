// Paid slot top-ups (notes §7.11): POST /bundles/{id}/add-video-slots (2 credits per slot) and
// /add-edit-slots (3 per edit), debited immediately; dry run and idempotency like create.
import { ApiError, validationError } from '../errors';
import { newVideoSlot } from '../factories';
import { quote } from '../pricing';
import type { RouteContext, RouteDef, RouteResult } from '../router';
import type { Bundle, BundleStatus } from '../types';
import { objectBody, optInt } from '../validate';
import { videoView } from '../views';

const MAX_PER_CALL = 500;
const CLOSED: readonly BundleStatus[] = ['completed', 'cancelled', 'archived'];

function quantity(ctx: RouteContext): number {
	const o = objectBody(ctx.body);
	const unknown = Object.keys(o).find((k) => k !== 'quantity');
	if (unknown) throw new ApiError(400, 'UNKNOWN_FIELD', `Unknown field: ${unknown}.`, { field: unknown });
	const n = optInt(o, 'quantity', 1, MAX_PER_CALL);
	if (n === undefined) throw validationError('quantity', `quantity (1-${MAX_PER_CALL}) is required.`);
	return n;
}

function openBundle(ctx: RouteContext): Bundle {
	const b = ctx.store.ownedBundle(ctx.params.id, ctx.owner);
	if (CLOSED.includes(b.status)) {
		throw new ApiError(409, 'BUNDLE_INVALID_STATUS', `The bundle is ${b.status}: no slots can be added.`, {
			current_status: b.status,
		});
	}
	return b;
}

function paid(ctx: RouteContext, data: Record<string, unknown>, cost: ReturnType<typeof quote>): RouteResult {
	return {
		status: 200,
		body: { data, credits_charged: cost.total, credits_remaining: ctx.store.state.credits, cost_breakdown: cost },
	};
}

function addVideoSlots(ctx: RouteContext): RouteResult {
	const b = openBundle(ctx);
	const n = quantity(ctx);
	if (b.bundle_type === 'account_only') {
		throw validationError('quantity', 'account_only bundles have no video slots: order a videos_only bundle for the delivered account.');
	}
	const cost = quote({ newAccount: false, videos: n, edits: 0, nicheWarming: false, deepWarming: false });
	ctx.store.debit(ctx.owner, cost, `Added ${n} video slot${n > 1 ? 's' : ''}: ${b.title ?? b.id}`, b.id);
	const first = b.videos.length + 1;
	const added = Array.from({ length: n }, (_, i) => newVideoSlot(ctx.store, first + i));
	b.videos.push(...added);
	b.videos_quantity = b.videos.length;
	b.credit_cost += cost.total;
	b.updated_at = ctx.store.now();
	return paid(
		ctx,
		{ bundle_id: b.id, added: n, videos_quantity: b.videos_quantity, videos: added.map((v) => videoView(b, v)) },
		cost,
	);
}

function addEditSlots(ctx: RouteContext): RouteResult {
	const b = openBundle(ctx);
	const n = quantity(ctx);
	// Spec 001: "edits_quantity … Cannot exceed videos_quantity."
	if (b.edits_quantity + n > b.videos_quantity) {
		throw validationError(
			'quantity',
			`edits_quantity cannot exceed videos_quantity: ${b.edits_quantity} + ${n} > ${b.videos_quantity} (add video slots first).`,
		);
	}
	const cost = quote({ newAccount: false, videos: 0, edits: n, nicheWarming: false, deepWarming: false });
	ctx.store.debit(ctx.owner, cost, `Added ${n} edit slot${n > 1 ? 's' : ''}: ${b.title ?? b.id}`, b.id);
	b.edits_quantity += n;
	b.credit_cost += cost.total;
	b.updated_at = ctx.store.now();
	return paid(ctx, { bundle_id: b.id, added: n, edits_quantity: b.edits_quantity }, cost);
}

export const bundleSlotRoutes: Array<RouteDef<RouteContext>> = [
	{ method: 'POST', path: '/bundles/:id/add-video-slots', handler: addVideoSlots },
	{ method: 'POST', path: '/bundles/:id/add-edit-slots', handler: addEditSlots },
];
