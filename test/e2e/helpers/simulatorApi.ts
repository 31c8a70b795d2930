import type { ApiTarget } from '../../simulator/client';
import { client } from '../../simulator/client';

/** Calls the simulator's public API as a TokPortal customer would (setup steps of e2e tests); returns `data`. */
export async function simulatorApi<T = Record<string, unknown>>(
	simulator: ApiTarget,
	method: string,
	path: string,
	body?: unknown,
): Promise<T> {
	const reply = await client(simulator)(method, path, { body });
	if (reply.status < 200 || reply.status > 299) {
		throw new Error(`${method} ${path} → ${reply.status}: ${JSON.stringify(reply.body)}`);
	}
	return (reply.body as { data: T }).data;
}
