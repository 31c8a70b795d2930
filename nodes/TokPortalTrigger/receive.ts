import { createHash } from 'crypto';
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { appendRecent, RecentEventIds } from './dedupe';
import { isWanted } from '../shared/events';
import { DEFAULT_TOLERANCE_SECONDS, SIGNATURE_HEADER, verifySignature } from './signature';
import { SubscriptionStore } from './staticData';
import { endpointKey, servedWebhookUrl } from './webhookUrl';

/** Shared by every TokPortal Trigger of this n8n process. */
const recentInProcess = new RecentEventIds();

function headerText(value: string | string[] | undefined): string | undefined {
	return Array.isArray(value) ? value[0] : value;
}

/** Answers 401 without starting an execution; the reason goes to n8n's log, where operators look. */
function reject(context: IWebhookFunctions, reason: string): IWebhookResponseData {
	context.logger.warn(`TokPortal Trigger rejected a delivery: ${reason}`, { node: context.getNode().name });
	context.getResponseObject().status(401).json({ error: 'invalid_signature', message: `Rejected: ${reason}` });
	return { noWebhookResponse: true };
}

/**
 * One delivery: verify the signature over the raw body with this URL's secret, acknowledge duplicates
 * and unselected events without an execution, and emit the event envelope as one item.
 */
export async function receiveDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = this.getRequestObject();
	const url = servedWebhookUrl.call(this);
	const key = url === undefined ? undefined : endpointKey(url);
	const store = new SubscriptionStore(this.getWorkflowStaticData('node'));
	const subscription = key === undefined ? undefined : store.get(key);
	if (key === undefined || subscription === undefined) {
		return reject(
			this,
			'no signing secret is stored for this webhook URL; deactivate and activate the workflow (or listen for a test event again) to subscribe anew',
		);
	}
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const tolerance =
		typeof options.signatureTolerance === 'number' ? options.signatureTolerance : DEFAULT_TOLERANCE_SECONDS;
	// The signature covers the bytes TokPortal sent; a re-serialised req.body would not match them.
	if (!request.rawBody) await request.readRawBody();
	const headers = this.getHeaderData();
	const check = verifySignature({
		header: headerText(headers[SIGNATURE_HEADER]),
		rawBody: request.rawBody ?? Buffer.alloc(0),
		secret: subscription.secret,
		toleranceSeconds: tolerance,
		nowSeconds: Math.floor(Date.now() / 1000),
	});
	if (!check.valid) return reject(this, check.reason);

	const envelope = this.getBodyData();
	const type = typeof envelope.type === 'string' ? envelope.type : '';
	const selection = this.getNodeParameter('events', []) as string[];
	if (!isWanted(type, selection)) return { webhookResponse: { received: true, ignored: true } };

	// Only signed data identifies a delivery: the body's id, else the signed body itself. The
	// TokPortal-Event-Id header is not signed, so a forger could use it to suppress real events.
	const eventId =
		typeof envelope.id === 'string' && envelope.id !== ''
			? envelope.id
			: `sha256:${createHash('sha256').update(request.rawBody ?? Buffer.alloc(0)).digest('hex')}`;
	if (recentInProcess.has(key, eventId) || subscription.recentEventIds?.includes(eventId)) {
		return { webhookResponse: { received: true, duplicate: true } };
	}
	recentInProcess.add(key, eventId);
	store.set(key, { ...subscription, recentEventIds: appendRecent(subscription.recentEventIds, eventId) });

	const item: IDataObject = {
		id: envelope.id,
		type: envelope.type,
		api_version: envelope.api_version,
		created_at: envelope.created_at,
		data: envelope.data,
	};
	if (options.includeHeaders === true) item.headers = headers as IDataObject;
	return { workflowData: [this.helpers.returnJsonArray([item])] };
}
