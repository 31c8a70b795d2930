// POST /bundles and POST /bundles/bulk: validation (notes §7.3/7.4), pricing, atomic debit.
import { COUNTRIES, countryCode, ORDERABLE_PLATFORMS } from '../catalog';
import { ApiError, validationError } from '../errors';
import { bundleEventData } from '../eventData';
import { type BundleSpec, buildBundle } from '../factories';
import { quote, sumBreakdowns } from '../pricing';
import type { RouteContext, RouteDef, RouteResult } from '../router';
import type { Bundle, BundleType, DeliveredAccount } from '../types';
import { type Json, objectBody, optBool, optInt, optString } from '../validate';
import { bundleDetail, bundleSummary } from '../views';
import { parseAdvancedWarming, withAdvancedWarming } from '../warming';
import { openBundleWarming } from './warming';

export const BUNDLE_TYPES: readonly BundleType[] = ['account_only', 'account_and_videos', 'videos_only'];
const MAX_VIDEOS = 500;

function orderablePlatform(value: unknown, field: string): string {
	if (value === 'youtube') {
		throw new ApiError(400, 'YOUTUBE_DELAYED', 'YouTube bundles cannot be ordered yet.', { field });
	}
	if (typeof value !== 'string' || !ORDERABLE_PLATFORMS.includes(value)) {
		throw validationError(field, 'platform must be tiktok or instagram.');
	}
	return value;
}

function orderableCountry(value: unknown): string {
	if (value === undefined || value === null || value === '') throw validationError('country', 'country is required.');
	if (typeof value !== 'string') throw validationError('country', 'country must be a string.');
	const code = countryCode(value);
	if (!code) {
		throw new ApiError(400, 'COUNTRY_NOT_ENABLED', `Country "${value}" is not open for orders.`, {
			field: 'country',
			country: value,
			available: COUNTRIES.map((c) => c.code),
		});
	}
	return code;
}

type Warming = Pick<
	BundleSpec,
	'wants_niche_warming' | 'wants_deep_warming' | 'wants_moderation' | 'niche_warming_instructions'
>;

function warmingOptions(o: Json, platforms: string[]): Warming {
	const niche = optBool(o, 'wants_niche_warming') ?? false;
	const deep = optBool(o, 'wants_deep_warming') ?? false;
	const instructions = optString(o, 'niche_warming_instructions', 2000, true) ?? null;
	if (niche && !instructions?.trim()) {
		throw validationError(
			'niche_warming_instructions',
			'niche_warming_instructions is required when wants_niche_warming is true.',
		);
	}
	if (deep && niche) {
		throw validationError('wants_deep_warming', 'wants_deep_warming cannot be combined with wants_niche_warming.');
	}
	if (deep && platforms.some((p) => p !== 'instagram')) {
		throw validationError('wants_deep_warming', 'wants_deep_warming is only available on Instagram.');
	}
	return {
		wants_niche_warming: niche,
		wants_deep_warming: deep,
		// Deprecated and ignored (spec 001); stored only to echo it back.
		wants_moderation: optBool(o, 'wants_moderation') ?? false,
		niche_warming_instructions: instructions,
	};
}

function priceOf(spec: BundleSpec) {
	return quote({
		newAccount: spec.bundle_type !== 'videos_only',
		videos: spec.videos,
		edits: spec.edits,
		nicheWarming: spec.wants_niche_warming,
		deepWarming: spec.wants_deep_warming,
	});
}

/** The delivered account a videos_only bundle targets; it must be this user's and still managed. */
function targetAccount(ctx: RouteContext, id: unknown): DeliveredAccount {
	if (typeof id !== 'string' || id === '') {
		throw validationError('account_id', 'account_id (a delivered account id) is required for videos_only bundles.');
	}
	const account = ctx.store.ownedAccount(id, ctx.owner);
	if (!ORDERABLE_PLATFORMS.includes(account.platform)) {
		throw new ApiError(400, 'YOUTUBE_DELAYED', 'YouTube bundles cannot be ordered yet.', { field: 'account_id' });
	}
	if (account.banned || account.management_ended) {
		throw new ApiError(409, 'MANAGED_ACCOUNT_TASK_BLOCKED', 'TokPortal can no longer work on this account.', {
			account_id: account.id,
			reason: account.banned ? 'account_banned' : 'management_ended',
		});
	}
	return account;
}

function createBundle(ctx: RouteContext): RouteResult {
	const o = objectBody(ctx.body);
	const type = o.bundle_type;
	if (typeof type !== 'string' || !BUNDLE_TYPES.includes(type as BundleType)) {
		throw validationError('bundle_type', `bundle_type must be one of: ${BUNDLE_TYPES.join(', ')}.`);
	}
	const bundleType = type as BundleType;
	const videosOnly = bundleType === 'videos_only';
	// Guards against paying for a new account by mistake (notes §7.3).
	if (!videosOnly && o.account_id !== undefined && o.account_id !== null) {
		throw new ApiError(400, 'ACCOUNT_ID_NOT_ALLOWED', 'account_id is only allowed for videos_only bundles.', {
			field: 'account_id',
			bundle_type: bundleType,
		});
	}
	const target = videosOnly ? targetAccount(ctx, o.account_id) : null;
	const platform = target ? target.platform : orderablePlatform(o.platform ?? 'tiktok', 'platform');
	const country = target ? target.country : orderableCountry(o.country);
	const title = optString(o, 'title', 200, true) ?? null;
	const externalRef = optString(o, 'external_ref', 200, true) ?? null;
	const videos = optInt(o, 'videos_quantity', 0, MAX_VIDEOS) ?? 0;
	if (bundleType !== 'account_only' && videos === 0) {
		throw validationError('videos_quantity', 'videos_quantity must be greater than 0 for this bundle_type.');
	}
	if (bundleType === 'account_only' && videos > 0) {
		throw validationError('videos_quantity', 'account_only bundles have no video slots.');
	}
	const edits = optInt(o, 'edits_quantity', 0, MAX_VIDEOS) ?? 0;
	if (edits > videos) throw validationError('edits_quantity', 'edits_quantity cannot exceed videos_quantity.');
	const spec: BundleSpec = {
		bundle_type: bundleType,
		platform,
		country,
		title,
		external_ref: externalRef,
		existing_account_id: target?.id ?? null,
		videos,
		edits,
		auto_finalize_videos: optBool(o, 'auto_finalize_videos') ?? true,
		...warmingOptions(o, [platform]),
	};
	const advanced = parseAdvancedWarming(o, spec.wants_niche_warming);
	if (!videosOnly && externalRef !== null) {
		const existing = ctx.store.state.bundles.find(
			(b) => b.owner_id === ctx.owner && b.bundle_type !== 'videos_only' && b.external_ref === externalRef,
		);
		if (existing) {
			throw new ApiError(409, 'DUPLICATE_ACCOUNT_BUNDLE', 'A new-account bundle with this external_ref exists.', {
				existing_bundle_id: existing.id,
				external_ref: externalRef,
			});
		}
	}
	const cost = withAdvancedWarming(priceOf(spec), advanced?.count ?? 0);
	ctx.store.assertCredits(cost);
	const bundle = buildBundle(ctx.store, ctx.owner, spec, cost);
	ctx.store.debit(ctx.owner, cost, `Bundle created: ${title ?? bundleType}`, bundle.id);
	ctx.store.state.bundles.push(bundle);
	ctx.emit('bundle.created', bundleEventData(bundle, null));
	if (advanced) openBundleWarming(ctx, bundle, advanced);
	return {
		status: 201,
		body: {
			data: { ...bundleDetail(bundle), bundle_id: bundle.id },
			credits_charged: cost.total,
			credits_remaining: ctx.store.state.credits,
			cost_breakdown: cost,
		},
	};
}

function createBulk(ctx: RouteContext): RouteResult {
	const o = objectBody(ctx.body);
	if (!Array.isArray(o.platforms) || o.platforms.length === 0) {
		throw validationError('platforms', 'platforms must be a non-empty array.');
	}
	const platforms = o.platforms.map((p) => orderablePlatform(p, 'platforms'));
	if (new Set(platforms).size !== platforms.length) throw validationError('platforms', 'platforms must not repeat.');
	const country = orderableCountry(o.country);
	const accounts = optInt(o, 'accounts_count', 1, 100);
	if (accounts === undefined) throw validationError('accounts_count', 'accounts_count (1-100) is required.');
	const uploads = optInt(o, 'upload_accounts_count', 0, 100) ?? 0;
	if (uploads > accounts) {
		throw validationError('upload_accounts_count', 'upload_accounts_count cannot exceed accounts_count.');
	}
	const videosPer = optInt(o, 'videos_per_account', 0, MAX_VIDEOS) ?? 0;
	if (uploads > 0 && videosPer === 0) {
		throw validationError('videos_per_account', 'videos_per_account must be greater than 0 for upload accounts.');
	}
	// A batch label copied to every bundle, deliberately not unique (notes §7.7).
	const externalRef = optString(o, 'external_ref', 200, true) ?? null;
	const autoFinalize = optBool(o, 'auto_finalize_videos') ?? true;
	const warming = warmingOptions(o, platforms);
	const advanced = parseAdvancedWarming(o, warming.wants_niche_warming);
	const terms = advanced?.count ?? 0;
	const specs: BundleSpec[] = platforms.flatMap((platform) =>
		Array.from({ length: accounts }, (_, i): BundleSpec => {
			const upload = i < uploads;
			return {
				bundle_type: upload ? 'account_and_videos' : 'account_only',
				platform,
				country,
				title: null,
				external_ref: externalRef,
				existing_account_id: null,
				videos: upload ? videosPer : 0,
				edits: 0,
				auto_finalize_videos: autoFinalize,
				...warming,
			};
		}),
	);
	const base = specs.map(priceOf);
	// Warming terms are bought per account.
	const total = withAdvancedWarming(sumBreakdowns(base), terms * specs.length);
	ctx.store.assertCredits(total);
	const bundles: Bundle[] = specs.map((spec, i) => buildBundle(ctx.store, ctx.owner, spec, withAdvancedWarming(base[i], terms)));
	ctx.store.debit(ctx.owner, total, `Bulk bundle creation (${bundles.length} bundles)`, null);
	for (const b of bundles) {
		ctx.store.state.bundles.push(b);
		ctx.emit('bundle.created', bundleEventData(b, null));
		if (advanced) openBundleWarming(ctx, b, advanced);
	}
	return {
		status: 201,
		body: {
			data: { bundles: bundles.map((b) => ({ ...bundleSummary(b), bundle_id: b.id })), total_count: bundles.length },
			credits_charged: total.total,
			credits_remaining: ctx.store.state.credits,
			cost_breakdown: total,
		},
	};
}

export const bundleCreateRoutes: Array<RouteDef<RouteContext>> = [
	{ method: 'POST', path: '/bundles', handler: createBundle },
	{ method: 'POST', path: '/bundles/bulk', handler: createBulk },
];
