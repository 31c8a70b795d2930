// A simulator with posted videos to read analytics from, and independent ways to check the node's
// answers: TokPortal's own endpoints called directly over HTTP (never through the node under test).
import type { Simulator } from '../../simulator';
import { DEFAULT_API_KEY, STARTER_API_KEY, startSimulator } from '../../simulator';
import { postDeliveredVideos } from '../../simulator/testHelpers';

/** A third user whose plan is Creator (series, CSV export, reports; no comments or raw snapshots). */
export const CREATOR_API_KEY = `sk_${'c'.repeat(64)}`;

export async function analyticsSimulator(): Promise<Simulator> {
	const sim = await startSimulator({
		seed: { accounts: 12, bundles: 20 },
		rateLimit: false,
		apiKeys: [DEFAULT_API_KEY, STARTER_API_KEY, CREATOR_API_KEY],
		plans: { [CREATOR_API_KEY]: 'creator' },
	});
	// Post every slot of the working bundles that own a delivered account: they become tracked posts.
	await postDeliveredVideos(sim);
	return sim;
}

export interface PostedVideo {
	videoId: string;
	accountId: string;
	bundleId: string;
}

export function postedVideos(sim: Simulator): PostedVideo[] {
	return sim.state.bundles.flatMap((bundle) =>
		bundle.videos
			.filter((video) => video.platform_url)
			.map((video) => ({
				videoId: video.id,
				accountId: (bundle.saved_account_id ?? bundle.existing_account_id) as string,
				bundleId: bundle.id,
			})),
	);
}

/** The delivered account with the most posted videos. */
export function busiestAccount(sim: Simulator): string {
	const counts = new Map<string, number>();
	for (const { accountId } of postedVideos(sim)) counts.set(accountId, (counts.get(accountId) ?? 0) + 1);
	return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
}

/** GET straight from the simulator, as TokPortal answers it. */
export async function direct(sim: Simulator, path: string, key = sim.apiKey): Promise<{ status: number; bytes: Buffer; json?: any }> {
	const response = await fetch(`${sim.baseUrl}${path}`, { headers: { 'X-API-Key': key } });
	const bytes = Buffer.from(await response.arrayBuffer());
	const json = response.headers.get('content-type')?.startsWith('application/json') ? JSON.parse(bytes.toString('utf8')) : undefined;
	return { status: response.status, bytes, json };
}
