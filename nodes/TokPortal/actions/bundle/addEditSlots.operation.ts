import type { IDataObject } from 'n8n-workflow';

import { closedProblem, topUp } from './slotTopUp';

export const addEditSlots = topUp({
	value: 'addEditSlots',
	path: 'add-edit-slots',
	name: 'Add Edit Slots',
	action: 'Add edit slots to a bundle',
	what: 'edit slots',
	price: 3,
	problem: (bundle: IDataObject, quantity: number) => {
		const closed = closedProblem(bundle, 'edit slots');
		if (closed) return closed;
		const videos = Number(bundle.videos_quantity ?? 0);
		const edits = Number(bundle.edits_quantity ?? 0);
		return edits + quantity > videos
			? `A bundle cannot have more edit slots than video slots: it has ${videos} video slot(s) and ${edits} edit slot(s), so at most ${Math.max(0, videos - edits)} more can be added. Add video slots first.`
			: undefined;
	},
	description:
		'Buy edit slots for a bundle (3 credits each, charged immediately): each lets TokPortal’s editors work on one video (Editing Instructions). At most one per video slot.',
});
