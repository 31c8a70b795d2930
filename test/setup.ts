import { DEFAULT_RETRY_POLICY } from '../nodes/TokPortal/transport/retry';

// n8n-core logs every failed node at info level; tests assert on errors themselves.
process.env.N8N_LOG_LEVEL = 'silent';

// Backoff between retries is real time; tests shrink it (Retry-After from the server is still
// honoured as sent). The production values are asserted in test/transport/units.test.ts.
Object.assign(DEFAULT_RETRY_POLICY, { baseDelayMs: 20, maxDelayMs: 200 });
