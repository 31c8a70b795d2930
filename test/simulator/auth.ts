// API keys → simulated users. Each key is its own user (ownership checks); the credit wallet is
// shared by the organization (spec 002: "Credits are shared across the organization").
import { ApiError } from './errors';
import type { AnalyticsPlan } from './serviceTypes';

export interface SimUser {
	id: string;
	email: string;
	name: string;
	/** Safe to show: prefix and last 4 characters only. */
	keyHint: string;
	/** What analytics this key can read (GET /analytics/contract). */
	plan: AnalyticsPlan;
}

export class ApiKeys {
	private readonly users = new Map<string, SimUser>();

	/** Keys without an entry in `plans` get the full `marketer` plan. */
	constructor(keys: string[], plans: Record<string, AnalyticsPlan> = {}) {
		keys.forEach((key, i) => {
			this.users.set(key, {
				id: `user_${i + 1}`,
				email: i === 0 ? 'demo@tokportal.test' : `user${i + 1}@tokportal.test`,
				name: i === 0 ? 'Demo User' : `User ${i + 1}`,
				keyHint: `${key.slice(0, 3)}…${key.slice(-4)}`,
				plan: plans[key] ?? 'marketer',
			});
		});
	}

	/** The user seeded data belongs to. */
	primary(): SimUser {
		const first = this.users.values().next().value;
		if (!first) throw new Error('The simulator needs at least one API key.');
		return first;
	}

	resolve(header: string | string[] | undefined): SimUser {
		const key = Array.isArray(header) ? header[0] : header;
		if (!key) throw new ApiError(401, 'AUTH_MISSING_KEY', 'Missing API key. Send it in the X-API-Key header.');
		const user = this.users.get(key);
		if (!user) {
			throw new ApiError(401, 'AUTH_INVALID_KEY', 'Invalid API key.', {
				hint: 'Use the key printed by the simulator (see test/simulator/README.md).',
			});
		}
		return user;
	}
}
