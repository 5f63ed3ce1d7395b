/** Every event in eSahayak's Webhooks guide, "Event Types", in the spec's order. */
export const ESAHAYAK_EVENTS = {
	'stamp.uploaded': 'Stamp generated and uploaded, ready for download or delivery',
	'stamp.failed': 'Stamp generation failed (government portal issue or technical error)',
	'order.delivered': 'Physical stamp delivery completed, if delivery was requested',
	'order.cancelled': 'Order cancelled, refund initiated',
} as const;

export type ESahayakEventName = keyof typeof ESAHAYAK_EVENTS;

export const ESAHAYAK_EVENT_NAMES = Object.keys(ESAHAYAK_EVENTS) as ESahayakEventName[];
