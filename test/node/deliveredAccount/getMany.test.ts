import { getMany } from '../../../nodes/TokPortal/actions/deliveredAccount/getMany.operation';
import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { run } from '../accountFixtures';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());

describe('Delivered Account → Get Many', () => {
	it('outputs a list too long to pass as call arguments (130,000 accounts), every item paired', async () => {
		// Return All reads up to 500,000 accounts; reading 130,000 from the simulator would take
		// minutes, so the operation's result is given and the router and engine around it are real.
		const accounts = Array.from({ length: 130_000 }, (_, index) => ({ id: `account-${index}` }));
		const execute = jest.spyOn(getMany, 'execute').mockResolvedValue(accounts);
		try {
			const { items, error } = await run(sim, { resource: 'deliveredAccount', operation: 'getMany', returnAll: true });
			expect(error).toBeUndefined();
			expect(execute).toHaveBeenCalledTimes(1);
			expect(items).toHaveLength(130_000);
			expect(items[129_999]).toEqual({ json: { id: 'account-129999' }, pairedItem: { item: 0 } });
		} finally {
			execute.mockRestore();
		}
	});
});
