// PATCH /me (notes §12.1: "safe workspace settings", fields undocumented — simulator choice). Only
// these settings change; identity, credits and the key are read-only. GET /me shows them.
import { countryCode, ORDERABLE_PLATFORMS } from '../catalog';
import { ApiError, validationError } from '../errors';
import type { RouteContext, RouteDef, RouteResult } from '../router';
import type { UserSettings } from '../serviceTypes';
import { type Json, objectBody, optInt, optString } from '../validate';
import { me } from './reference';

const EDITABLE = [
	'display_name',
	'notification_email',
	'timezone',
	'default_country',
	'default_platform',
	'low_credit_alert_threshold',
];
const READ_ONLY = ['id', 'email', 'name', 'organization_name', 'credits', 'api_key', 'plan', 'workspace_id', 'settings'];

const DEFAULT_SETTINGS: UserSettings = {
	display_name: null,
	notification_email: null,
	timezone: 'UTC',
	default_country: null,
	default_platform: null,
	low_credit_alert_threshold: null,
};

export function settingsOf(ctx: RouteContext): UserSettings {
	return { ...(ctx.store.state.settings[ctx.user.id] ?? DEFAULT_SETTINGS) };
}

function validTimezone(tz: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: tz });
		return true;
	} catch {
		return false;
	}
}

function parse(o: Json): Partial<UserSettings> {
	const field = Object.keys(o).find((k) => !EDITABLE.includes(k));
	if (field) {
		const readOnly = READ_ONLY.includes(field);
		throw new ApiError(
			400,
			'UNKNOWN_FIELD',
			readOnly ? `${field} cannot be changed through the API.` : `Unknown field: ${field}. Editable: ${EDITABLE.join(', ')}.`,
			{ field, read_only: readOnly, allowed: EDITABLE },
		);
	}
	if (!EDITABLE.some((k) => o[k] !== undefined)) throw validationError('body', `Provide at least one of: ${EDITABLE.join(', ')}.`);
	const out: Partial<UserSettings> = {};
	const name = optString(o, 'display_name', 100, true);
	if (name !== undefined) {
		if (name !== null && name.trim() === '') throw validationError('display_name', 'display_name must not be empty (null clears it).');
		out.display_name = name;
	}
	const email = optString(o, 'notification_email', 254, true);
	if (email !== undefined) {
		if (email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw validationError('notification_email', 'notification_email must be an email address.');
		out.notification_email = email;
	}
	const tz = optString(o, 'timezone', 64);
	if (tz !== undefined && tz !== null) {
		if (!validTimezone(tz)) throw validationError('timezone', 'timezone must be an IANA time zone such as Europe/Paris.');
		out.timezone = tz;
	}
	const country = optString(o, 'default_country', 8, true);
	if (country !== undefined) {
		const code = country === null ? null : countryCode(country);
		if (country !== null && !code) throw validationError('default_country', `Unknown country: ${country}.`);
		out.default_country = code;
	}
	const platform = optString(o, 'default_platform', 20, true);
	if (platform !== undefined) {
		if (platform !== null && !ORDERABLE_PLATFORMS.includes(platform)) throw validationError('default_platform', 'default_platform must be tiktok or instagram.');
		out.default_platform = platform;
	}
	if (o.low_credit_alert_threshold === null) out.low_credit_alert_threshold = null;
	else {
		const threshold = optInt(o, 'low_credit_alert_threshold', 0, 1_000_000);
		if (threshold !== undefined) out.low_credit_alert_threshold = threshold;
	}
	return out;
}

function updateSettings(ctx: RouteContext): RouteResult {
	const changes = parse(objectBody(ctx.body));
	ctx.store.state.settings[ctx.user.id] = { ...settingsOf(ctx), ...changes };
	return me(ctx);
}

export const settingsRoutes: Array<RouteDef<RouteContext>> = [{ method: 'PATCH', path: '/me', handler: updateSettings }];
