// The /api/ext request pipeline. Check order (notes §15): auth (401) → rate limit (429) → sensitive
// Idempotency-Key refusal (400) → idempotency replay/conflict → handler (ownership 404/403, validation
// 400, state 409, credits 402) → commit → webhooks.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApiKeys, type SimUser } from './auth';
import { API_VERSION } from './catalog';
import { ApiError, errorBody, validationError } from './errors';
import { echoResponse, type FaultAnswer, type Faults, faultResponse, interrupt, interruption, processesFirst } from './faults';
import {
	headerValue,
	lowerCaseHeaders,
	type ParsedBody,
	parseJson,
	parseQuery,
	readBody,
	REQUEST_BODY_LIMIT,
	sendJson,
	sendText,
	sleep,
} from './httpUtil';
import { type IdempotencyLedger, requestFingerprint } from './idempotency';
import type { MediaStore } from './media';
import { describeForm, type MultipartForm, parseMultipart } from './multipart';
import type { RateLimiter } from './rateLimiter';
import type { RequestLogEntry, RequestTracker } from './requestLog';
import type { Query, RouteContext, RouteDef, RouteResult, Router } from './router';
import type { Store } from './store';
import { isObject } from './validate';
import type { WebhookDispatcher } from './webhookDelivery';

export const API_PREFIX = '/api/ext';
const ANONYMOUS: SimUser = { id: '', email: '', name: '', keyHint: '', plan: 'starter' };
const DRY_RUN_NOTICE = 'Simulated: nothing was created, changed or charged.';

export interface ApiDeps {
	store: Store;
	keys: ApiKeys;
	router: Router<RouteContext>;
	rateLimiter: RateLimiter;
	ledger: IdempotencyLedger;
	faults: Faults;
	dispatcher: WebhookDispatcher;
	tracker: RequestTracker;
	media: MediaStore;
	latencyMs: () => number;
	log: (message: string) => void;
}

interface Outgoing {
	status: number;
	headers: Record<string, string>;
	body?: unknown;
}

interface Incoming {
	req: IncomingMessage;
	method: string;
	path: string;
	query: Query;
	body: ParsedBody;
	form: MultipartForm | null;
}

/** Echo a client X-Request-ID only when it is short, plain ASCII (notes §1.4). */
function requestIdFor(req: IncomingMessage): string {
	const given = headerValue(req, 'x-request-id');
	if (given && /^[A-Za-z0-9._~:@/+=-]{1,128}$/.test(given)) return given;
	return `req_${randomBytes(12).toString('hex')}`;
}

function errorOut(err: ApiError, headers: Record<string, string> = {}): Outgoing {
	return { status: err.status, headers, body: errorBody(err) };
}

/**
 * Same validation and pricing as the real call, but the price is reported as "would charge". Result
 * headers are dropped: a text result (an HTML report) becomes the JSON envelope with `data: null`.
 */
function asDryRun(result: RouteResult, realCredits: number): RouteResult {
	if (result.status >= 300) return result;
	const body: Record<string, unknown> = isObject(result.body) ? { ...result.body } : { data: null };
	if (typeof body.credits_charged === 'number') {
		body.credits_would_charge = body.credits_charged;
		body.credits_charged = 0;
		body.credits_remaining = realCredits;
	}
	return { status: result.status === 204 ? 200 : result.status, body: { ...body, dry_run: true, dry_run_notice: DRY_RUN_NOTICE } };
}

export class ApiServer {
	constructor(private readonly deps: ApiDeps) {}

	async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
		const method = (req.method ?? 'GET').toUpperCase();
		const path = url.pathname.slice(API_PREFIX.length) || '/';
		const requestId = requestIdFor(req);
		const entry: RequestLogEntry = {
			method,
			path,
			query: parseQuery(url),
			headers: lowerCaseHeaders(req),
			body: undefined,
			status: 0,
			requestId,
			startedAt: Date.now(),
			endedAt: 0,
		};
		this.deps.tracker.begin(entry);
		try {
			const { body, form } = await this.readRequestBody(req, method, path);
			entry.body = body.value;
			const fault = this.deps.faults.take(method, path);
			if (fault) entry.fault = fault.type;
			const delay = this.deps.latencyMs() + (fault?.type === 'latency' ? fault.ms : 0);
			if (delay > 0) await sleep(delay);
			const upstream =
				fault === undefined || processesFirst(fault)
					? await this.process({ req, method, path, query: entry.query, body, form })
					: undefined;
			const ending = fault && interruption(fault);
			if (ending) {
				// With upstream: committed (state, debit, idempotency ledger) but the client never gets the answer.
				entry.status = upstream?.status ?? 0;
				this.deps.log(`${method} ${path} -> ${entry.status} [fault ${fault.type}]`);
				await interrupt(res, ending);
				return;
			}
			const answer: FaultAnswer =
				fault?.type === 'status'
					? faultResponse(fault)
					: fault?.type === 'echo'
						? echoResponse(fault, { method, url: req.url ?? url.pathname, headers: entry.headers, body: body.value }, upstream)
						: (upstream as Outgoing);
			entry.status = answer.status;
			this.deps.log(`${method} ${path} -> ${answer.status}${fault ? ` [fault ${fault.type}]` : ''}`);
			// A gateway writes its own page; every other answer carries TokPortal's headers.
			const tokportalHeaders: Record<string, string> =
				fault?.type === 'echo'
					? {}
					: {
							'X-TokPortal-Request-ID': requestId,
							'X-TokPortal-API-Version': API_VERSION,
							'X-TokPortal-API-Stability': 'stable',
						};
			const headers = { ...tokportalHeaders, ...answer.headers };
			if (answer.text === undefined) sendJson(res, answer.status, headers, answer.body);
			else sendText(res, answer.status, headers, answer.text);
		} catch (err) {
			this.deps.log(`${method} ${path} -> 500 (${err instanceof Error ? err.message : String(err)})`);
			entry.status = 500;
			if (!res.headersSent) {
				sendJson(
					res,
					500,
					{ 'X-TokPortal-Request-ID': requestId, 'X-TokPortal-API-Version': API_VERSION },
					{ error: { code: 'INTERNAL_ERROR', message: 'Unexpected simulator error.' } },
				);
			}
		} finally {
			this.deps.tracker.end(entry);
		}
	}

	/** JSON, or multipart/form-data on the routes that take files (described, not copied, in the log). */
	private async readRequestBody(
		req: IncomingMessage,
		method: string,
		path: string,
	): Promise<{ body: ParsedBody; form: MultipartForm | null }> {
		const match = this.deps.router.match(method, path);
		const raw = await readBody(req, REQUEST_BODY_LIMIT);
		if (match.kind !== 'found' || match.route.body !== 'multipart') return { body: parseJson(raw), form: null };
		if (raw.tooLarge) return { body: { ok: false, value: undefined, tooLarge: true }, form: null };
		const form = parseMultipart(headerValue(req, 'content-type'), raw.data);
		return { body: { ok: form !== null, value: form ? describeForm(form) : undefined }, form };
	}

	private async process(inc: Incoming): Promise<Outgoing> {
		const match = this.deps.router.match(inc.method, inc.path);
		if (match.kind === 'found' && match.route.public) {
			const result = await this.execute(inc, match.route, match.params, ANONYMOUS, false);
			return { status: result.status, headers: result.headers ?? {}, body: result.body };
		}
		const apiKey = headerValue(inc.req, 'x-api-key') ?? '';
		let user: SimUser;
		try {
			user = this.deps.keys.resolve(apiKey);
		} catch (err) {
			if (err instanceof ApiError) return errorOut(err);
			throw err;
		}
		const rate = this.deps.rateLimiter.take(apiKey);
		const rateHeaders = rate?.headers ?? {};
		if (rate && !rate.allowed) {
			const seconds = rate.retryAfterSeconds ?? 1;
			return errorOut(
				new ApiError(429, 'RATE_LIMIT_EXCEEDED', 'Too many requests. Please slow down.', {
					retry_after_seconds: seconds,
				}),
				{ ...rateHeaders, 'Retry-After': String(seconds) },
			);
		}
		if (match.kind === 'not_found') {
			return errorOut(new ApiError(404, 'ROUTE_NOT_FOUND', `No route for ${inc.method} ${inc.path}.`), rateHeaders);
		}
		if (match.kind === 'method_not_allowed') {
			return errorOut(new ApiError(405, 'METHOD_NOT_ALLOWED', `${inc.method} is not allowed on ${inc.path}.`), rateHeaders);
		}
		const out = await this.withIdempotency(inc, match.route, match.params, user, apiKey);
		return { ...out, headers: { ...rateHeaders, ...out.headers } };
	}

	private async withIdempotency(
		inc: Incoming,
		route: RouteDef<RouteContext>,
		params: Record<string, string>,
		user: SimUser,
		apiKey: string,
	): Promise<Outgoing> {
		const dryRun = inc.method !== 'GET' && headerValue(inc.req, 'x-tokportal-dry-run')?.toLowerCase() === 'true';
		const key = inc.method === 'GET' ? undefined : headerValue(inc.req, 'idempotency-key');
		let finish: ((status: number, body: unknown, headers?: Record<string, string>) => void) | undefined;
		if (key !== undefined) {
			if (route.sensitive) {
				return errorOut(
					new ApiError(
						400,
						'IDEMPOTENCY_KEY_NOT_ALLOWED_FOR_SENSITIVE_RESPONSE',
						'This operation returns a secret, so its response is never stored for replay: remove the Idempotency-Key header.',
					),
				);
			}
			if (key.length === 0 || key.length > 255) {
				return errorOut(validationError('Idempotency-Key', 'Idempotency-Key must be 1-255 characters.'));
			}
			// A dry run neither reads nor fills the ledger: it must not make the real call replay a simulation.
			if (!dryRun) {
				const outcome = this.deps.ledger.begin(apiKey, key, requestFingerprint(inc.method, inc.path, inc.query, inc.body.value));
				if (outcome.kind === 'replay') {
					return { status: outcome.status, headers: { ...outcome.headers, 'Idempotent-Replayed': 'true' }, body: outcome.body };
				}
				if (outcome.kind === 'reused') {
					return errorOut(
						new ApiError(422, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different request.'),
					);
				}
				if (outcome.kind === 'in_progress') {
					return errorOut(
						new ApiError(409, 'IDEMPOTENCY_KEY_IN_PROGRESS', 'A request with this Idempotency-Key is still being processed.'),
					);
				}
				finish = outcome.finish;
			}
		}
		try {
			const result = await this.execute(inc, route, params, user, dryRun);
			finish?.(result.status, result.body, result.headers);
			return { status: result.status, headers: result.headers ?? {}, body: result.body };
		} catch (err) {
			finish?.(500, undefined);
			throw err;
		}
	}

	private async execute(
		inc: Incoming,
		route: RouteDef<RouteContext>,
		params: Record<string, string>,
		user: SimUser,
		dryRun: boolean,
	): Promise<RouteResult> {
		const store = dryRun ? this.deps.store.dryRunCopy() : this.deps.store;
		const queued: Array<[string, Record<string, unknown>]> = [];
		const ctx: RouteContext = {
			store,
			user,
			owner: user.id,
			params,
			query: inc.query,
			body: inc.body.value,
			form: inc.form,
			media: dryRun ? this.deps.media.dryRunView() : this.deps.media,
			dryRun,
			emit: (type, data) => queued.push([type, data]),
			webhooks: this.deps.dispatcher,
		};
		try {
			if (inc.body.tooLarge) {
				throw new ApiError(413, 'PAYLOAD_TOO_LARGE', `The request body exceeds ${REQUEST_BODY_LIMIT} bytes.`, {
					max_bytes: REQUEST_BODY_LIMIT,
				});
			}
			if (!inc.body.ok) {
				throw route.body === 'multipart'
					? validationError('body', 'Send multipart/form-data (a "file" part and the form fields).')
					: validationError('body', 'The request body is not valid JSON.');
			}
			const result = await route.handler(ctx);
			return dryRun ? asDryRun(result, this.deps.store.state.credits) : result;
		} catch (err) {
			if (err instanceof ApiError) return { status: err.status, body: errorBody(err) };
			throw err;
		} finally {
			// Also after an error: a handler may commit before failing (the reveal acknowledgement does).
			if (!dryRun) for (const [type, data] of queued) this.deps.dispatcher.emit(user.id, type, data);
		}
	}
}
