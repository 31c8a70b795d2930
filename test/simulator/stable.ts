// Deterministic values derived from ids: the same account or video always shows the same numbers,
// so tests (and demo users) can assert totals across runs and endpoints.
import { createHash } from 'node:crypto';

function digest(seed: string): Buffer {
	return createHash('sha256').update(seed).digest();
}

/** An integer in [min, max], fixed for `seed`. */
export function stableInt(seed: string, min: number, max: number): number {
	return min + (digest(seed).readUIntBE(0, 6) % (max - min + 1));
}

/** A UUID v4-shaped id fixed for `seed` (ids of records derived from seeded data). */
export function stableUuid(seed: string): string {
	const h = digest(seed).toString('hex').slice(0, 32).split('');
	h[12] = '4';
	h[16] = ['8', '9', 'a', 'b'][parseInt(h[16], 16) % 4];
	const s = h.join('');
	return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** Lowercase hex of `length` characters fixed for `seed`. */
export function stableHex(seed: string, length: number): string {
	let out = '';
	for (let i = 0; out.length < length; i++) out += digest(`${seed}#${i}`).toString('hex');
	return out.slice(0, length);
}
