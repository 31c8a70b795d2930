import type { TokPortalResource } from '../operation';
import { configureTerms } from './configureTerms.operation';
import { generateTerms } from './generateTerms.operation';
import { getSession } from './getSession.operation';
import { getSessions } from './getSessions.operation';

export const warming: TokPortalResource = {
	name: 'Warming',
	value: 'warming',
	description: 'Advanced Niche Warming: search terms for a bundle, suggested terms, and the warming sessions of an account',
	defaultOperation: 'getSessions',
	operations: [configureTerms, generateTerms, getSession, getSessions],
};
