// Shared helpers for the simulator's own tests: the API client, a tiny webhook receiver, fixtures.
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Call } from './client';
import { client } from './client';
import type { Simulator } from './index';

export { client } from './client';
export type { Call, CallOptions, Reply } from './client';

export interface Received {
	headers: http.IncomingHttpHeaders;
	rawBody: string;
	at: number;
}

export interface Receiver {
	url: string;
	received: Received[];
	/** Status codes to answer, in order; the last one repeats. */
	statuses: number[];
	waitFor(count: number, timeoutMs?: number): Promise<void>;
	close(): Promise<void>;
}

export async function startReceiver(statuses: number[] = [200]): Promise<Receiver> {
	const received: Received[] = [];
	const receiver: Receiver = {
		url: '',
		received,
		statuses,
		waitFor: async (count, timeoutMs = 5000) => {
			const deadline = Date.now() + timeoutMs;
			while (received.length < count) {
				if (Date.now() > deadline) throw new Error(`receiver got ${received.length}/${count} requests`);
				await new Promise((r) => setTimeout(r, 10));
			}
		},
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const status = receiver.statuses[Math.min(received.length, receiver.statuses.length - 1)];
			received.push({ headers: req.headers, rawBody: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
			res.writeHead(status).end('ok');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
	return receiver;
}

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const VALID_ACCOUNT = {
	username: 'streetstyle.nyc',
	visible_name: 'Street Style NYC',
	biography: 'Daily street fashion from New York City.',
	profile_picture_url: 'https://cdn.example.com/profiles/streetstyle.jpg',
};

/** Calls a /_sim/ control endpoint over HTTP. */
export function control(sim: Simulator) {
	return async function sim$(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
		const res = await fetch(`${sim.url}/_sim${path}`, {
			method,
			headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return { status: res.status, body: await res.json() };
	};
}

/** Independent check of a delivery's TokPortal-Signature (notes §11.4), not using the simulator's code. */
export function signatureValid(received: Received, secret: string): boolean {
	const header = String(received.headers['tokportal-signature']);
	const parts = Object.fromEntries(header.split(',').map((p) => p.trim().split('=', 2) as [string, string]));
	const expected = createHmac('sha256', secret).update(`${parts.t}.${received.rawBody}`).digest();
	const given = Buffer.from(parts.v1 ?? '', 'hex');
	return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Types of the events a receiver got, in arrival order. */
export const eventTypes = (r: Receiver) => r.received.map((x) => JSON.parse(x.rawBody).type as string);

/** `YYYY-MM-DD`, `days` after today (UTC), like the simulator's date rules. */
export function day(days: number): string {
	return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A valid TikTok `video` configuration, 4 days ahead (the 3-day lead time of a new account holds). */
export function videoConfig(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		video_type: 'video',
		description: 'Launch clip #1',
		video_url: 'https://cdn.example.com/clips/clip-01.mp4',
		target_publish_date: day(4),
		...overrides,
	};
}

/** POST /bundles (201 expected) and the new bundle id. */
export async function createBundle(call: Call, body: Record<string, unknown> = {}): Promise<string> {
	const res = await call('POST', '/bundles', {
		body: { bundle_type: 'account_and_videos', platform: 'tiktok', country: 'US', videos_quantity: 3, ...body },
	});
	if (res.status !== 201) throw new Error(`create failed: ${JSON.stringify(res.body)}`);
	return res.body.data.id;
}

/** An account_and_videos bundle with its account configured and `videos` videos configured, published. */
export async function publishedBundle(call: Call, body: Record<string, unknown> = {}, videos = 1): Promise<string> {
	const id = await createBundle(call, body);
	await call('PUT', `/bundles/${id}/account`, { body: VALID_ACCOUNT });
	for (let p = 1; p <= videos; p++) {
		const res = await call('PUT', `/bundles/${id}/videos/${p}`, { body: videoConfig({ description: `Clip ${p}` }) });
		if (res.status !== 200) throw new Error(`configure failed: ${JSON.stringify(res.body)}`);
	}
	const published = await call('POST', `/bundles/${id}/publish`);
	if (published.status !== 200) throw new Error(`publish failed: ${JSON.stringify(published.body)}`);
	return id;
}

/**
 * An account_only bundle taken through the real lifecycle to a delivered account: created, account
 * configured, published, accepted and moved to review by the operator. Throws at the first refused step.
 */
export async function deliveredAccount(
	sim: Simulator,
	call: Call,
	account: Record<string, unknown> = {},
	body: Record<string, unknown> = {},
): Promise<{ bundleId: string; accountId: string }> {
	const bundleId = await createBundle(call, { bundle_type: 'account_only', videos_quantity: undefined, ...body });
	const configured = await call('PUT', `/bundles/${bundleId}/account`, { body: { ...VALID_ACCOUNT, ...account } });
	if (configured.status !== 200) throw new Error(`account configuration failed: ${JSON.stringify(configured.body)}`);
	const published = await call('POST', `/bundles/${bundleId}/publish`);
	if (published.status !== 200) throw new Error(`publish failed: ${JSON.stringify(published.body)}`);
	sim.operator.acceptBundle(bundleId);
	return { bundleId, accountId: sim.operator.moveAccountToReview(bundleId).saved_account_id! };
}

/**
 * Posts every video slot of a bundle whose account is delivered, the way it happens for real: the
 * customer configures the empty slots and publishes them (one batch with auto_publish, a day apart),
 * then the account manager posts each submitted video. Throws when a step is refused.
 */
export async function postEveryVideo(sim: Simulator, call: Call, bundleId: string): Promise<void> {
	const bundle = sim.state.bundles.find((b) => b.id === bundleId)!;
	const empty = bundle.videos.filter((v) => v.status === 'pending');
	if (empty.length > 0) {
		const videos = empty.map((v) => ({
			position: v.position,
			...videoConfig({
				description: `Clip ${v.position}`,
				target_publish_date: day(1 + v.position),
				...(bundle.platform === 'instagram' && { instagram_content_type: 'reel' }),
			}),
		}));
		const res = await call('PUT', `/bundles/${bundleId}/videos/batch`, { body: { videos, auto_publish: true } });
		if (res.status !== 200 || res.body.data.errors.length > 0 || !res.body.auto_publish.published) {
			throw new Error(`configure/publish failed: ${JSON.stringify(res.body)}`);
		}
	}
	for (const v of bundle.videos.filter((x) => x.status === 'published' || x.status === 'accepted')) {
		sim.operator.postVideo(bundleId, v.position);
	}
}

/**
 * postEveryVideo on each bundle of the default key that is being worked on (accepted or in its video
 * phase) and whose account is delivered (or, for videos_only, exists): every slot ends up posted.
 */
export async function postDeliveredVideos(sim: Simulator): Promise<void> {
	const call = client(sim);
	const working = sim.state.bundles.filter(
		(b) => ['accepted', 'in_review', 'finalized'].includes(b.status) && (b.saved_account_id ?? b.existing_account_id),
	);
	for (const b of working) await postEveryVideo(sim, call, b.id);
}
