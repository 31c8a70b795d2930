// Deterministic seed data (fixed PRNG seed, fixed timestamps): delivered accounts spread over platforms
// and countries, and bundles in every lifecycle state. Same options → same ids and values.
import { COUNTRIES, countryCode, ORDERABLE_PLATFORMS, READABLE_PLATFORMS } from './catalog';
import { ApiError } from './errors';
import { type BundleSpec, buildBundle, buildDeliveredAccount, NEVER_REMADE } from './factories';
import { quote } from './pricing';
import { Store } from './store';
import type { AccountListing, Bundle, DeliveredAccount, SimState, VideoSlot } from './types';
import { syncVideoPhase } from './videoLifecycle';
import { addDays } from './videoSchedule';

const PRNG_SEED = 0x70c0a1;
const ADJECTIVES = ['sunny', 'urban', 'daily', 'cozy', 'bold', 'fresh', 'lucky', 'wild', 'calm', 'neon', 'retro', 'happy'];
const NOUNS = ['creator', 'kitchen', 'style', 'travels', 'fitness', 'beauty', 'gaming', 'coffee', 'pets', 'garden'];
const BIOS = [
	'Lifestyle & trends | DM for collabs',
	'Daily inspiration, every single day.',
	'Recipes in 60 seconds.',
	'Street style from around the world.',
	null,
];

// One bundle per lifecycle state, in this order, cycling.
const KINDS = [
	'pending_setup',
	'configured',
	'published',
	'accepted',
	'account_in_review',
	'account_corrections_requested',
	'account_finalized',
	'completed',
	'cancelled_after_ban',
	'videos_only',
] as const;
type Kind = (typeof KINDS)[number];
const NEEDS_NEW_ACCOUNT: readonly Kind[] = [
	'account_in_review',
	'account_corrections_requested',
	'account_finalized',
	'completed',
	'cancelled_after_ban',
];

function mulberry32(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const at = (base: string, minutes: number) => new Date(Date.parse(base) + minutes * 60_000).toISOString();

export class Seeder {
	private readonly rand = mulberry32(PRNG_SEED);
	private readonly store: Store;
	private accountCount = 0;
	private bundleCount = 0;

	constructor(
		state: SimState,
		private readonly owner: string,
	) {
		this.store = new Store(state, () => this.uuid());
	}

	/** Every 5th account (index 4, 9, …) is post-cutoff: its first reveal answers 428. */
	accounts(count: number, opts: { platform?: string; country?: string } = {}): DeliveredAccount[] {
		if (opts.platform !== undefined && !READABLE_PLATFORMS.includes(opts.platform)) {
			throw new ApiError(400, 'SIM_BAD_REQUEST', `Unknown platform: ${opts.platform}.`);
		}
		const country = opts.country === undefined ? undefined : countryCode(opts.country);
		if (country === null) throw new ApiError(400, 'SIM_BAD_REQUEST', `Unknown country: ${opts.country}.`);
		return Array.from({ length: count }, () => {
			const i = this.accountCount++;
			const platform = opts.platform ?? READABLE_PLATFORMS[i % READABLE_PLATFORMS.length];
			const username = this.username(i);
			const createdAt =
				i % 5 === 4 ? at('2026-03-02T08:00:00.000Z', i * 37) : at('2025-09-01T08:00:00.000Z', i * 37);
			const account = buildDeliveredAccount(
				this.store,
				this.owner,
				{
					platform,
					country: country ?? COUNTRIES[i % COUNTRIES.length].iso,
					username,
					visible_name: this.visibleName(username),
					biography: this.pick(BIOS),
					profile_picture_url: i % 4 === 3 ? null : `https://cdn.tokportal.test/profile-pictures/${this.hex(8)}.jpg`,
					link_in_bio: platform === 'instagram' && i % 2 === 0 ? `https://linktr.ee/${username}` : null,
					password: this.hex(14),
					current_cm_id: `cm_${this.hex(6)}`,
					origin_bundle_id: null,
					remade: NEVER_REMADE,
				},
				createdAt,
			);
			this.store.state.accounts.push(account);
			return account;
		});
	}

	/**
	 * Bundles cycling through KINDS. States that imply a delivered account take an unused seeded
	 * TikTok/Instagram account; without one they fall back to `published` (videos_only to `pending_setup`).
	 */
	bundles(count: number, label: string): Bundle[] {
		return Array.from({ length: count }, () => {
			const i = this.bundleCount++;
			let kind: Kind = KINDS[i % KINDS.length];
			let account: DeliveredAccount | undefined;
			if (NEEDS_NEW_ACCOUNT.includes(kind)) {
				account = this.store.state.accounts.find(
					(a) => a.owner_id === this.owner && !a.origin_bundle_id && !a.banned && ORDERABLE_PLATFORMS.includes(a.platform),
				);
				if (!account) kind = 'published';
			} else if (kind === 'videos_only') {
				account = this.store.state.accounts.find(
					(a) => a.owner_id === this.owner && !a.banned && ORDERABLE_PLATFORMS.includes(a.platform),
				);
				if (!account) kind = 'pending_setup';
			}
			const bundle = this.bundle(i, kind, label, account);
			this.store.state.bundles.push(bundle);
			return bundle;
		});
	}

	private bundle(i: number, kind: Kind, label: string, account: DeliveredAccount | undefined): Bundle {
		const type = kind === 'videos_only' ? 'videos_only' : kind === 'configured' ? 'account_only' : 'account_and_videos';
		const videos = type === 'account_only' ? 0 : 2 + (i % 4);
		const spec: BundleSpec = {
			bundle_type: type,
			platform: account?.platform ?? ORDERABLE_PLATFORMS[i % 2],
			country: account?.country ?? COUNTRIES[(i * 3) % COUNTRIES.length].iso,
			title: `${label} ${i + 1}: ${kind.replace(/_/g, ' ')}`,
			external_ref: `${label.toLowerCase()}-${String(i + 1).padStart(4, '0')}`,
			existing_account_id: type === 'videos_only' ? (account?.id ?? null) : null,
			videos,
			edits: videos > 2 ? 1 : 0,
			auto_finalize_videos: i % 3 !== 0,
			wants_niche_warming: false,
			wants_deep_warming: false,
			wants_moderation: false,
			niche_warming_instructions: null,
		};
		const cost = quote({ newAccount: type !== 'videos_only', videos, edits: spec.edits, nicheWarming: false, deepWarming: false });
		const createdAt = at('2026-04-01T09:00:00.000Z', i * 41);
		const b = buildBundle(this.store, this.owner, spec, cost, createdAt);
		const step = (n: number) => at(createdAt, n * 60);
		if (b.account && kind !== 'pending_setup') this.configure(b.account, account, step(1));
		if (kind === 'pending_setup' || kind === 'configured') return b;
		// Publishing needs a configured video; it is submitted (published) with the bundle.
		const submitted = kind === 'completed' ? b.videos : b.videos.slice(0, 1);
		for (const v of submitted) this.configureVideo(b, v, step(1), createdAt);
		b.status = 'published';
		b.published_at = step(2);
		for (const v of submitted) Object.assign(v, { status: 'published', published_at: step(2) });
		if (kind === 'published') return b;
		b.status = 'accepted';
		b.accepted_at = step(3);
		if (kind === 'accepted' || kind === 'videos_only') return b;
		// From here the account manager created the delivered account.
		if (!b.account || !account) return b;
		account.origin_bundle_id = b.id;
		b.saved_account_id = account.id;
		b.account.status = 'in_review';
		if (kind === 'account_corrections_requested') {
			b.account.status = 'corrections_requested';
			b.account.feedback_history.push({
				type: 'corrections_requested',
				comment: 'Please make the biography mention the city.',
				fields: { biography: 'Mention the city in the biography.' },
				requested_at: step(5),
				requested_by: 'api',
			});
		}
		if (kind === 'cancelled_after_ban') {
			account.banned = true;
			account.banned_at = step(6);
			b.status = 'cancelled';
			b.cancelled_at = step(6);
			for (const v of submitted) v.status = 'cancelled';
		}
		if (kind === 'account_finalized' || kind === 'completed') {
			b.account.status = 'finalized';
			b.account.finalized_at = step(7);
			b.account.feedback_history.push({ type: 'finalized', finalized_at: step(7), finalized_by: 'api' });
			// Posted: finalized at once with auto_finalize_videos, else waiting for review.
			submitted.forEach((v, n) => {
				const finalized = kind === 'completed' || b.auto_finalize_videos;
				Object.assign(v, {
					status: finalized ? 'finalized' : 'in_review',
					posted_at: step(8 + n),
					finalized_at: finalized ? step(8 + n) : null,
					platform_url: `${account.profile_url.replace(/\/$/, '')}/video/7${this.digits(18)}`,
				});
			});
			syncVideoPhase(b);
		}
		if (kind === 'account_finalized') {
			// Shows a remade account in the data set.
			b.remade = { was_remade: true, remade_count: 1, old_username: `${account.username}x`.slice(0, 24), remade_at: step(9) };
			account.remade = { ...b.remade };
		}
		if (kind === 'completed') {
			b.status = 'completed';
			b.completed_at = step(20);
		}
		return b;
	}

	private configureVideo(b: Bundle, v: VideoSlot, when: string, createdAt: string): void {
		const day = addDays(createdAt.slice(0, 10), 3 + v.position);
		Object.assign(v, {
			status: 'configured',
			video_type: 'video',
			description: `${b.title ?? 'Demo'}: clip ${v.position} #fyp`,
			video_url: `https://cdn.tokportal.test/videos/${b.external_ref ?? b.id}-${v.position}.mp4`,
			instagram_content_type: b.platform === 'instagram' ? 'reel' : null,
			target_publish_start_date: day,
			target_publish_end_date: addDays(day, 1),
			configured_at: when,
		});
	}

	private configure(listing: AccountListing, account: DeliveredAccount | undefined, when: string): void {
		const username = account?.username ?? this.username(1000 + this.bundleCount);
		Object.assign(listing, {
			status: 'configured',
			username,
			visible_name: account?.visible_name ?? this.visibleName(username),
			biography: account?.biography ?? this.pick(BIOS),
			profile_picture_url:
				account?.profile_picture_url ?? `https://cdn.tokportal.test/profile-pictures/${this.hex(8)}.jpg`,
			link_in_bio: account?.link_in_bio ?? null,
			configured_at: when,
		});
	}

	private username(i: number): string {
		return `${this.pick(ADJECTIVES)}.${this.pick(NOUNS)}${i}`.slice(0, 24);
	}

	private visibleName(username: string): string {
		return username
			.replace(/\d+$/, '')
			.split('.')
			.map((w) => w.charAt(0).toUpperCase() + w.slice(1))
			.join(' ');
	}

	private pick<T>(list: readonly T[]): T {
		return list[Math.floor(this.rand() * list.length)];
	}

	private hex(length: number): string {
		return Array.from({ length }, () => Math.floor(this.rand() * 16).toString(16)).join('');
	}

	private digits(length: number): string {
		return Array.from({ length }, () => Math.floor(this.rand() * 10)).join('');
	}

	private uuid(): string {
		const h = this.hex(32).split('');
		h[12] = '4';
		h[16] = ['8', '9', 'a', 'b'][parseInt(h[16], 16) % 4];
		const s = h.join('');
		return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
	}
}
