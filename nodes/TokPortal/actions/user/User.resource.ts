import type { TokPortalResource } from '../operation';
import { get } from './get.operation';
import { updateSettings } from './updateSettings.operation';

export const user: TokPortalResource = {
	name: 'User',
	value: 'user',
	description: 'The TokPortal user of this API key: profile, credit balance and workspace settings',
	defaultOperation: 'get',
	operations: [get, updateSettings],
};
