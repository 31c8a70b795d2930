import type { Simulator } from '../../simulator';

/** Calls the simulator's public API as a TokPortal customer would (setup steps of e2e tests); returns `data`. */
export async function simulatorApi<T = Record<string, unknown>>(
	simulator: Pick<Simulator, 'baseUrl' | 'apiKey'>,
	method: string,
	path: string,
	body?: unknown,
): Promise<T> {
	const response = await fetch(`${simulator.baseUrl}${path}`, {
		method,
		headers: { 'x-api-key': simulator.apiKey, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const json = (await response.json()) as { data: T };
	if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${JSON.stringify(json)}`);
	return json.data;
}
