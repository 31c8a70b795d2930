import { media, text, url } from '../../../shared/validation';

/** The account profile rules of spec 004 (PUT /bundles/{id}/account), shared by Configure and its tests. */

export const USERNAME_MAX = 24;
export const VISIBLE_NAME_MAX = 30;
export const BIOGRAPHY_MAX = 80;

/** What a username may be, on the account to create and on a delivered account's edit request alike. */
export const USERNAME_RULES = {
	minLength: 1,
	maxLength: USERNAME_MAX,
	pattern: /^[a-zA-Z0-9_.]+$/,
	patternRule: 'may only contain letters a–z/A–Z, digits, "_" and "." (no "@", spaces or accents)',
};

export const username = text({
	name: 'username',
	displayName: 'Username',
	required: true,
	...USERNAME_RULES,
	placeholder: 'e.g. streetstyle.nyc',
	description: `The handle of the account to create, without "@": 1–${USERNAME_MAX} characters, only letters, digits, "_" and ".". Avoid reusing the same words across many accounts (mass-ban risk).`,
});

export const visibleName = text({
	name: 'visibleName',
	displayName: 'Visible Name',
	required: true,
	minLength: 1,
	maxLength: VISIBLE_NAME_MAX,
	placeholder: 'e.g. Street Style NYC',
	description: `The display name shown on the profile: 1–${VISIBLE_NAME_MAX} characters`,
});

export const biography = text({
	name: 'biography',
	displayName: 'Biography',
	required: true,
	maxLength: BIOGRAPHY_MAX,
	rows: 2,
	placeholder: 'e.g. Daily street fashion from New York City.',
	description: `The profile bio: 1–${BIOGRAPHY_MAX} characters (required by TokPortal)`,
});

export const profilePictureUrl = media({
	name: 'profilePictureUrl',
	displayName: 'Profile Picture URL',
	required: true,
	placeholder: 'e.g. https://cdn.example.com/profiles/streetstyle.jpg',
	description:
		'A public https:// link to the profile picture, or the storage_path of an image uploaded with Upload → Upload Image (purpose Profile Picture)',
});

export const linkInBio = url({
	name: 'linkInBio',
	displayName: 'Link in Bio',
	refuseBlank: true,
	placeholder: 'e.g. https://linktr.ee/streetstyle',
	description:
		'Instagram bundles only: the https:// link shown in the bio. When set, the node first reads the bundle (free) to check that it is an Instagram bundle.',
});

export const nicheWarmingInstructions = text({
	name: 'nicheWarmingInstructions',
	displayName: 'Niche Warming Instructions',
	rows: 3,
	placeholder: 'e.g. Engage with fashion and streetwear content in the NYC area.',
	description:
		'What the account manager should watch and engage with while warming the account. Only used when the bundle was ordered with niche warming.',
});
