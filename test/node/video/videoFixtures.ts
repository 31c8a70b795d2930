// Bundles with video slots for the Video and Upload suites, set up over HTTP and through the
// simulator's operator (never through the node under test).
import type { Simulator } from '../../simulator';
import { callApi, configureViaApi } from '../accountFixtures';

/** A UTC calendar day `n` days from today, as TokPortal writes dates. */
export function day(n: number): string {
	return new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
}

export interface VideoBundleOptions {
	platform?: 'tiktok' | 'instagram';
	videos?: number;
	edits?: number;
	/** videos_only: posts to a delivered account that already exists (1 day of lead time). */
	videosOnly?: boolean;
	autoFinalize?: boolean;
}

/** A bundle in pending_setup with video slots: account_and_videos (3 days of lead time) or videos_only. */
export async function videoBundle(sim: Simulator, options: VideoBundleOptions = {}): Promise<string> {
	const platform = options.platform ?? 'tiktok';
	const body: Record<string, unknown> = { videos_quantity: options.videos ?? 3, title: `Video fixture ${platform}` };
	if (options.edits) body.edits_quantity = options.edits;
	if (options.autoFinalize !== undefined) body.auto_finalize_videos = options.autoFinalize;
	if (options.videosOnly) {
		const [account] = sim.seedAccounts(1, { platform });
		Object.assign(body, { bundle_type: 'videos_only', account_id: account.id });
	} else Object.assign(body, { bundle_type: 'account_and_videos', platform, country: 'USA' });
	const { status, json } = await callApi(sim, 'POST', '/bundles', body);
	if (status !== 201 && status !== 200) throw new Error(`fixture video bundle: HTTP ${status} ${JSON.stringify(json)}`);
	return String(json.data?.id);
}

export function videoConfig(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		video_type: 'video',
		description: 'Fixture clip',
		video_url: 'https://cdn.example.com/fixture.mp4',
		target_publish_date: day(5),
		...overrides,
	};
}

/** Configures slots over HTTP (one batch); throws when any is refused. */
export async function configureSlots(sim: Simulator, bundleId: string, videos: Array<Record<string, unknown>>, autoPublish = false): Promise<void> {
	const { status, json } = await callApi(sim, 'PUT', `/bundles/${bundleId}/videos/batch`, {
		videos,
		...(autoPublish ? { auto_publish: true } : {}),
	});
	const errors = (json.data?.errors ?? []) as unknown[];
	if (status !== 200 || errors.length > 0) throw new Error(`fixture configure: HTTP ${status} ${JSON.stringify(json)}`);
}

/** A published bundle (account configured) whose given slots are configured and submitted. */
export async function publishedVideoBundle(sim: Simulator, options: VideoBundleOptions & { configured?: number } = {}): Promise<string> {
	const id = await videoBundle(sim, options);
	if (!options.videosOnly) await configureViaApi(sim, id);
	const count = options.configured ?? 1;
	await configureSlots(
		sim,
		id,
		Array.from({ length: count }, (_, i) => ({
			position: i + 1,
			...videoConfig({ target_publish_date: day(5 + i), ...(options.platform === 'instagram' ? { instagram_content_type: 'reel' } : {}) }),
		})),
	);
	const { status, json } = await callApi(sim, 'POST', `/bundles/${id}/publish`);
	if (status !== 200) throw new Error(`fixture publish: HTTP ${status} ${JSON.stringify(json)}`);
	return id;
}

/** A published bundle whose video 1 was posted and is waiting for review (or finalized with auto-finalize). */
export async function postedVideoBundle(sim: Simulator, options: VideoBundleOptions = {}): Promise<string> {
	const id = await publishedVideoBundle(sim, { autoFinalize: false, ...options });
	sim.operator.acceptBundle(id);
	if (!options.videosOnly) sim.operator.moveAccountToReview(id);
	sim.operator.postVideo(id, 1);
	return id;
}

export function slot(sim: Simulator, bundleId: string, position: number) {
	const bundle = sim.state.bundles.find((b) => b.id === bundleId)!;
	return bundle.videos.find((v) => v.position === position)!;
}
