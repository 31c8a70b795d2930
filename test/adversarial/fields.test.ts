// Issue #9 defects 4, 5, 6, 9 and beyond: every field of every operation — generated from the
// TokPortal node's description, collection children included — fed wrong types, empty, over-long,
// unicode and injection-like values from an upstream item ({{ $json.v }}), through n8n-core against
// the simulator.
//
// Target: an invalid value → an error naming the field and nothing sent; booleans accept only
// true/false/"true"/"false"; integers only decimal digits within the documented range; a
// valid-but-hostile string is sent verbatim as one JSON string, query value or encoded path segment,
// changing nothing else of the request — or, for a field that only names the output (a downloaded
// file's name, the binary field holding it), arrives verbatim there, changing no request.
import { createHash } from 'node:crypto';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { NodeRun } from '../harness';
import { runTokPortalNode } from '../harness';
import type { RequestLogEntry, Simulator } from '../simulator';
import { startSimulator } from '../simulator';
import { byId } from '../node/accountFixtures';
import { caseSuite } from './support/cases';
import type { Field, ValueCase } from './support/fieldCases';
import { allFields, defectOf, valueCases } from './support/fieldCases';
import { figureBook } from './support/figures';
import type { Location, OutputLocation } from './support/requestSlots';
import { locate, locateInOutput, outputSlot, slot } from './support/requestSlots';
import type { Fixtures, Operation } from './support/operations';
import { allOperations, createFixtures, operationId, restoreWebhooks, validBinary, validParameters } from './support/operations';

const figures = figureBook('fields', 'fields');
const cases = caseSuite('fields');

let sim: Simulator;
let fixtures: Fixtures;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false, initialCredits: 1_000_000_000 });
	fixtures = await createFixtures(sim);
});
afterAll(async () => await sim.close());

/** The lapsed Coverage as the fixture left it: every run sees the same quote. */
let lapsedCoverage: object | undefined;
function relapse(): void {
	const coverage = sim.state.coverages.find((c) => c.account_id === fixtures.lapsedAccountId);
	if (!coverage) return;
	lapsedCoverage ??= { ...coverage };
	Object.assign(coverage, lapsedCoverage);
}

const fieldId = (field: Field) => `${operationId(field.operation)} › ${field.path.join('.')}`;

/**
 * What a field needs around it to be valid and meaningful: the parameters its displayOptions name,
 * plus the few rules that tie fields together (edit slots need video slots, warming needs its
 * instructions, an Idempotency Key is not used in a dry run, Link in Bio needs an Instagram bundle).
 */
function context(field: Field): INodeParameters {
	const byField: Record<string, INodeParameters> = {
		'bundle.create › additionalFields.editsQuantity': { bundleType: 'account_and_videos', videosQuantity: 500 },
		'bundle.create › additionalFields.wantsDeepWarming': { platform: 'instagram' },
		'bundle.create › additionalFields.wantsNicheWarming': { additionalFields: { nicheWarmingInstructions: 'Home fitness' } },
		'bundle.create › additionalFields.nicheWarmingInstructions': { additionalFields: { wantsNicheWarming: true } },
		'bundle.create › options.idempotencyKey': { options: { dryRun: false } },
		'bundle.createBulk › additionalFields.uploadAccountsCount': { accountsCount: 100, additionalFields: { videosPerAccount: 1 } },
		'bundle.createBulk › additionalFields.videosPerAccount': { accountsCount: 2, additionalFields: { uploadAccountsCount: 1 } },
		'bundle.createBulk › additionalFields.wantsDeepWarming': { platforms: ['instagram'] },
		'bundle.createBulk › additionalFields.wantsNicheWarming': { additionalFields: { nicheWarmingInstructions: 'Home fitness' } },
		'bundle.createBulk › additionalFields.nicheWarmingInstructions': { additionalFields: { wantsNicheWarming: true } },
		'bundle.createBulk › options.idempotencyKey': { options: { dryRun: false } },
		'bundle.publish › options.idempotencyKey': { options: { dryRun: false } },
		'accountConfiguration.configure › additionalFields.linkInBio': { bundleId: byId(fixtures.instagramBundleId) },
		'deliveredAccount.requestEdit › additionalFields.requestedLinkInBio': { accountId: byId(fixtures.managedInstagramAccountId) },
		'deliveredAccount.requestEdit › options.idempotencyKey': { options: { dryRun: false } },
		'deliveredAccount.rewarm › options.idempotencyKey': { options: { dryRun: false } },
		'deliveredAccount.reactivateCoverage › options.idempotencyKey': { options: { dryRun: false } },
		'comment.create › options.idempotencyKey': { options: { dryRun: false } },
		...videoContext('video.configure'),
		...videoContext('video.configureMany'),
		'video.configure › options.idempotencyKey': { options: { dryRun: false } },
		'video.fixDownload › carouselImages': { position: 2, videoUrl: '' },
		'video.requestAdCode › options.idempotencyKey': { options: { dryRun: false } },
		'bundle.addVideoSlots › options.idempotencyKey': { options: { dryRun: false } },
		'bundle.addEditSlots › options.idempotencyKey': { options: { dryRun: false } },
	};
	// An update field is tried alone: the base's own change would hide what this one does.
	const alone: INodeParameters = field.operation.operation === 'update' && field.path[0] === 'updateFields' ? { updateFields: {} } : {};
	return { ...(field.shownWith as INodeParameters), ...alone, ...byField[fieldId(field)] };
}

function merge(base: INodeParameters, extra: INodeParameters): INodeParameters {
	const merged: INodeParameters = { ...base };
	for (const [name, value] of Object.entries(extra)) {
		const current = merged[name];
		const isCollection = (candidate: unknown) => candidate !== null && typeof candidate === 'object' && !Array.isArray(candidate) && !('__rl' in (candidate as object));
		merged[name] = isCollection(current) && isCollection(value) ? { ...(current as INodeParameters), ...(value as INodeParameters) } : value;
	}
	return merged;
}

/**
 * A video configuration's fields that only apply to some types or platforms, each with a base where
 * it applies: Instagram fields on the Instagram bundle, carousel and story fields with their type.
 */
function videoContext(operation: string): Record<string, INodeParameters> {
	const instagram = { bundleId: byId(fixtures.instagramVideoBundleId), additionalFields: { instagramContentType: 'reel' } };
	const carousel = { videoType: 'carousel', carouselImages: 'https://cdn.example.com/1.jpg', additionalFields: { tiktokSoundUrl: 'https://www.tiktok.com/music/x-1' } };
	return {
		[`${operation} › additionalFields.instagramAddToStory`]: instagram,
		[`${operation} › additionalFields.instagramAudioName`]: instagram,
		[`${operation} › additionalFields.instagramCollaborators`]: instagram,
		[`${operation} › additionalFields.instagramContentType`]: { bundleId: instagram.bundleId },
		[`${operation} › additionalFields.instagramLocation`]: instagram,
		[`${operation} › additionalFields.carouselTitle`]: carousel,
		[`${operation} › carouselImages`]: { additionalFields: carousel.additionalFields },
		[`${operation} › storyImageUrl`]: { videoUrl: '' },
		[`${operation} › additionalFields.storyRepostUrl`]: { videoType: 'story' },
	};
}

/** The field set to `setting` (an expression), everything else valid. */
function parametersWith(field: Field, setting: string): INodeParameters {
	const parameters = merge(validParameters(field.operation, fixtures), context(field));
	const [first, child] = field.path;
	if (child === undefined) {
		parameters[first] = field.kind === 'id' ? { __rl: true, mode: 'id', value: setting } : setting;
	} else {
		parameters[first] = { ...((parameters[first] as INodeParameters | undefined) ?? {}), [child]: setting };
	}
	return parameters;
}

interface Outcome {
	requests: RequestLogEntry[];
	/** The item's error (Continue On Fail), or the node's. */
	error?: string;
	output?: IDataObject;
	/** The whole first output item (its binary data included). */
	item?: INodeExecutionData;
}

/** Puts back what an earlier run of the operation used up, so every run meets the same TokPortal. */
function rewind(operation: Operation): void {
	const id = operationId(operation);
	if (id === 'deliveredAccount.getVerificationCode') sim.operator.deliverVerificationCode(fixtures.accountId, '135790');
	// A reactivation that went through (Dry Run off) leaves nothing to reactivate: lapse it again.
	if (id === 'deliveredAccount.reactivateCoverage') relapse();
	// A refresh that went through starts a cooldown, in which the next run would stop at the check.
	if (id === 'analytics.refreshAccount') sim.operator.resetAnalyticsRefresh(fixtures.analyticsAccountId);
	restoreWebhooks(sim, fixtures);
}

async function run(field: Field, parameters: INodeParameters, value?: unknown): Promise<Outcome> {
	rewind(field.operation);
	sim.clearRequests();
	const result: NodeRun = await runTokPortalNode(sim, {
		parameters,
		items: [{ v: value as IDataObject[string] }],
		binary: validBinary(field.operation),
		continueOnFail: true,
	});
	restoreWebhooks(sim, fixtures);
	const item = result.items[0]?.json;
	const error = result.error
		? `${result.error.message} ${result.error.description ?? ''}`
		: typeof item?.error === 'string'
			? `${item.error} ${String(item.description ?? '')}`
			: undefined;
	return { requests: [...sim.requests], error, output: item, item: result.items[0] };
}

async function runWith(field: Field, value: Pick<ValueCase, 'value' | 'expression'>): Promise<Outcome> {
	return await run(field, parametersWith(field, value.expression ?? '={{ $json.v }}'), value.value);
}

/** The same run with the field not set at all: what "left out" looks like. */
async function runWithout(field: Field): Promise<Outcome> {
	const parameters = parametersWith(field, '');
	const [first, child] = field.path;
	if (child === undefined) delete parameters[first];
	else delete (parameters[first] as INodeParameters)[child];
	return await run(field, parameters);
}

const baselines = new Map<string, { location?: Location | OutputLocation; outcome: Outcome }>();

/**
 * Where this field's value travels, found by sending a harmless marker (once per field): into a
 * request, or — for what only names the output, such as a downloaded file's name — into the output.
 */
async function baseline(field: Field): Promise<{ location?: Location | OutputLocation; outcome: Outcome }> {
	const id = fieldId(field);
	let known = baselines.get(id);
	if (!known) {
		const marker = `zqxmarker${baselines.size}`;
		const value = field.kind === 'url' ? `https://cdn.example.com/${marker}.jpg` : marker;
		const outcome = await runWith(field, { value });
		known = { location: locate(outcome.requests, marker) ?? locateInOutput(outcome.item, marker), outcome };
		baselines.set(id, known);
	}
	return known;
}

/** The value at `location` in a run, and the rest of what it sent (which must not change). */
function slotOf(outcome: Outcome, location: Location | OutputLocation): { value: unknown; rest: unknown } | undefined {
	if (location.where === 'output') return outputSlot(outcome.requests, outcome.item, location);
	const request = outcome.requests[location.index];
	return request ? slot(request, location) : undefined;
}

/**
 * Text arrives verbatim (trimming aside); option values may also be lower-cased by the node. A header
 * carries printable ASCII only: there, text with other characters arrives as its SHA-256 (the node's
 * documented header-safe form, which keeps distinct keys distinct).
 */
function arrivedVerbatim(field: Field, actual: unknown, sent: string, inHeader: boolean): boolean {
	const candidates = [sent, sent.trim()];
	if (inHeader && !/^[\x20-\x7e]*$/.test(sent)) {
		candidates.push(`sha256:${createHash('sha256').update(sent.trim()).digest('hex')}`);
	}
	if (field.kind === 'dynamicOptions' || field.kind === 'multiOptions') candidates.push(sent.trim().toLowerCase());
	if (Array.isArray(actual)) return actual.some((one) => candidates.includes(one as string));
	if (typeof actual !== 'string') return false;
	return candidates.some((candidate) => actual === candidate || (field.kind === 'id' ? false : actual.endsWith(`:${candidate}`)));
}

function namesField(field: Field, error: string): boolean {
	return error.toLowerCase().includes(field.label.toLowerCase());
}

async function check(field: Field, value: ValueCase): Promise<string[]> {
	figures.add('cases');
	if (value.expect === 'equivalent') return await checkEquivalent(field, value);
	const outcome = await runWith(field, value);
	const sent = outcome.requests.length;
	const refused = outcome.error !== undefined && sent === 0;
	if (refused) {
		if (namesField(field, outcome.error ?? '')) return [];
		figures.add('errorsWithoutFieldName');
		return [`refused with an error that does not name "${field.label}": ${outcome.error}`];
	}
	if (value.expect === 'refuse') {
		if (sent > 0) figures.add('invalidValuesSent');
		return [
			sent > 0
				? `sent ${sent} request(s) for an invalid value: ${outcome.requests.map((request) => `${request.method} ${request.path} ${JSON.stringify(request.body ?? request.query)}`).join(' | ')}`.slice(0, 600)
				: `not refused: ${outcome.error ?? 'the item succeeded'}`,
		];
	}
	if (value.expect === 'refuseOrOmit') {
		const unset = comparable(await runWithout(field)).requests;
		if (JSON.stringify(comparable(outcome).requests) === JSON.stringify(unset)) return [];
		return [`neither refused nor left out: ${JSON.stringify(comparable(outcome).requests).slice(0, 300)} instead of ${JSON.stringify(unset).slice(0, 300)}`];
	}
	const { location, outcome: reference } = await baseline(field);
	if (!location) return [`the node sent it, but the suite could not find where ${field.label} travels (baseline)`];
	const found = slotOf(outcome, location);
	const text = value.sent ?? String(value.value);
	const problems: string[] = [];
	if (!found || !arrivedVerbatim(field, found.value, text, location.where === 'header')) {
		problems.push(`not sent verbatim: expected ${JSON.stringify(text).slice(0, 80)}, got ${JSON.stringify(found?.value).slice(0, 120)}`);
	} else if (JSON.stringify(found.rest) !== JSON.stringify(slotOf(reference, location)?.rest)) {
		problems.push(`changed the rest of the request: ${JSON.stringify(found.rest).slice(0, 300)}`);
	}
	if (problems.length > 0) figures.add('hostileValuesAltered');
	return problems;
}

/**
 * What must not differ between two spellings of one value: every request (a dry run or a key
 * included) and, when nothing was sent, the error (TokPortal's answers depend on its state, which the
 * first of two runs may change).
 */
function comparable(outcome: Outcome): { requests: unknown[]; error?: string } {
	return {
		requests: outcome.requests.map((request) => [
			request.method,
			request.path,
			request.query,
			request.body,
			request.headers['x-tokportal-dry-run'],
			request.headers['idempotency-key'] !== undefined,
		]),
		error: outcome.requests.length === 0 ? outcome.error : undefined,
	};
}

async function checkEquivalent(field: Field, value: ValueCase): Promise<string[]> {
	const canonical = comparable(await runWith(field, { value: value.sameAs }));
	const outcome = await runWith(field, value);
	const actual = comparable(outcome);
	if (JSON.stringify(actual) === JSON.stringify(canonical)) return [];
	if (outcome.requests.length > 0 && outcome.error === undefined) figures.add('invalidValuesSent');
	return [
		`${JSON.stringify(value.value)} does not behave like ${JSON.stringify(value.sameAs)}: ${JSON.stringify(actual).slice(0, 300)} instead of ${JSON.stringify(canonical).slice(0, 300)}`,
	];
}

describe('the valid base of every operation', () => {
	for (const operation of allOperations()) {
		it(`${operationId(operation)} succeeds with its valid parameters (so each case changes one thing)`, async () => {
			rewind(operation);
			const run = await runTokPortalNode(sim, { parameters: validParameters(operation, fixtures), binary: validBinary(operation) });
			restoreWebhooks(sim, fixtures);
			expect(run.error?.message).toBeUndefined();
		});
	}
});

describe('every field of every operation', () => {
	for (const field of allFields()) {
		describe(fieldId(field), () => {
			for (const value of valueCases(field)) {
				cases.it(`${fieldId(field)} = ${value.label}`, defectOf(field, value), async () => await check(field, value));
			}
		});
	}
});
