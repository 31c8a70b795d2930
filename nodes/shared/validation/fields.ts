import type { IDataObject, IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { Coerced, NumberRules, TextRules } from './coerce';
import {
	isBlank,
	shown,
	toBoolean,
	toDate,
	toDecimal,
	toIdentifier,
	toInteger,
	toList,
	toMediaReference,
	toOption,
	toText,
	toUrl,
} from './coerce';

/**
 * One parameter of an operation, declared once: the property n8n shows, the rules its value must
 * follow, and the reader that applies them. Descriptions, validation and the generated tests all
 * come from this declaration, so a new operation gets strict validation by declaring its fields.
 */
export interface Field<T, Always extends boolean = boolean> {
	/** Type-level only: whether a successful read always yields a value (required, or never blank). */
	readonly always?: Always;
	readonly property: INodeProperties;
	/** The value n8n stores when the field is not set (also the fallback when it is hidden). */
	readonly fallback: unknown;
	/** What the reader enforces, for documentation and generated tests. */
	readonly rules: FieldRules;
	/** `raw` as n8n hands it over → the value, undefined when absent, or what is wrong with it. */
	read(raw: unknown): Coerced<T | undefined>;
}

export interface FieldRules {
	kind: 'text' | 'integer' | 'decimal' | 'boolean' | 'options' | 'date' | 'url' | 'list' | 'id' | 'collection' | 'notice';
	required: boolean;
	text?: TextRules;
	number?: NumberRules;
	values?: readonly string[];
	/** An added but empty collection field is refused instead of being left out. */
	refuseBlank?: boolean;
	children?: readonly AnyField[];
	item?: FieldRules;
}

/** Everything a field declaration shares with the n8n property it produces. */
interface Common {
	name: string;
	displayName: string;
	description?: string;
	hint?: string;
	placeholder?: string;
	displayOptions?: IDisplayOptions;
	/** The value must be present and non-empty. */
	required?: boolean;
	/** Mark the field required in n8n's panel even when the reader cannot (set by expression-dependent rules). */
	requiredInPanel?: boolean;
}

type Reader<T> = (raw: unknown) => Coerced<T>;

/** Any field, whatever its value type (fields only produce values, so this is type-safe). */
export type AnyField = Field<unknown, boolean>;

/** The value a field yields once read: `T`, or `T | undefined` when it may be left empty. */
export type ValueOf<F> = F extends Field<infer T, infer Always> ? (Always extends true ? T : T | undefined) : never;

export type Values<F extends Record<string, AnyField>> = { [K in keyof F]: ValueOf<F[K]> };

/** A collection's values: only the fields the user added. */
export type CollectionValues<F extends Record<string, AnyField>> = {
	[K in keyof F]?: F[K] extends Field<infer T, boolean> ? T : never;
};

function property(common: Common, rest: Omit<INodeProperties, 'name' | 'displayName'>): INodeProperties {
	const result: INodeProperties = {
		displayName: common.displayName,
		name: common.name,
		...rest,
	};
	if (common.required || common.requiredInPanel) result.required = true;
	if (common.description !== undefined) result.description = common.description;
	if (common.hint !== undefined) result.hint = common.hint;
	if (common.placeholder !== undefined) result.placeholder = common.placeholder;
	if (common.displayOptions !== undefined) result.displayOptions = common.displayOptions;
	return result;
}

/** Empty values are "not set": refused when required, refused when an added collection field asks so. */
export function field<T, Always extends boolean>(
	common: Common,
	prop: Omit<INodeProperties, 'name' | 'displayName'>,
	rules: FieldRules,
	coerce: Reader<T>,
	blankRule?: string,
): Field<T, Always> {
	return {
		property: property(common, prop),
		fallback: prop.default,
		rules,
		read(raw) {
			if (isBlank(raw) || (Array.isArray(raw) && raw.length === 0 && rules.required)) {
				if (rules.required) return { problem: 'is required' };
				if (rules.refuseBlank) {
					return { problem: blankRule ?? 'is empty. Give it a value (check its expression) or remove the field' };
				}
				return { value: undefined };
			}
			return coerce(raw);
		},
	};
}

export interface TextSpec extends Common, TextRules {
	default?: string;
	rows?: number;
	/** For fields of a collection: an added but empty value is an error, not "leave it out". */
	refuseBlank?: boolean;
	/** The message for refuseBlank (default: give it a value or remove the field). */
	blankRule?: string;
}

export function text<R extends boolean = false>(spec: TextSpec & { required?: R }): Field<string, R> {
	const rules: TextRules = {
		minLength: spec.minLength,
		maxLength: spec.maxLength,
		pattern: spec.pattern,
		patternRule: spec.patternRule,
		keepSpaces: spec.keepSpaces,
		transform: spec.transform,
	};
	return field(
		spec,
		{ type: 'string', default: spec.default ?? '', ...(spec.rows ? { typeOptions: { rows: spec.rows } } : {}) },
		{ kind: 'text', required: spec.required === true, text: rules, refuseBlank: spec.refuseBlank },
		(raw) => toText(raw, rules),
		spec.blankRule,
	);
}

export interface UrlSpec extends Common {
	default?: string;
	refuseBlank?: boolean;
	protocols?: readonly string[];
}

export function url<R extends boolean = false>(spec: UrlSpec & { required?: R }): Field<string, R> {
	return field(
		spec,
		{ type: 'string', default: spec.default ?? '' },
		{ kind: 'url', required: spec.required === true, refuseBlank: spec.refuseBlank },
		(raw) => toUrl(raw, spec.protocols),
	);
}

/** A picture or video TokPortal fetches: a web address or an Upload's `storage_path`. */
export function media<R extends boolean = false>(spec: UrlSpec & { required?: R }): Field<string, R> {
	return field(
		spec,
		{ type: 'string', default: spec.default ?? '' },
		{ kind: 'url', required: spec.required === true, refuseBlank: spec.refuseBlank },
		toMediaReference,
	);
}

export interface IntegerSpec extends Common, NumberRules {
	default: number;
	refuseBlank?: boolean;
}

export function integer<R extends boolean = false>(spec: IntegerSpec & { required?: R }): Field<number, R> {
	const rules: NumberRules = { min: spec.min, max: spec.max };
	const typeOptions: IDataObject = { numberPrecision: 0 };
	if (spec.min !== undefined) typeOptions.minValue = spec.min;
	if (spec.max !== undefined) typeOptions.maxValue = spec.max;
	return field(
		spec,
		{ type: 'number', default: spec.default, typeOptions },
		{ kind: 'integer', required: spec.required === true, number: rules, refuseBlank: spec.refuseBlank },
		(raw) => toInteger(raw, rules),
	);
}

export interface DecimalSpec extends Common, NumberRules {
	default: number;
	precision?: number;
}

export function decimal<R extends boolean = false>(spec: DecimalSpec & { required?: R }): Field<number, R> {
	const rules: NumberRules = { min: spec.min, max: spec.max };
	const typeOptions: IDataObject = {};
	if (spec.min !== undefined) typeOptions.minValue = spec.min;
	if (spec.max !== undefined) typeOptions.maxValue = spec.max;
	if (spec.precision !== undefined) typeOptions.numberPrecision = spec.precision;
	return field(
		spec,
		{ type: 'number', default: spec.default, typeOptions },
		{ kind: 'decimal', required: spec.required === true, number: rules },
		(raw) => toDecimal(raw, rules),
	);
}

export interface BooleanSpec extends Common {
	default: boolean;
}

/** A switch. Only an absent value (a collection field not added) is "not set"; '' is refused. */
export function boolean(spec: Omit<BooleanSpec, 'required'>): Field<boolean, true> {
	return {
		property: property(spec, { type: 'boolean', default: spec.default }),
		fallback: spec.default,
		rules: { kind: 'boolean', required: false },
		read: (raw) => (raw === undefined ? { value: undefined } : toBoolean(raw)),
	};
}

export interface OptionsSpec<T extends string> extends Common {
	options: ReadonlyArray<INodePropertyOptions & { value: T }>;
	default: T | '';
	noDataExpression?: boolean;
}

/** A fixed list of choices. Only an absent value (a collection field not added) is "not set". */
export function options<T extends string>(spec: OptionsSpec<T>): Field<T, true> {
	const values = spec.options.map((option) => option.value);
	return {
		property: property(spec, {
			type: 'options',
			default: spec.default,
			options: [...spec.options],
			...(spec.noDataExpression ? { noDataExpression: true } : {}),
		}),
		fallback: spec.default,
		rules: { kind: 'options', required: spec.required === true, values },
		read: (raw) => (raw === undefined ? { value: undefined } : toOption(raw, values)),
	};
}

export interface DynamicOptionsSpec extends Common, TextRules {
	loadOptionsMethod: string;
	default?: string;
}

/**
 * A dropdown loaded from TokPortal (countries, platforms). The list can grow without a node update,
 * so any value of the right shape is accepted and TokPortal has the last word.
 */
export function dynamicOptions<R extends boolean = false>(
	spec: DynamicOptionsSpec & { required?: R },
): Field<string, R> {
	const rules: TextRules = {
		maxLength: spec.maxLength ?? 50,
		pattern: spec.pattern,
		patternRule: spec.patternRule,
		transform: spec.transform,
	};
	return field(
		spec,
		{ type: 'options', default: spec.default ?? '', typeOptions: { loadOptionsMethod: spec.loadOptionsMethod } },
		{ kind: 'text', required: spec.required === true, text: rules },
		(raw) => toText(raw, rules),
	);
}

export interface ListSpec<T> extends Common {
	/** Each entry's rules. */
	item: Field<T, boolean>;
	/** n8n property type: a multi-select (with options or a loadOptions method) or free text. */
	options?: INodePropertyOptions[];
	loadOptionsMethod?: string;
	minItems?: number;
	maxItems?: number;
	unique?: boolean;
	/** The message when an entry is listed twice (default: names the duplicate). */
	duplicateRule?: string;
	default?: string[];
	/** For filters of a collection: an added list that is empty (no entries) is an error, not "leave it out". */
	refuseBlank?: boolean;
	/** The message for refuseBlank (default: give it a value or remove the field). */
	blankRule?: string;
}

export function list<T, R extends boolean = false>(spec: ListSpec<T> & { required?: R }): Field<T[], R> {
	const prop: Omit<INodeProperties, 'name' | 'displayName'> = spec.loadOptionsMethod
		? { type: 'multiOptions', default: spec.default ?? [], typeOptions: { loadOptionsMethod: spec.loadOptionsMethod } }
		: spec.options
			? { type: 'multiOptions', default: spec.default ?? [], options: spec.options }
			: { type: 'string', default: '' };
	return field(
		spec,
		prop,
		{ kind: 'list', required: spec.required === true, item: spec.item.rules, refuseBlank: spec.refuseBlank },
		(raw) => {
			const entries = toList(raw);
			if (entries.problem !== undefined) return entries;
			const values: T[] = [];
			for (const entry of entries.value) {
				const value = spec.item.read(entry);
				if (value.problem !== undefined) return { problem: `has an invalid entry: it ${value.problem}` };
				if (value.value !== undefined) values.push(value.value);
			}
			if (spec.required && values.length === 0) return { problem: 'is required' };
			if (spec.refuseBlank && values.length === 0) {
				return { problem: spec.blankRule ?? 'is empty. Give it a value (check its expression) or remove the field' };
			}
			if (spec.minItems !== undefined && values.length < spec.minItems) {
				return { problem: `needs at least ${spec.minItems} entr${spec.minItems === 1 ? 'y' : 'ies'}` };
			}
			if (spec.maxItems !== undefined && values.length > spec.maxItems) {
				return { problem: `takes at most ${spec.maxItems} entries (got ${values.length})` };
			}
			if (spec.unique && new Set(values.map(String)).size < values.length) {
				return { problem: spec.duplicateRule ?? `lists an entry twice (${values.map(String).join(', ')})` };
			}
			return { value: values };
		},
		spec.blankRule,
	);
}

export interface DateSpec extends Common {
	refuseBlank?: boolean;
}

export function date<R extends boolean = false>(spec: DateSpec & { required?: R }): Field<string, R> {
	return field(
		spec,
		{ type: 'string', default: '' },
		{ kind: 'date', required: spec.required === true, refuseBlank: spec.refuseBlank },
		toDate,
	);
}

export interface LocatorSpec extends Common {
	searchListMethod: string;
	listPlaceholder: string;
	idPlaceholder: string;
}

/** A "From List / By ID" picker whose value becomes one path segment of a request. */
export function locator<R extends boolean = false>(spec: LocatorSpec & { required?: R }): Field<string, R> {
	return field(
		spec,
		{
			type: 'resourceLocator',
			default: { mode: 'list', value: '' },
			modes: [
				{
					displayName: 'From List',
					name: 'list',
					type: 'list',
					placeholder: spec.listPlaceholder,
					typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
				},
				{ displayName: 'By ID', name: 'id', type: 'string', placeholder: spec.idPlaceholder },
			],
		},
		{ kind: 'id', required: spec.required === true },
		toIdentifier,
	);
}

export interface IdentifierSpec extends Common {
	default?: string;
	refuseBlank?: boolean;
}

/** An ID typed or mapped in (no list to pick from); like a locator's value it becomes one path segment. */
export function identifier<R extends boolean = false>(spec: IdentifierSpec & { required?: R }): Field<string, R> {
	return field(
		spec,
		{ type: 'string', default: spec.default ?? '' },
		{ kind: 'id', required: spec.required === true, refuseBlank: spec.refuseBlank },
		toIdentifier,
	);
}

/** The value of a resource locator, whichever way n8n hands it over. */
export function locatorValue(raw: unknown): unknown {
	if (raw !== null && typeof raw === 'object' && !Array.isArray(raw) && 'value' in raw) {
		return (raw as { value: unknown }).value;
	}
	return raw;
}

export interface CollectionSpec<C extends Record<string, AnyField>> extends Common {
	placeholder: string;
	fields: C;
}

export interface CollectionField<C extends Record<string, AnyField>> extends Field<CollectionValues<C>, true> {
	readonly fields: C;
	/** Reads every added field, keeping one problem per field. */
	readAll(raw: unknown): { values: CollectionValues<C>; problems: string[] };
}

/**
 * An "Additional Fields" / "Options" collection. Each added field is read with its own rules; the
 * problems of several fields are reported together, each with its own name.
 */
export function collection<C extends Record<string, AnyField>>(spec: CollectionSpec<C>): CollectionField<C> {
	const children = Object.values(spec.fields);
	const readAll = (raw: unknown) => {
		const values: Record<string, unknown> = {};
		const problems: string[] = [];
		if (raw === undefined || raw === null) return { values: values as CollectionValues<C>, problems };
		if (typeof raw !== 'object' || Array.isArray(raw)) {
			return { values: values as CollectionValues<C>, problems: [`"${spec.displayName}" must be a set of fields (got ${shown(raw)})`] };
		}
		for (const [key, child] of Object.entries(spec.fields)) {
			const name = child.property.name;
			if (!(name in raw)) continue;
			const result = child.read((raw as IDataObject)[name]);
			if (result.problem !== undefined) problems.push(`"${child.property.displayName}" ${result.problem}`);
			else if (result.value !== undefined) values[key] = result.value;
		}
		return { values: values as CollectionValues<C>, problems };
	};
	return {
		property: property(spec, {
			type: 'collection',
			default: {},
			options: children.map((child) => child.property),
		}),
		fallback: {},
		rules: { kind: 'collection', required: false, children },
		fields: spec.fields,
		readAll,
		read(raw) {
			const { values, problems } = readAll(raw);
			return problems.length ? { problem: problems.join('; ') } : { value: values };
		},
	};
}

/** A notice in the panel: shown, never read. */
export function notice(name: string, displayName: string, displayOptions?: IDisplayOptions): Field<never, false> {
	return {
		property: { displayName, name, type: 'notice', default: '', ...(displayOptions ? { displayOptions } : {}) },
		fallback: '',
		rules: { kind: 'notice', required: false },
		read: () => ({ value: undefined }),
	};
}
