import type { TokPortalResource } from '../operation';
import { getBalance } from './getBalance.operation';
import { getCosts } from './getCosts.operation';
import { getHistory } from './getHistory.operation';

export const credit: TokPortalResource = {
	name: 'Credit',
	value: 'credit',
	description: 'Your credit balance, what things cost, and every credit transaction for reconciliation',
	defaultOperation: 'getBalance',
	operations: [getBalance, getCosts, getHistory],
};
