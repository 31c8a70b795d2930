// Current price table (notes §12.2). Seed documents' credit_cost numbers are illustrative only.
import type { CostBreakdown } from './types';

export const PRICES = {
	account_creation: 32,
	video_slot: 2,
	edit_slot: 3,
	niche_warming: 7,
	deep_warming: 40,
	credential_reveal: 150,
	/** Video options (notes §9.2), each charged once per slot. */
	sound_volume: 1,
	story_repost: 1,
	instant_repost_as_story: 1,
} as const;

export interface CostInput {
	newAccount: boolean;
	videos: number;
	edits: number;
	nicheWarming: boolean;
	deepWarming: boolean;
}

/**
 * `{account_creation, video_slots, edit_slots, advanced_warming, total}` exactly as the documented
 * example (notes §1.6); advanced warming is not simulated, so it is 0. The legacy warming options
 * (spec 001) add `niche_warming` / `deep_warming` only when bought.
 */
export function quote(input: CostInput): CostBreakdown {
	const parts: Omit<CostBreakdown, 'total'> = {
		account_creation: input.newAccount ? PRICES.account_creation : 0,
		video_slots: input.videos * PRICES.video_slot,
		edit_slots: input.edits * PRICES.edit_slot,
		advanced_warming: 0,
		...(input.nicheWarming && { niche_warming: PRICES.niche_warming }),
		...(input.deepWarming && { deep_warming: PRICES.deep_warming }),
	};
	return { ...parts, total: Object.values(parts).reduce((a, b) => a + (b ?? 0), 0) };
}

export function sumBreakdowns(list: CostBreakdown[]): CostBreakdown {
	const sum: Record<string, number> = { account_creation: 0, video_slots: 0, edit_slots: 0, advanced_warming: 0 };
	for (const b of list) {
		for (const [key, n] of Object.entries(b)) if (key !== 'total') sum[key] = (sum[key] ?? 0) + (n ?? 0);
	}
	return { ...(sum as Omit<CostBreakdown, 'total'>), total: list.reduce((a, b) => a + b.total, 0) };
}
