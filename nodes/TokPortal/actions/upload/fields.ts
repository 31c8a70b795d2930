import { options } from '../../../shared/validation';

export const purpose = options<'carousel' | 'profile_picture'>({
	name: 'purpose',
	displayName: 'Purpose',
	required: true,
	default: 'carousel',
	description: 'What the image is for: it is stored where TokPortal expects it',
	options: [
		{ name: 'Carousel', value: 'carousel', description: 'A photo of a carousel post (use storage_path in Carousel Images)' },
		{ name: 'Profile Picture', value: 'profile_picture', description: 'The account’s profile picture (use storage_path as Profile Picture URL)' },
	],
});
