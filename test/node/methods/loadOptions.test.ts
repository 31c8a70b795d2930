import { getCountries, getOrderablePlatforms, getPlatforms } from '../../../nodes/TokPortal/methods/loadOptions';
import { loadOptionsContext } from '../../harness/loadOptionsContext';
import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';

describe('Country and Platform dropdowns', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ rateLimit: false });
	});
	afterAll(async () => await sim.close());

	it('lists the countries TokPortal serves, by name with their code', async () => {
		const countries = await getCountries.call(loadOptionsContext(sim));
		expect(countries).toContainEqual({ name: 'United States (USA)', value: 'USA' });
		expect(countries.map((country) => country.name)).toEqual([...countries.map((c) => c.name)].sort((a, b) => a.localeCompare(b)));
		expect(sim.requests.at(-1)).toMatchObject({ method: 'GET', path: '/countries' });
	});

	it('offers every platform for filters but only orderable ones for new bundles', async () => {
		const all = await getPlatforms.call(loadOptionsContext(sim));
		const orderable = await getOrderablePlatforms.call(loadOptionsContext(sim));
		expect(all.map((platform) => platform.value)).toEqual(['instagram', 'tiktok', 'youtube']);
		expect(orderable.map((platform) => platform.value)).toEqual(['instagram', 'tiktok']);
	});

	it('falls back to the documented values when TokPortal cannot be reached', async () => {
		const offline = loadOptionsContext({ baseUrl: 'http://127.0.0.1:9/api/ext', apiKey: sim.apiKey });
		expect(await getCountries.call(offline)).toContainEqual({ name: 'United States (USA)', value: 'USA' });
		expect((await getOrderablePlatforms.call(offline)).map((platform) => platform.value)).toEqual(['instagram', 'tiktok']);
	});
});
