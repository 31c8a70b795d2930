import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath, apiRequest } from '../../../shared/transport';
import type { BundleState, SlotState } from './calendar';

function slotOf(raw: IDataObject): SlotState | undefined {
	const position = Number(raw.position);
	if (!Number.isInteger(position) || position < 1) return undefined;
	const date = raw.target_publish_date ?? raw.target_publish_start_date;
	return {
		position,
		status: String(raw.status ?? 'pending'),
		targetPublishDate: typeof date === 'string' && date !== '' ? date.slice(0, 10) : null,
		externalRef: typeof raw.external_ref === 'string' && raw.external_ref !== '' ? raw.external_ref : null,
		videoType: typeof raw.video_type === 'string' ? raw.video_type : null,
	};
}

function numberOrUndefined(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * What the video rules need to know about a bundle, read for free: its type, platform, status,
 * whether its account exists yet, its edit slots and every slot's status and date. `GET /bundles/{id}`
 * lists the slots; when an answer does not, they are read from `GET /bundles/{id}/videos`.
 */
export async function readBundleState(context: IExecuteFunctions, bundleId: string, itemIndex: number): Promise<BundleState> {
	const { body } = await apiRequest.call(context, { method: 'GET', path: apiPath`/bundles/${bundleId}`, itemIndex });
	const data = (body.data ?? {}) as IDataObject;
	let videos = Array.isArray(data.videos) ? (data.videos as IDataObject[]) : undefined;
	if (videos === undefined) {
		const listed = await apiRequest.call(context, { method: 'GET', path: apiPath`/bundles/${bundleId}/videos`, itemIndex });
		videos = Array.isArray(listed.body.data) ? (listed.body.data as IDataObject[]) : [];
	}
	return {
		id: String(data.id ?? bundleId),
		status: String(data.status ?? ''),
		bundleType: String(data.bundle_type ?? ''),
		platform: typeof data.platform === 'string' ? data.platform.toLowerCase() : undefined,
		savedAccountId: typeof data.saved_account_id === 'string' && data.saved_account_id !== '' ? data.saved_account_id : null,
		editsQuantity: numberOrUndefined(data.edits_quantity),
		usedEdits: numberOrUndefined(data.used_edits),
		slots: videos.flatMap((video) => slotOf(video) ?? []),
	};
}
