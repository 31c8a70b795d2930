// User → Get (/me) and Update Settings (PATCH /me).
import type { INodeParameters } from 'n8n-workflow';

import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { run } from '../accountFixtures';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());

describe('User → Get', () => {
	it('returns the user of the API key from one GET /me, never the key', async () => {
		const { items, requests } = await run(sim, { resource: 'user', operation: 'get' });
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /me']);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ credits: sim.state.credits, settings: { timezone: 'UTC' } });
		expect(JSON.stringify(items[0].json)).not.toContain(sim.apiKey);
	});
});

describe('User → Update Settings', () => {
	const update = (updateFields: INodeParameters) => ({ resource: 'user', operation: 'updateSettings', updateFields });

	it('sends only the fields added, in TokPortal’s names, and returns the user', async () => {
		const { items, requests, error } = await run(
			sim,
			update({
				displayName: 'Acme Growth Team',
				notificationEmail: 'ops@example.com',
				timezone: 'Europe/Paris',
				defaultCountry: 'us',
				defaultPlatform: 'instagram',
				lowCreditAlertThreshold: 250,
			}),
		);
		expect(error).toBeUndefined();
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['PATCH /me']);
		expect(requests[0].body).toEqual({
			display_name: 'Acme Growth Team',
			notification_email: 'ops@example.com',
			timezone: 'Europe/Paris',
			default_country: 'us',
			default_platform: 'instagram',
			low_credit_alert_threshold: 250,
		});
		expect(items[0].json.settings).toEqual({
			display_name: 'Acme Growth Team',
			notification_email: 'ops@example.com',
			timezone: 'Europe/Paris',
			default_country: 'US',
			default_platform: 'instagram',
			low_credit_alert_threshold: 250,
		});
	});

	it('clears settings with null', async () => {
		const { items, requests } = await run(sim, update({ clear: ['display_name', 'low_credit_alert_threshold'] }));
		expect(requests[0].body).toEqual({ display_name: null, low_credit_alert_threshold: null });
		expect(items[0].json.settings).toMatchObject({ display_name: null, low_credit_alert_threshold: null, timezone: 'Europe/Paris' });
	});

	it('refuses nothing to change, a setting both set and cleared, and invalid values, with zero requests', async () => {
		const empty = await run(sim, update({}));
		expect(empty.requests).toHaveLength(0);
		expect(empty.error?.message).toBe('Add at least one field under "Update Fields" to change');

		const both = await run(sim, update({ displayName: 'X', clear: ['display_name'] }));
		expect(both.requests).toHaveLength(0);
		expect(both.error?.message).toBe('A setting cannot be set and cleared at once: display_name');

		const bad = await run(sim, update({ notificationEmail: 'not-an-email', timezone: 'Paris time', lowCreditAlertThreshold: -1 }));
		expect(bad.requests).toHaveLength(0);
		expect(bad.error?.message).toMatch(/^3 fields need fixing/);
		expect(bad.error?.message).toContain('"Notification Email" must be an email address');
		expect(bad.error?.message).toContain('"Time Zone" must be an IANA time zone such as Europe/Paris');
		expect(bad.error?.message).toContain('"Low Credit Alert Threshold" must be a whole number from 0 to 1000000 (got -1)');
	});

	it('reports TokPortal’s refusal of a time zone it does not know, naming the field', async () => {
		const { error } = await run(sim, update({ timezone: 'Mars/Olympus_Mons' }));
		expect(error?.message).toMatch(/^TokPortal rejected a field of this request/);
		expect(error?.description).toContain('timezone');
	});
});
