import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_TOLERANCE_SECONDS } from './signature';

export const properties: INodeProperties[] = [
	{
		displayName: 'Event Names or IDs',
		name: 'events',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getEvents' },
		required: true,
		default: [],
		description:
			'The TokPortal events that start this workflow. Test events sent from TokPortal are always delivered. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Include Delivery Headers',
				name: 'includeHeaders',
				type: 'boolean',
				default: false,
				description:
					'Whether to add the HTTP headers of the delivery (TokPortal-Event-ID, TokPortal-Signature…) to the output under "headers"',
			},
			{
				displayName: 'Signature Tolerance (Seconds)',
				name: 'signatureTolerance',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_TOLERANCE_SECONDS,
				description:
					"How old (or how far in the future) a delivery's signature timestamp may be before it is rejected as a possible replay. Raise it only if this server's clock is off.",
			},
			{
				displayName: 'Subscription Description',
				name: 'description',
				type: 'string',
				default: '',
				placeholder: 'n8n: My workflow',
				description:
					"How the webhook is labelled in TokPortal's webhook list. Empty: \"n8n: \" followed by the workflow name.",
			},
		],
	},
];
