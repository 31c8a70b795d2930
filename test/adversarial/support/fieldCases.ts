import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from './operations';
import { allOperations, NODE_PROPERTIES } from './operations';

export type FieldKind =
	| 'boolean'
	| 'integer'
	| 'decimal'
	| 'text'
	| 'url'
	| 'options'
	| 'dynamicOptions'
	| 'multiOptions'
	| 'id';

/** One field of one operation, as the node's description declares it (collection children included). */
export interface Field {
	operation: Operation;
	/** Parameter path, e.g. ['additionalFields', 'title']. */
	path: string[];
	property: INodeProperties;
	/** The name the user sees, as an error should say it ("Country Name or ID" → "Country"). */
	label: string;
	kind: FieldKind;
	min?: number;
	max?: number;
	/** A maximum length the field's description documents ("max 200 characters", "1–24 characters"). */
	maxLength?: number;
	/** Other parameters this field is only shown (or only meaningful) with. */
	shownWith: Record<string, unknown>;
}

function kindOf(property: INodeProperties): FieldKind {
	if (property.type === 'boolean') return 'boolean';
	if (property.type === 'number') return property.typeOptions?.numberPrecision ? 'decimal' : 'integer';
	if (property.type === 'resourceLocator') return 'id';
	if (property.type === 'multiOptions') return 'multiOptions';
	if (property.type === 'options') return property.typeOptions?.loadOptionsMethod ? 'dynamicOptions' : 'options';
	if (String(property.placeholder ?? '').includes('https://')) return 'url';
	return 'text';
}

function documentedMaxLength(property: INodeProperties): number | undefined {
	const text = String(property.description ?? '');
	const match =
		/max(?:imum)? (\d+) characters/i.exec(text) ?? /at most (\d+) characters/i.exec(text) ?? /\d+[–-](\d+) characters/.exec(text);
	return match ? Number(match[1]) : undefined;
}

function labelOf(property: INodeProperties): string {
	return property.displayName.replace(/ Names? or IDs?$/, '');
}

function field(operation: Operation, path: string[], property: INodeProperties, shownWith: Record<string, unknown>): Field {
	return {
		operation,
		path,
		property,
		label: labelOf(property),
		kind: kindOf(property),
		min: property.typeOptions?.minValue,
		max: property.typeOptions?.maxValue,
		maxLength: documentedMaxLength(property),
		shownWith,
	};
}

/** The values a field's displayOptions require of other parameters (the first allowed value of each). */
function shownWithOf(property: INodeProperties): Record<string, unknown> {
	const show = property.displayOptions?.show ?? {};
	return Object.fromEntries(
		Object.entries(show)
			.filter(([name]) => name !== 'resource' && name !== 'operation')
			.map(([name, values]) => [name, (values as unknown[])[0]]),
	);
}

/** Every field of every operation, read from the TokPortal node's description. */
export function allFields(): Field[] {
	return allOperations().flatMap((operation) =>
		NODE_PROPERTIES.filter(
			(property) =>
				property.type !== 'notice' &&
				property.name !== 'operation' &&
				property.displayOptions?.show?.resource?.includes(operation.resource) &&
				property.displayOptions?.show?.operation?.includes(operation.operation),
		).flatMap((property) =>
			property.type === 'collection'
				? ((property.options ?? []) as INodeProperties[]).map((child) =>
						field(operation, [property.name, child.name], child, shownWithOf(child)),
					)
				: [field(operation, [property.name], property, shownWithOf(property))],
		),
	);
}

/** What the node must do with a value. */
export type Expectation =
	/** An error naming the field, and nothing sent. */
	| 'refuse'
	/** Refused (as above), or sent verbatim in one place without changing anything else of the request. */
	| 'refuseOrVerbatim'
	/** Refused, or the field left out of the request (an empty optional field). */
	| 'refuseOrOmit'
	/** Behaves exactly like `sameAs` (same requests, same outcome). */
	| 'equivalent';

export interface ValueCase {
	/** How the value is shown in the case id, e.g. `"0x10"`, `[3]`, `NaN`. */
	label: string;
	/** The value an upstream node (a sheet) hands the expression `{{ $json.v }}`… */
	value?: unknown;
	/** …or an expression for values JSON cannot carry (NaN, Infinity). */
	expression?: string;
	expect: Expectation;
	/** For `equivalent`: the canonical value it must behave like. */
	sameAs?: unknown;
	/** For `refuseOrVerbatim`: the string that must arrive (default String(value)). */
	sent?: string;
}

const json = (value: unknown): string => (typeof value === 'string' && value.length > 40 ? `"${value.slice(0, 12)}…" (${value.length} chars)` : JSON.stringify(value));

const refuse = (value: unknown, label = json(value)): ValueCase => ({ label, value, expect: 'refuse' });
const refuseExpression = (expression: string, label: string): ValueCase => ({ label, expression, expect: 'refuse' });
const verbatim = (value: unknown, label = json(value)): ValueCase => ({ label, value, expect: 'refuseOrVerbatim' });
const omit = (value: unknown): ValueCase => ({ label: json(value), value, expect: 'refuseOrOmit' });
const same = (value: unknown, sameAs: unknown): ValueCase => ({ label: `${json(value)} ≡ ${json(sameAs)}`, value, sameAs, expect: 'equivalent' });

/** Valid, but written to break whatever handles it carelessly: none contains a comma (Platforms splits on it). */
export const HOSTILE_STRINGS: string[] = [
	'Zoë 🚀 עִבְרִית \u202Ertl\u202C 中文',
	'a\u200Bb\u0301 zero-width and combining',
	'../../etc/passwd',
	'a/b?c=d#e&f=g',
	`quote " and ' and \` back\\slash`,
	'line1\r\nX-Injected: yes',
	'{{ $json.secret }} ${process.env.HOME}',
	'<script>alert(1)</script>',
	'%2e%2e%2f%00',
	"'; DROP TABLE bundles; --",
	'nul\u0000byte',
];

const OVER_LONG = 'x'.repeat(10_000);

/** Nothing in it: a required field refuses it, an optional one may also leave it out. */
function blanks(field: Field): ValueCase[] {
	return ['', '   ', null].map((value) => (field.property.required ? refuse(value) : omit(value)));
}

function textCases(field: Field): ValueCase[] {
	return [
		...HOSTILE_STRINGS.map((value) => verbatim(value)),
		field.maxLength ? refuse('y'.repeat(field.maxLength + 1)) : verbatim(OVER_LONG),
		...(field.maxLength ? [refuse(OVER_LONG)] : []),
		...blanks(field),
		// A number from a sheet is text here; an object never is (it would arrive as "[object Object]").
		verbatim(42),
		refuse({ a: 1 }),
	];
}

function urlCases(field: Field): ValueCase[] {
	return [
		...HOSTILE_STRINGS.slice(0, 8).map((value) => verbatim(`https://cdn.example.com/${value}`, json(`https://…/${value}`))),
		refuse('javascript:alert(1)'),
		refuse('file:///etc/passwd'),
		refuse('not a url'),
		verbatim(`https://cdn.example.com/${OVER_LONG}`, '"https://…/xxx…" (10024 chars)'),
		...blanks(field),
		refuse({ href: 'https://cdn.example.com/p.jpg' }),
	];
}

function booleanCases(): ValueCase[] {
	return [
		...['no', 'yes', 'on', '', '1', '0'].map((value) => refuse(value)),
		refuse(0),
		refuse(1),
		refuse([true]),
		refuse({}),
		same('true', true),
		same('false', false),
	];
}

function numberCases(field: Field): ValueCase[] {
	const min = field.min ?? 0;
	const typical = field.kind === 'decimal' ? 0.5 : Math.min(Math.max(min, 2), field.max ?? 2);
	const cases = [
		refuse('0x10'),
		refuse('1e2'),
		refuse(true),
		refuse(false),
		refuse([typical]),
		refuse('abc'),
		// An optional field (a collection child) left empty by its expression may count as not set.
		field.path.length > 1 ? omit('') : refuse(''),
		refuse('12abc'),
		refuse('１２', '"１２" (full-width digits)'),
		refuse({}),
		refuse(-1),
		refuseExpression('={{ NaN }}', 'NaN'),
		refuseExpression('={{ Infinity }}', 'Infinity'),
		same(String(typical), typical),
	];
	if (field.kind === 'integer') cases.push(refuse(1.5), refuse('1.5'));
	if (min - (field.kind === 'decimal' ? 0.05 : 1) >= 0) cases.push(refuse(min - (field.kind === 'decimal' ? 0.05 : 1)));
	if (field.max !== undefined) cases.push(refuse(field.max + 1));
	return cases;
}

function optionCases(field: Field): ValueCase[] {
	return [refuse('nope'), refuse('PENDING SETUP'), refuse(42), refuse({}), field.property.required ? refuse('') : omit('')];
}

function dynamicOptionCases(field: Field): ValueCase[] {
	return [
		...HOSTILE_STRINGS.map((value) => verbatim(value)),
		verbatim(OVER_LONG),
		...blanks(field),
		refuse({}),
		...(field.kind === 'multiOptions' ? [refuse([{}]), refuse([[]])] : []),
	];
}

function idCases(): ValueCase[] {
	return [
		refuse('.'),
		refuse('..'),
		refuse(''),
		refuse('   '),
		...['../me', 'a/b', '..%2F..', '%2e%2e', 'id?x=1', 'id#frag', 'Zoë 🚀', 'id\r\nX-Injected: yes', "'; DROP TABLE bundles; --", OVER_LONG].map((value) =>
			verbatim(value),
		),
		verbatim(42),
		refuse({}),
		refuse([]),
	];
}

export function valueCases(field: Field): ValueCase[] {
	switch (field.kind) {
		case 'boolean':
			return booleanCases();
		case 'integer':
		case 'decimal':
			return numberCases(field);
		case 'text':
			return textCases(field);
		case 'url':
			return urlCases(field);
		case 'options':
			return optionCases(field);
		case 'dynamicOptions':
		case 'multiOptions':
			return dynamicOptionCases(field);
		case 'id':
			return idCases();
	}
}

/** The issue #9 defect a failing case of this field belongs to. */
export function defectOf(field: Field, value: ValueCase): string {
	if (field.kind === 'boolean') return 'defect 9.4';
	if (field.path.at(-1) === 'limit') return 'defect 9.6';
	if (field.kind === 'integer' || field.kind === 'decimal') return 'defect 9.5';
	if (field.kind === 'id' && (value.value === '.' || value.value === '..')) return 'defect 9.9';
	return 'beyond the numbered defects: field validation';
}
