// The event catalogue: names operators understand, the live list with its fallback, subscriptions.
import type { IDataObject } from 'n8n-workflow';

import {
	ALL_EVENTS,
	EVENT_TYPES,
	eventLabel,
	isWanted,
	sameEvents,
	subscribedEvents,
} from '../../nodes/shared/events';
import { TokPortalTrigger } from '../../nodes/TokPortalTrigger/TokPortalTrigger.node';
import { NOT_YET_EMITTED, EVENT_TYPES as SIMULATOR_EVENT_TYPES } from '../simulator/catalog';
import { startSimulator } from '../simulator';
import { hookContext } from './hookContext';

const { getEvents } = new TokPortalTrigger().methods.loadOptions;

describe('event catalogue', () => {
	it('lists the 34 documented event types once each, the same as TokPortal (simulator) accepts', () => {
		const types = EVENT_TYPES.map((event) => event.type);
		expect(new Set(types).size).toBe(34);
		expect([...types].sort()).toEqual(SIMULATOR_EVENT_TYPES.map((event) => event.type).sort());
		expect(EVENT_TYPES.every((event) => event.description.length > 0)).toBe(true);
	});

	it.each([
		['account.finalized', 'Account: Finalized'],
		['video.published', 'Video: Published'],
		['account.ban_appeal.submitted', 'Account: Ban Appeal Submitted'],
		['video.ai_labeled', 'Video: AI Labeled'],
		['subscription.lapsed', 'Coverage: Lapsed'],
		['webhook.test', 'Webhook: Test'],
		['partner.thing_happened', 'Partner: Thing Happened'],
	])('names %s "%s"', (type, label) => {
		expect(eventLabel(type)).toBe(label);
	});

	it('expands All Events to every type, explicitly', () => {
		expect(subscribedEvents([ALL_EVENTS, 'account.finalized'])).toHaveLength(34);
		expect(subscribedEvents(['video.published', 'account.finalized', 'video.published'])).toEqual([
			'account.finalized',
			'video.published',
		]);
	});

	it('wants selected types and webhook.test only', () => {
		expect(isWanted('account.finalized', ['account.finalized'])).toBe(true);
		expect(isWanted('webhook.test', ['account.finalized'])).toBe(true);
		expect(isWanted('video.published', ['account.finalized'])).toBe(false);
		expect(isWanted('video.published', [ALL_EVENTS])).toBe(true);
	});

	it('compares event lists as sets', () => {
		expect(sameEvents(['a', 'b'], ['b', 'a'])).toBe(true);
		expect(sameEvents(['a'], ['a', 'b'])).toBe(false);
	});
});

describe('Events dropdown (loadOptions)', () => {
	function context(baseUrl: string, intercept?: Parameters<typeof hookContext>[0]['intercept']) {
		return hookContext({ baseUrl, apiKey: 'sk_any', webhookUrl: 'http://127.0.0.1/x', staticData: {}, events: [], intercept })
			.context;
	}

	/** A context whose requests are all answered with this event catalogue. */
	function catalogueAnswering(events: IDataObject[]) {
		return context('http://127.0.0.1:9/api/ext', async () => ({ statusCode: 200, headers: {}, body: { data: { events } } as IDataObject }));
	}

	it("reads TokPortal's catalogue: All Events first, then every type grouped by its prefix", async () => {
		const sim = await startSimulator({ rateLimit: false });
		try {
			const options = await getEvents.call(context(sim.baseUrl));
			expect(options[0]).toMatchObject({ name: 'All Events', value: ALL_EVENTS });
			expect(options).toHaveLength(35);
			expect(options).toContainEqual(
				expect.objectContaining({ name: 'Account: Finalized', value: 'account.finalized' }),
			);
			const names = options.slice(1).map((option) => option.name);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
			expect(sim.requests.map((request) => request.path)).toEqual(['/webhooks/events']);
		} finally {
			await sim.close();
		}
	});

	it('shows an event type the node does not know yet when the catalogue has it', async () => {
		const options = await getEvents.call(catalogueAnswering([{ type: 'video.went_viral', description: 'A video went viral' }]));
		expect(options.map((option) => option.value)).toEqual([ALL_EVENTS, 'video.went_viral']);
		expect(options[1]).toMatchObject({ name: 'Video: Went Viral', description: 'A video went viral' });
	});

	it('marks the event types TokPortal does not emit yet, in their name and description', async () => {
		const sim = await startSimulator({ rateLimit: false });
		try {
			const options = await getEvents.call(context(sim.baseUrl));
			const marked = options.filter((option) => option.name.endsWith(' (Not Emitted Yet)'));
			expect(marked.map((option) => option.value).sort()).toEqual([
				'account.distribution_warning',
				'video.ai_labeled',
				'video.not_recommended',
				'video.sound_restricted',
			]);
			expect(marked.every((option) => option.description?.startsWith('Not sent by TokPortal yet'))).toBe(true);
			expect(options.find((option) => option.value === 'account.finalized')).toMatchObject({ name: 'Account: Finalized' });
		} finally {
			await sim.close();
		}
	});

	it('follows the catalogue’s emitted flag rather than its own list', async () => {
		const options = await getEvents.call(
			catalogueAnswering([
				{ type: 'video.ai_labeled', description: 'now live', emitted: true },
				{ type: 'account.finalized', description: 'paused', emitted: false },
			]),
		);
		expect(options.slice(1).map((option) => option.name)).toEqual(['Account: Finalized (Not Emitted Yet)', 'Video: AI Labeled']);
	});

	it('falls back to the built-in list when TokPortal cannot be reached', async () => {
		// Port 9 (discard) on this machine: nothing listens, the connection is refused.
		const options = await getEvents.call(context('http://127.0.0.1:9/api/ext'));
		expect(options).toHaveLength(35);
		expect(options[0].value).toBe(ALL_EVENTS);
		// The same four as TokPortal's catalogue marks (only the newest documentation lists them).
		expect(options.filter((option) => option.name.endsWith('(Not Emitted Yet)')).map((option) => option.value).sort()).toEqual(
			[...NOT_YET_EMITTED].sort(),
		);
	});
});
