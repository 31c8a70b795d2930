// Arrival-ordered log of /api/ext requests and the in-flight high-water mark, for assertions.

export interface RequestLogEntry {
	method: string;
	/** Without the /api/ext prefix, e.g. '/bundles/abc'. */
	path: string;
	query: Record<string, string | string[]>;
	/** Lower-case names. */
	headers: Record<string, string>;
	/** Parsed JSON, or undefined (no body / not JSON). */
	body: unknown;
	/** 0 when the connection was dropped before a response existed. */
	status: number;
	requestId: string;
	startedAt: number;
	endedAt: number;
	fault?: string;
}

export class RequestTracker {
	/** Cleared in place so references handed out earlier stay live. */
	readonly entries: RequestLogEntry[] = [];
	private inFlight = 0;
	private highWater = 0;

	begin(entry: RequestLogEntry): void {
		this.entries.push(entry);
		this.inFlight += 1;
		this.highWater = Math.max(this.highWater, this.inFlight);
	}

	end(entry: RequestLogEntry): void {
		entry.endedAt = Date.now();
		this.inFlight -= 1;
	}

	clear(): void {
		this.entries.length = 0;
		this.highWater = this.inFlight;
	}

	maxInFlight(): number {
		return this.highWater;
	}
}
