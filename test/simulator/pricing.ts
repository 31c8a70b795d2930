// Current price table (notes §12.2). Seed documents' credit_cost numbers are illustrative only.
import type { CostBreakdown } from './types';

export const PRICES = {
	account_creation: 32,
	video_slot: 2,
	edit_slot: 3,
	niche_warming: 7,
	deep_warming: 40,
	credential_reveal: 150,
} as const;

export interface CostInput {
	newAccount: boolean;
	videos: number;
	edits: number;
	nicheWarming: boolean;
	deepWarming: boolean;
}

export function quote(input: CostInput): CostBreakdown {
	const parts = {
		account_creation: input.newAccount ? PRICES.account_creation : 0,
		video_slots: input.videos * PRICES.video_slot,
		edit_slots: input.edits * PRICES.edit_slot,
		niche_warming: input.nicheWarming ? PRICES.niche_warming : 0,
		deep_warming: input.deepWarming ? PRICES.deep_warming : 0,
	};
	return { ...parts, total: Object.values(parts).reduce((a, b) => a + b, 0) };
}

export function sumBreakdowns(list: CostBreakdown[]): CostBreakdown {
	const sum: CostBreakdown = {
		account_creation: 0,
		video_slots: 0,
		edit_slots: 0,
		niche_warming: 0,
		deep_warming: 0,
		total: 0,
	};
	for (const b of list) {
		for (const k of Object.keys(sum) as Array<keyof CostBreakdown>) sum[k] += b[k];
	}
	return sum;
}
