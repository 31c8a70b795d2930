// Per-API-key token bucket (notes §3): capacity C, continuous refill R tokens/second.

export interface RateLimit {
	capacity: number;
	refillPerSecond: number;
}

export interface RateDecision {
	allowed: boolean;
	headers: Record<string, string>;
	/** Seconds until one token is available (only when refused). */
	retryAfterSeconds?: number;
}

export class RateLimiter {
	private readonly buckets = new Map<string, { tokens: number; at: number }>();

	constructor(private limit: RateLimit | false) {}

	/** Changing the limit starts every key with a full bucket. */
	set(limit: RateLimit | false): void {
		this.limit = limit;
		this.buckets.clear();
	}

	/** null when rate limiting is disabled (no X-RateLimit-* headers then). */
	take(key: string, now = Date.now()): RateDecision | null {
		const limit = this.limit;
		if (!limit) return null;
		const prev = this.buckets.get(key) ?? { tokens: limit.capacity, at: now };
		const tokens = Math.min(limit.capacity, prev.tokens + ((now - prev.at) / 1000) * limit.refillPerSecond);
		const allowed = tokens >= 1;
		const left = allowed ? tokens - 1 : tokens;
		this.buckets.set(key, { tokens: left, at: now });
		const headers: Record<string, string> = {
			'X-RateLimit-Limit': String(limit.capacity),
			'X-RateLimit-Remaining': String(Math.floor(left)),
			// When the bucket would be full again (unix seconds).
			'X-RateLimit-Reset': String(Math.ceil(now / 1000 + (limit.capacity - left) / limit.refillPerSecond)),
		};
		if (allowed) return { allowed, headers };
		return { allowed, headers, retryAfterSeconds: Math.max(1, Math.ceil((1 - left) / limit.refillPerSecond)) };
	}
}
