// Publishing a bundle (spec 001, notes §7.9) and the `auto_publish` option of video configuration
// ("publish_bundle — call POST /bundles/:id/publish (or pass auto_publish: true on the next video
// configuration call)").
import { ApiError } from './errors';
import { accountEventData, bundleEventData } from './eventData';
import { type Blocker, publishBlockers } from './readiness';
import type { Bundle, VideoSlot } from './types';
import { publishVideos, type VideoCtx } from './videoLifecycle';
import type { DateAdjustment } from './videoSchedule';

export const ADJUSTED_NOTE =
	'Some target dates no longer met the lead time, so the videos were shifted forward by the same number of days (cadence kept).';

/** The error code names the first blocker's family; all blockers are in details.blockers. */
function notReadyCode(first: string): string {
	if (first === 'BUNDLE_NOT_IN_SETUP') return 'BUNDLE_INVALID_STATUS';
	if (first === 'BUNDLE_ALREADY_PUBLISHED' || first === 'NO_VIDEOS_CONFIGURED') return first;
	return 'ACCOUNT_NOT_CONFIGURED';
}

export function notReadyError(b: Bundle, blockers: Blocker[]): ApiError {
	return new ApiError(409, notReadyCode(blockers[0].code), 'The bundle cannot be published.', {
		current_status: b.status,
		blockers,
	});
}

/** pending_setup → published; its configured videos are submitted with it. */
export function publishBundle(c: VideoCtx, b: Bundle): DateAdjustment[] {
	const blockers = publishBlockers(b);
	if (blockers.length > 0) throw notReadyError(b, blockers);
	const now = c.store.now();
	b.status = 'published';
	b.published_at = now;
	b.updated_at = now;
	c.emit('bundle.published', bundleEventData(b, 'pending_setup'));
	// The account keeps its `configured` status: spec 001 lists no "published" account status.
	if (b.account) c.emit('account.published', { ...accountEventData(b, b.account.status), bundle_status: b.status });
	return publishVideos(
		c,
		b,
		b.videos.filter((v) => v.status === 'configured'),
	);
}

export interface AutoPublishOutcome {
	published: boolean;
	/** `bundle` = the pending_setup bundle was published; `videos` = these videos were published. */
	scope: 'bundle' | 'videos';
	bundle_status: string;
	positions: number[];
	blockers: Blocker[];
	adjusted_videos: DateAdjustment[];
}

/** After a configuration call with auto_publish: publish the bundle if still in setup, else the configured videos. */
export function autoPublish(c: VideoCtx, b: Bundle, configured: VideoSlot[]): AutoPublishOutcome {
	if (b.status === 'pending_setup') {
		const blockers = publishBlockers(b);
		const adjusted = blockers.length === 0 ? publishBundle(c, b) : [];
		return {
			published: blockers.length === 0,
			scope: 'bundle',
			bundle_status: b.status,
			positions: blockers.length === 0 ? b.videos.filter((v) => v.status === 'published').map((v) => v.position) : [],
			blockers,
			adjusted_videos: adjusted,
		};
	}
	const ready = configured.filter((v) => v.status === 'configured');
	const adjusted = publishVideos(c, b, ready);
	return {
		published: ready.length > 0,
		scope: 'videos',
		bundle_status: b.status,
		positions: ready.map((v) => v.position),
		blockers: [],
		adjusted_videos: adjusted,
	};
}
