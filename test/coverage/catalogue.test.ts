// The README's API coverage table against TokPortal's 91-operation catalogue (tokportal-api-notes.md
// §6, next to the project as ../shared) and against the node itself: every operation of the catalogue
// has its row, with its method, path and idempotency policy; every row names a resource/operation the
// node has (or the trigger); and the policy agrees with what the transport does.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { INodeProperties } from 'n8n-workflow';

import { returnsSecret } from '../../nodes/shared/transport/idempotency';
import { TokPortal } from '../../nodes/TokPortal/TokPortal.node';

const root = path.resolve(__dirname, '../..');
const notesPath = process.env.TOKPORTAL_API_NOTES ?? path.resolve(root, '../shared/tokportal-api-notes.md');
/** §6 of the notes, kept in the repository so this test also runs where the notes are not (GitHub CI). */
const copyPath = path.join(__dirname, 'catalogue.md');

/** The catalogue section of the notes, as the committed copy holds it. */
function notesCatalogue(): string {
	return section(readFileSync(notesPath, 'utf8'), /^## 6\. Operation catalogue/m, /^## 7\./m, notesPath).replace(/[-\s]+$/, '');
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Policy = 'not-applicable' | 'standard' | 'reject-sensitive-response';
interface Operation {
	number: number;
	method: Method;
	path: string;
	policy: Policy;
}
interface Row extends Operation {
	calledBy: Array<{ resource: string; operation: string }>;
	trigger: boolean;
}

const ROW = /^\| (\d+) \| (GET|POST|PUT|PATCH|DELETE) \| `([^`]+)` \| (.+) \| `?(not-applicable|standard|reject-sensitive-response)`?[ :|]/;

function section(text: string, start: RegExp, end: RegExp, what: string): string {
	const from = text.search(start);
	if (from < 0) throw new Error(`${what}: section ${String(start)} not found`);
	// From the line after the heading up to the next heading the end pattern matches.
	const rest = text.slice(text.indexOf('\n', from) + 1);
	const to = rest.search(end);
	return to < 0 ? rest : rest.slice(0, to);
}

function readCatalogue(): Operation[] {
	const text = section(readFileSync(copyPath, 'utf8'), /^## 6\. Operation catalogue/m, /$(?![\s\S])/, copyPath);
	return text
		.split('\n')
		.map((line) => /^\| (\d+) \| (GET|POST|PUT|PATCH|DELETE) \| `([^`]+)` \| [^|]+ \| (not-applicable|standard|reject-sensitive-response) \|/.exec(line))
		.filter((match): match is RegExpExecArray => match !== null)
		.map((match) => ({ number: Number(match[1]), method: match[2] as Method, path: match[3], policy: match[4] as Policy }));
}

function readTable(): Row[] {
	const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
	const text = section(readme, /^### API coverage/m, /^##+ /m, 'README.md');
	return text
		.split('\n')
		.map((line) => ROW.exec(line))
		.filter((match): match is RegExpExecArray => match !== null)
		.map((match) => ({
			number: Number(match[1]),
			method: match[2] as Method,
			path: match[3],
			policy: match[5] as Policy,
			calledBy: [...match[4].matchAll(/`(\w+)` → `(\w+)`/g)].map(([, resource, operation]) => ({ resource, operation })),
			trigger: match[4].includes('TokPortal Trigger'),
		}));
}

/** resource value → its operation values, from the node's description (what n8n and agents see). */
function nodeOperations(): Map<string, string[]> {
	const { properties } = new TokPortal().description;
	const resources = properties.find((p) => p.name === 'resource')?.options as Array<{ value: string }>;
	return new Map(
		resources.map(({ value }) => {
			const dropdown = properties.find(
				(p: INodeProperties) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(value),
			);
			return [value, ((dropdown?.options ?? []) as Array<{ value: string }>).map((option) => option.value)];
		}),
	);
}

const catalogue = readCatalogue();
const table = readTable();
const operations = nodeOperations();
const named = table.flatMap((row) => row.calledBy.map((call) => ({ number: row.number, ...call })));

describe('README → API coverage: every TokPortal operation', () => {
	// Where the notes are next to the project (this team's machines and CI), the copy must still equal them.
	(existsSync(notesPath) ? it : it.skip)('the committed catalogue is §6 of the API notes, unchanged', () => {
		const copy = section(readFileSync(copyPath, 'utf8'), /^## 6\. Operation catalogue/m, /$(?![\s\S])/, copyPath);
		expect(copy.replace(/[-\s]+$/, '')).toBe(notesCatalogue());
	});

	it('the catalogue lists its 91 operations, numbered 1 to 91', () => {
		expect(catalogue.map((operation) => operation.number)).toEqual(Array.from({ length: 91 }, (_, i) => i + 1));
	});

	it('the table has one row per catalogue operation, no other', () => {
		expect(table.map((row) => row.number)).toEqual(catalogue.map((operation) => operation.number));
	});

	it.each(catalogue.map((operation) => [operation.number, operation.method, operation.path, operation]))(
		'#%i %s %s has its row, with its method, path and idempotency policy',
		(number, _method, _path, operation) => {
			const row = table.find((candidate) => candidate.number === number);
			expect(row && { number: row.number, method: row.method, path: row.path, policy: row.policy }).toEqual(operation);
		},
	);

	it.each(table.map((row) => [row.number, row]))('row #%i names the node operation or the trigger that calls it', (_number, row) => {
		expect(row.calledBy.length > 0 || row.trigger).toBe(true);
	});

	it.each(named.map((call) => [call.number, call.resource, call.operation]))(
		'row #%i: %s → %s is an operation of the node',
		(_number, resource, operation) => {
			expect(operations.get(resource)).toContain(operation);
		},
	);

	it.each(table.map((row) => [row.number, row.method, row.path, row]))(
		'row #%i %s %s: the transport treats it as its policy says',
		(_number, method, template, row) => {
			const concrete = template.replace(/\{[^}]+\}/g, 'x1');
			expect(returnsSecret(method, concrete)).toBe(row.policy === 'reject-sensitive-response');
			expect(method === 'GET').toBe(row.policy === 'not-applicable');
		},
	);
});
