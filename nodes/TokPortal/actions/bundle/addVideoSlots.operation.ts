import type { IDataObject } from 'n8n-workflow';

import { closedProblem, topUp } from './slotTopUp';

export const addVideoSlots = topUp({
	value: 'addVideoSlots',
	path: 'add-video-slots',
	name: 'Add Video Slots',
	action: 'Add video slots to a bundle',
	what: 'video slots',
	price: 2,
	problem: (bundle: IDataObject) =>
		closedProblem(bundle, 'video slots') ??
		(bundle.bundle_type === 'account_only'
			? 'Account Only bundles have no video slots: order a Videos Only bundle for the delivered account instead'
			: undefined),
	description:
		'Buy more video slots for a bundle (2 credits each, charged immediately). New slots start free (pending): configure them, then publish them (Publish All) if the bundle is already published.',
});
