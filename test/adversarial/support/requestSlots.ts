import type { INodeExecutionData } from 'n8n-workflow';

import type { RequestLogEntry } from '../../simulator';

/** Where a value ends up in a request: a path segment, a query parameter, a body property, a header. */
export type Location =
	| { index: number; where: 'path'; segment: number }
	| { index: number; where: 'query'; key: string }
	| { index: number; where: 'body'; keys: Array<string | number> }
	| { index: number; where: 'header'; key: string };

function segments(request: RequestLogEntry): string[] {
	return request.path.split('/').map((segment) => {
		try {
			return decodeURIComponent(segment);
		} catch {
			return segment;
		}
	});
}

function findInBody(node: unknown, marker: string, keys: Array<string | number> = []): Array<string | number> | undefined {
	if (typeof node === 'string') return node.includes(marker) ? keys : undefined;
	if (node !== null && typeof node === 'object') {
		for (const [key, child] of Object.entries(node)) {
			const found = findInBody(child, marker, [...keys, Array.isArray(node) ? Number(key) : key]);
			if (found) return found;
		}
	}
	return undefined;
}

export function locate(requests: RequestLogEntry[], marker: string): Location | undefined {
	for (const [index, request] of requests.entries()) {
		const segment = segments(request).findIndex((part) => part.includes(marker));
		if (segment >= 0) return { index, where: 'path', segment };
		const key = Object.keys(request.query).find((name) => String(request.query[name]).includes(marker));
		if (key) return { index, where: 'query', key };
		const keys = findInBody(request.body, marker);
		if (keys) return { index, where: 'body', keys };
		const header = Object.keys(request.headers).find((name) => request.headers[name].includes(marker));
		if (header) return { index, where: 'header', key: header };
	}
	return undefined;
}

function at(body: unknown, keys: Array<string | number>): unknown {
	return keys.reduce<unknown>((node, key) => (node === null || node === undefined ? undefined : (node as Record<string, unknown>)[key]), body);
}

function without(body: unknown, keys: Array<string | number>): unknown {
	if (keys.length === 0 || body === null || typeof body !== 'object') return undefined;
	const copy: Record<string, unknown> | unknown[] = Array.isArray(body) ? [...body] : { ...(body as Record<string, unknown>) };
	const [key, ...rest] = keys;
	if (rest.length === 0) delete (copy as Record<string, unknown>)[key];
	else (copy as Record<string, unknown>)[key] = without((copy as Record<string, unknown>)[key], rest);
	return copy;
}

/** The value found at the location, and the request with that slot blanked (to compare everything else). */
export function slot(request: RequestLogEntry, location: Location): { value: unknown; rest: unknown } {
	switch (location.where) {
		case 'path': {
			const parts = segments(request);
			return { value: parts[location.segment], rest: [request.method, parts.length, parts.filter((_, i) => i !== location.segment)] };
		}
		case 'query': {
			const { [location.key]: value, ...query } = request.query;
			return { value, rest: [request.method, request.path, query, request.body] };
		}
		case 'body':
			return { value: at(request.body, location.keys), rest: [request.method, request.path, request.query, without(request.body, location.keys)] };
		case 'header':
			return { value: request.headers[location.key], rest: [request.method, request.path, request.query, request.body] };
	}
}

/**
 * Where a value that never travels to TokPortal ends up: the output item of an operation that
 * downloads a file (the file's name, the binary field holding it).
 */
export interface OutputLocation {
	where: 'output';
	keys: Array<string | number>;
}

/** What an output item shows: each binary field's name and file name, then the JSON. */
function outputView(item: INodeExecutionData | undefined): unknown {
	return {
		binary: Object.entries(item?.binary ?? {}).map(([field, data]) => ({ field, fileName: data.fileName })),
		json: item?.json,
	};
}

export function locateInOutput(item: INodeExecutionData | undefined, marker: string): OutputLocation | undefined {
	const keys = findInBody(outputView(item), marker);
	return keys ? { where: 'output', keys } : undefined;
}

/** The value found in the output item, and every request sent (which such a value must not change). */
export function outputSlot(requests: RequestLogEntry[], item: INodeExecutionData | undefined, location: OutputLocation): { value: unknown; rest: unknown } {
	return {
		value: at(outputView(item), location.keys),
		rest: requests.map((request) => [request.method, request.path, request.query, request.body]),
	};
}
