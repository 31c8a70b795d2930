import { createHash } from 'crypto';
import { sleep } from 'n8n-workflow';

import { DEFAULT_RETRY_POLICY } from './retry';
import type { RateLimitState } from './types';

/**
 * TokPortal's documented bucket: "120 requests per minute", a bucket of 120 refilling continuously
 * at 2 per second — so the refill rate is the advertised limit per minute.
 */
const DEFAULT_REFILL_PER_SECOND = 2;
const MIN_MISSING_TO_MEASURE = 40;

/**
 * A client-side mirror of TokPortal's per-key token bucket, fed by the X-RateLimit-* headers of
 * every response. Requests wait here for a token instead of being sent to collect a 429: a long
 * Return All then runs at exactly the refill rate once the burst is spent. Estimates err on the
 * side of waiting (requests still in flight are assumed to have taken their token).
 */
export class RateLimiter {
	private tokens: number | undefined;

	private syncedAt = 0;

	private capacity: number | undefined;

	private refillPerMs = DEFAULT_REFILL_PER_SECOND / 1000;

	private pausedUntil = 0;

	private inFlight = 0;

	constructor(private readonly now: () => number = Date.now) {}

	private estimate(at: number): number | undefined {
		if (this.tokens === undefined) return undefined;
		const refilled = this.tokens + (at - this.syncedAt) * this.refillPerMs;
		return this.capacity === undefined ? refilled : Math.min(this.capacity, refilled);
	}

	/** Waits until the bucket can serve one more request, then takes its token. */
	async acquire(): Promise<void> {
		for (;;) {
			const at = this.now();
			if (at < this.pausedUntil) {
				await sleep(this.pausedUntil - at);
				continue;
			}
			const available = this.estimate(at);
			if (available === undefined || available >= 1) {
				if (available !== undefined) {
					this.tokens = available - 1;
					this.syncedAt = at;
				}
				this.inFlight++;
				return;
			}
			await sleep(Math.ceil((1 - available) / this.refillPerMs));
		}
	}

	/**
	 * Records what TokPortal said about the bucket when it answered a request taken with acquire().
	 * A Retry-After pauses every request of this key — but only one the node is willing to wait for:
	 * when TokPortal asks for longer, the item fails at once saying so, and pausing everyone else for
	 * the cap would only delay their own clear answer. One answer asking for an hour never freezes
	 * the other workflows on the credential.
	 */
	observe(state: RateLimitState, retryAfterMs?: number): void {
		this.inFlight = Math.max(0, this.inFlight - 1);
		const at = this.now();
		if (retryAfterMs !== undefined && retryAfterMs <= DEFAULT_RETRY_POLICY.maxRetryAfterMs) {
			this.pausedUntil = Math.max(this.pausedUntil, at + retryAfterMs);
		}
		if (state.limit !== undefined && state.limit !== this.capacity) {
			this.capacity = state.limit;
			this.refillPerMs = state.limit / 60 / 1000;
		}
		if (state.remaining === undefined) return;
		// The reset time (when the bucket is full again) is in whole seconds: only precise enough to
		// measure the refill rate when many tokens are missing.
		if (state.limit !== undefined && state.resetAt !== undefined) {
			const missing = state.limit - state.remaining;
			const seconds = state.resetAt - at / 1000;
			if (missing >= MIN_MISSING_TO_MEASURE && seconds >= MIN_MISSING_TO_MEASURE / 4) {
				this.refillPerMs = missing / seconds / 1000;
			}
		}
		this.tokens = state.remaining - this.inFlight;
		this.syncedAt = at;
	}

	/** A request taken with acquire() that got no answer (network failure). */
	release(): void {
		this.inFlight = Math.max(0, this.inFlight - 1);
	}
}

/** One bucket per TokPortal base URL and API key, shared by every node and execution in this n8n. */
const limiters = new Map<string, RateLimiter>();

export function rateLimiterFor(baseUrl: string, apiKey: string): RateLimiter {
	// Keyed by a hash: the key itself is never kept in memory longer than the credential is.
	const id = createHash('sha256').update(`${baseUrl}\n${apiKey}`).digest('hex');
	let limiter = limiters.get(id);
	if (!limiter) {
		limiter = new RateLimiter();
		limiters.set(id, limiter);
	}
	return limiter;
}
