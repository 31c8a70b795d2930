// Method + path-pattern routing (`/bundles/:id/account`). Literal segments win over parameters,
// so `/webhooks/events` is never taken for `/webhooks/:id`.
import type { SimUser } from './auth';
import type { MediaAccess } from './media';
import type { MultipartForm } from './multipart';
import type { Store } from './store';
import type { WebhookDispatcher } from './webhookDelivery';

export type Query = Record<string, string | string[]>;

export interface RouteContext {
	store: Store;
	/** The user behind the API key (an anonymous placeholder on public routes). */
	user: SimUser;
	/** user.id, the owner id stored on bundles, accounts and webhooks. */
	owner: string;
	params: Record<string, string>;
	query: Query;
	/** Parsed JSON; for multipart routes a description of the form (fields, file digests). */
	body: unknown;
	/** The multipart form, on `body: 'multipart'` routes only. */
	form: MultipartForm | null;
	media: MediaAccess;
	dryRun: boolean;
	/** Queues a webhook event; the server sends it only after the request committed (never on dry runs). */
	emit(type: string, data: Record<string, unknown>): void;
	webhooks: WebhookDispatcher;
}

export interface RouteResult {
	status: number;
	/** JSON, or a string sent as is when `headers` set a Content-Type (CSV, HTML exports). */
	body?: unknown;
	/** Extra response headers (e.g. X-TokPortal-Analytics-Contract, Content-Disposition). */
	headers?: Record<string, string>;
}

export type Handler<C> = (ctx: C) => RouteResult | Promise<RouteResult>;

export interface RouteDef<C> {
	method: string;
	path: string;
	handler: Handler<C>;
	/** One of the six secret-returning calls: Idempotency-Key is refused (notes §4). */
	sensitive?: boolean;
	/** No API key needed (GET /webhooks/events). */
	public?: boolean;
	/** Request body format; default json. */
	body?: 'json' | 'multipart';
}

export type Match<C> =
	| { kind: 'found'; route: RouteDef<C>; params: Record<string, string> }
	| { kind: 'method_not_allowed' }
	| { kind: 'not_found' };

export class Router<C> {
	private readonly routes: Array<{ def: RouteDef<C>; segments: string[]; literals: number }>;

	constructor(defs: Array<RouteDef<C>>) {
		this.routes = defs.map((def) => {
			const segments = def.path.split('/').filter(Boolean);
			return { def, segments, literals: segments.filter((s) => !s.startsWith(':')).length };
		});
	}

	match(method: string, path: string): Match<C> {
		const parts = path.split('/').filter(Boolean);
		let best: { def: RouteDef<C>; params: Record<string, string>; literals: number } | undefined;
		let pathExists = false;
		for (const r of this.routes) {
			const params = matchSegments(r.segments, parts);
			if (!params) continue;
			pathExists = true;
			if (r.def.method !== method) continue;
			if (!best || r.literals > best.literals) best = { def: r.def, params, literals: r.literals };
		}
		if (best) return { kind: 'found', route: best.def, params: best.params };
		return { kind: pathExists ? 'method_not_allowed' : 'not_found' };
	}
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | null {
	if (pattern.length !== parts.length) return null;
	const params: Record<string, string> = {};
	for (let i = 0; i < pattern.length; i++) {
		const p = pattern[i];
		if (p.startsWith(':')) {
			try {
				params[p.slice(1)] = decodeURIComponent(parts[i]);
			} catch {
				return null;
			}
		} else if (p !== parts[i]) {
			return null;
		}
	}
	return params;
}
