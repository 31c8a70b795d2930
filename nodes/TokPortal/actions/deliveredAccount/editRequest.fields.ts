import { collection, media, text, url } from '../../../shared/validation';
import { BIOGRAPHY_MAX, USERNAME_MAX, USERNAME_RULES, VISIBLE_NAME_MAX } from '../accountConfiguration/fields';

/** The profile a delivered account should get (POST /accounts/{id}/edit-request), in the rules of spec 004. */

export const requestedUsername = text({
	name: 'requestedUsername',
	displayName: 'New Username',
	required: true,
	...USERNAME_RULES,
	placeholder: 'e.g. streetstyle.nyc',
	description: `The handle the account should have, without "@": 1–${USERNAME_MAX} characters, only letters, digits, "_" and ".". Give the current one to keep it.`,
});

export const requestedVisibleName = text({
	name: 'requestedVisibleName',
	displayName: 'New Visible Name',
	required: true,
	minLength: 1,
	maxLength: VISIBLE_NAME_MAX,
	placeholder: 'e.g. Street Style NYC',
	description: `The display name the profile should show: 1–${VISIBLE_NAME_MAX} characters. Give the current one to keep it.`,
});

export const editAdditionalFields = collection({
	name: 'additionalFields',
	displayName: 'Additional Fields',
	placeholder: 'Add Field',
	fields: {
		requestedBiography: text({
			name: 'requestedBiography',
			displayName: 'New Biography',
			maxLength: BIOGRAPHY_MAX,
			rows: 2,
			refuseBlank: true,
			placeholder: 'e.g. Daily street fashion from New York City.',
			description: `The bio the profile should show (max ${BIOGRAPHY_MAX} characters)`,
		}),
		requestedLinkInBio: url({
			name: 'requestedLinkInBio',
			displayName: 'New Link in Bio',
			refuseBlank: true,
			placeholder: 'e.g. https://linktr.ee/streetstyle',
			description:
				'Instagram accounts only: the https:// link shown in the bio. When set, the node first reads the account (free) to check that it is an Instagram account.',
		}),
		requestedProfilePictureUrl: media({
			name: 'requestedProfilePictureUrl',
			displayName: 'New Profile Picture URL',
			refuseBlank: true,
			placeholder: 'e.g. https://cdn.example.com/profiles/streetstyle.jpg',
			description:
				'A public https:// link to the new profile picture, or the storage_path of an image uploaded with Upload → Upload Image (purpose Profile Picture)',
		}),
	},
});
