import type { TokPortalResource } from '../operation';
import { configure } from './configure.operation';
import { get } from './get.operation';

export const accountConfiguration: TokPortalResource = {
	name: 'Account Configuration',
	value: 'accountConfiguration',
	description: 'The profile (username, name, bio, picture) TokPortal will give a bundle’s account',
	defaultOperation: 'configure',
	operations: [configure, get],
};
