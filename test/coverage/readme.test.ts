// Every operation of the TokPortal node is documented in the README's operation tables
// ("**Resource → Operation**"), so a new operation cannot ship without its row.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { INodePropertyOptions } from 'n8n-workflow';

import { TokPortal } from '../../nodes/TokPortal/TokPortal.node';

const properties = new TokPortal().description.properties;
const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
const resources = (properties.find((property) => property.name === 'resource')?.options ?? []) as INodePropertyOptions[];
const operations = resources.flatMap((resource) => {
	const dropdown = properties.find(
		(property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes(String(resource.value)),
	);
	return ((dropdown?.options ?? []) as INodePropertyOptions[]).map((operation) => `${resource.name} → ${operation.name}`);
});

it('the node has operations to document', () => {
	expect(operations.length).toBeGreaterThan(80);
});

it.each(operations)('README documents %s', (operation) => {
	expect(readme).toContain(`| **${operation}** |`);
});
