// /_sim/ control endpoints (no API key): operator actions, faults, latency, rate limit, seeding and
// state inspection, so end-to-end tests and humans can drive the simulator over HTTP.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, errorBody } from '../errors';
import { ECHO_FORMATS, type EchoFormat, type Fault, type Faults } from '../faults';
import { readJsonBody, sendBytes, sendJson } from '../httpUtil';
import type { MediaStore } from '../media';
import type { AccountChanges, Operator } from '../operator';
import type { RateLimit } from '../rateLimiter';
import type { RequestTracker } from '../requestLog';
import { type RouteDef, Router } from '../router';
import type { ServiceActions } from '../serviceOperator';
import type { Bundle, CreditTransaction, DeliveredAccount, SimState, VideoSlot } from '../types';
import { isObject, type Json } from '../validate';
import type { VideoChanges, VideoFlag } from '../videoOperator';
import { bundleDetail, deliveredDetail, videoView } from '../views';
import { serviceControlRoutes } from './serviceControl';

export const CONTROL_PREFIX = '/_sim';

export interface ControlDeps {
	state: SimState;
	operator: Operator & ServiceActions;
	faults: Faults;
	tracker: RequestTracker;
	media: MediaStore;
	setLatency(ms: number): void;
	setRateLimit(limit: RateLimit | false): void;
	seedAccounts(count: number, opts: { platform?: string; country?: string }): DeliveredAccount[];
	seedCreditHistory(count: number, start?: string): CreditTransaction[];
}

export interface ControlContext {
	deps: ControlDeps;
	params: Record<string, string>;
	body: Json;
}

type ControlResult = { status: number; body: unknown; raw?: { contentType: string; data: Buffer } };
export const ok = (data: unknown): ControlResult => ({ status: 200, body: { data } });

export function bad(message: string): ApiError {
	return new ApiError(400, 'SIM_BAD_REQUEST', message);
}

export function nonNegativeInt(value: unknown, name: string): number {
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw bad(`${name} must be a non-negative integer.`);
	return value;
}

export const optionalString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The API view of a video after an operator action on it. */
function videoResult(deps: ControlDeps, params: Record<string, string>, act: (id: string, position: number) => VideoSlot) {
	const video = act(params.id, Number(params.position));
	const bundle = deps.state.bundles.find((b) => b.id === params.id) as Bundle;
	return ok(videoView(bundle, video));
}

/** Operator view of an account: the API detail plus simulator flags (post_cutoff, inbox size…). */
function accountState(a: DeliveredAccount): Record<string, unknown> {
	return {
		...deliveredDetail(a),
		post_cutoff: a.post_cutoff,
		support_forfeited_at: a.support_forfeited_at,
		management_ended: a.management_ended,
		banned_at: a.banned_at,
		inbox_size: a.inbox.length,
	};
}

/** API keys are secrets even in a simulator: the HTTP request log shows only a hint. */
function redacted(headers: Record<string, string>): Record<string, string> {
	const key = headers['x-api-key'];
	return key === undefined ? headers : { ...headers, 'x-api-key': `${key.slice(0, 3)}…${key.slice(-4)}` };
}

function parseFault(body: Json): { match: { method?: string; path?: string | RegExp }; fault: Fault; times: number } {
	const f = body.fault;
	if (!isObject(f) || typeof f.type !== 'string') throw bad('fault {type, …} is required.');
	let fault: Fault;
	if (f.type === 'status') {
		fault = {
			type: 'status',
			status: nonNegativeInt(f.status, 'fault.status'),
			...(f.retryAfterSeconds !== undefined && { retryAfterSeconds: nonNegativeInt(f.retryAfterSeconds, 'fault.retryAfterSeconds') }),
			...(typeof f.code === 'string' && { code: f.code }),
		};
	} else if (f.type === 'echo') {
		if (f.format !== undefined && !ECHO_FORMATS.includes(f.format as EchoFormat)) {
			throw bad(`fault.format must be one of ${ECHO_FORMATS.join(', ')}.`);
		}
		fault = {
			type: 'echo',
			status: nonNegativeInt(f.status, 'fault.status'),
			...(f.format !== undefined && { format: f.format as EchoFormat }),
			...(f.afterCommit === true && { afterCommit: true }),
			...(f.retryAfterSeconds !== undefined && { retryAfterSeconds: nonNegativeInt(f.retryAfterSeconds, 'fault.retryAfterSeconds') }),
			...(typeof f.code === 'string' && { code: f.code }),
		};
	} else if (f.type === 'latency') {
		fault = { type: 'latency', ms: nonNegativeInt(f.ms, 'fault.ms') };
	} else if (f.type === 'dropAfterCommit' || f.type === 'dropBeforeCommit') {
		fault = { type: f.type };
	} else if (f.type === 'hang' || f.type === 'reset') {
		fault = { type: f.type, ...(f.afterCommit === true && { afterCommit: true }) };
	} else {
		throw bad(`Unknown fault type: ${f.type}.`);
	}
	const pathRegex = optionalString(body.pathRegex);
	return {
		match: { method: optionalString(body.method), path: pathRegex ? new RegExp(pathRegex) : optionalString(body.path) },
		fault,
		times: body.times === undefined ? 1 : nonNegativeInt(body.times, 'times'),
	};
}

const routes: Array<RouteDef<ControlContext>> = [
	{
		method: 'GET',
		path: '/state',
		handler: ({ deps }) => ok(deps.state),
	},
	{
		method: 'GET',
		path: '/requests',
		handler: ({ deps }) => ok(deps.tracker.entries.map((e) => ({ ...e, headers: redacted(e.headers) }))),
	},
	{ method: 'DELETE', path: '/requests', handler: ({ deps }) => (deps.tracker.clear(), ok({ cleared: true })) },
	{ method: 'GET', path: '/faults', handler: ({ deps }) => ok(deps.faults.pending()) },
	{
		method: 'POST',
		path: '/faults',
		handler: ({ deps, body }) => {
			const { match, fault, times } = parseFault(body);
			deps.faults.inject(match, fault, times);
			return ok(deps.faults.pending());
		},
	},
	{ method: 'DELETE', path: '/faults', handler: ({ deps }) => (deps.faults.clear(), ok({ cleared: true })) },
	{
		method: 'POST',
		path: '/latency',
		handler: ({ deps, body }) => {
			const ms = nonNegativeInt(body.ms, 'ms');
			deps.setLatency(ms);
			return ok({ latency_ms: ms });
		},
	},
	{
		method: 'POST',
		path: '/rate-limit',
		handler: ({ deps, body }) => {
			if (body.enabled === false) {
				deps.setRateLimit(false);
				return ok({ enabled: false });
			}
			const capacity = nonNegativeInt(body.capacity, 'capacity');
			const refill = body.refillPerSecond;
			if (typeof refill !== 'number' || refill <= 0) throw bad('refillPerSecond must be a positive number.');
			deps.setRateLimit({ capacity, refillPerSecond: refill });
			return ok({ enabled: true, capacity, refillPerSecond: refill });
		},
	},
	{
		method: 'POST',
		path: '/seed/accounts',
		handler: ({ deps, body }) =>
			ok(
				deps
					.seedAccounts(nonNegativeInt(body.count, 'count'), {
						platform: optionalString(body.platform),
						country: optionalString(body.country),
					})
					.map(accountState),
			),
	},
	{ method: 'GET', path: '/webhooks/deliveries', handler: ({ deps }) => ok(deps.state.deliveries) },
	{ method: 'POST', path: '/bundles/:id/accept', handler: ({ deps, params }) => ok(bundleDetail(deps.operator.acceptBundle(params.id))) },
	{
		method: 'POST',
		path: '/bundles/:id/account/review',
		handler: ({ deps, params }) => ok(bundleDetail(deps.operator.moveAccountToReview(params.id))),
	},
	{
		method: 'POST',
		path: '/bundles/:id/account/apply-corrections',
		handler: ({ deps, params, body }) => {
			if (body.changes !== undefined && !isObject(body.changes)) throw bad('changes must be an object.');
			return ok(bundleDetail(deps.operator.applyCorrections(params.id, body.changes as AccountChanges | undefined)));
		},
	},
	{
		method: 'POST',
		path: '/bundles/:id/account/auto-finalize',
		handler: ({ deps, params }) => ok(bundleDetail(deps.operator.autoFinalizeAccount(params.id))),
	},
	{
		method: 'POST',
		path: '/bundles/:id/account/remake',
		handler: ({ deps, params }) => ok(bundleDetail(deps.operator.remakeAccount(params.id))),
	},
	{
		method: 'POST',
		path: '/bundles/:id/videos/:position/accept',
		handler: ({ deps, params }) => videoResult(deps, params, (id, p) => deps.operator.acceptVideo(id, p)),
	},
	{
		method: 'POST',
		path: '/bundles/:id/videos/:position/post',
		handler: ({ deps, params }) => videoResult(deps, params, (id, p) => deps.operator.postVideo(id, p)),
	},
	{
		method: 'POST',
		path: '/bundles/:id/videos/:position/apply-corrections',
		handler: ({ deps, params, body }) => {
			if (body.changes !== undefined && !isObject(body.changes)) throw bad('changes must be an object.');
			const changes = body.changes as VideoChanges | undefined;
			return videoResult(deps, params, (id, p) => deps.operator.applyVideoCorrections(id, p, changes));
		},
	},
	{
		method: 'POST',
		path: '/bundles/:id/videos/:position/auto-finalize',
		handler: ({ deps, params }) => videoResult(deps, params, (id, p) => deps.operator.autoFinalizeVideo(id, p)),
	},
	{
		method: 'POST',
		path: '/bundles/:id/videos/:position/download-failed',
		handler: ({ deps, params, body }) =>
			videoResult(deps, params, (id, p) => deps.operator.failVideoDownload(id, p, optionalString(body.reason))),
	},
	{
		method: 'POST',
		path: '/bundles/:id/videos/:position/flag',
		handler: ({ deps, params, body }) =>
			videoResult(deps, params, (id, p) => deps.operator.flagVideo(id, p, body.flag as VideoFlag)),
	},
	{ method: 'GET', path: '/uploads', handler: ({ deps }) => ok(deps.state.uploads) },
	{
		method: 'GET',
		path: '/uploads/:id/content',
		handler: ({ deps, params }) => {
			const upload = deps.state.uploads.find((u) => u.id === params.id);
			const stored = upload ? deps.media.get(upload.storage_path) : undefined;
			if (!stored) throw new ApiError(404, 'SIM_NOT_FOUND', 'No stored bytes for this upload id.');
			return { status: 200, body: undefined, raw: { contentType: stored.contentType, data: stored.data } };
		},
	},
	{ method: 'POST', path: '/bundles/:id/complete', handler: ({ deps, params }) => ok(bundleDetail(deps.operator.completeBundle(params.id))) },
	{
		method: 'POST',
		path: '/accounts/:id/verification-code',
		handler: ({ deps, params, body }) =>
			ok({ account_id: params.id, code: deps.operator.deliverVerificationCode(params.id, optionalString(body.code)) }),
	},
	{ method: 'POST', path: '/accounts/:id/ban', handler: ({ deps, params }) => ok(accountState(deps.operator.banAccount(params.id))) },
	{
		method: 'POST',
		path: '/credits',
		handler: ({ deps, body }) => ok({ credits: deps.operator.addCredits(nonNegativeInt(body.amount, 'amount')) }),
	},
	...serviceControlRoutes,
];

const router = new Router<ControlContext>(routes);

export async function handleControl(req: IncomingMessage, res: ServerResponse, url: URL, deps: ControlDeps): Promise<void> {
	const method = (req.method ?? 'GET').toUpperCase();
	const match = router.match(method, url.pathname.slice(CONTROL_PREFIX.length));
	let result: ControlResult;
	try {
		if (match.kind !== 'found') throw new ApiError(404, 'SIM_ROUTE_NOT_FOUND', `No control route ${method} ${url.pathname}.`);
		const body = await readJsonBody(req);
		if (!body.ok || (body.value !== undefined && !isObject(body.value))) throw bad('Body must be a JSON object.');
		result = (await match.route.handler({ deps, params: match.params, body: body.value ?? {} })) as ControlResult;
	} catch (err) {
		if (!(err instanceof ApiError)) throw err;
		result = { status: err.status, body: errorBody(err) };
	}
	if (result.raw) sendBytes(res, result.raw.contentType, result.raw.data);
	else sendJson(res, result.status, {}, result.body);
}
