/** Every event in Rishi's Webhook Integration Guide, "Supported Events", in the spec's order. */
export const RISHI_EVENTS = {
	'booking.created': 'New booking created',
	'booking.updated': 'Booking details modified',
	'booking.cancelled': 'Booking cancelled',
	'booking.confirmed': 'Booking confirmed',
	'booking.started': 'Booking started',
	'booking.completed': 'Booking completed',
	'staff.assigned': 'Staff assigned to booking',
	'staff.unassigned': 'Staff removed from booking',
	'staff.checkin': 'Staff checked in',
	'staff.checkout': 'Staff checked out',
	'staff.availability_updated': 'Staff availability changed',
	'location.created': 'New location added',
	'location.updated': 'Location details modified',
	'location.archived': 'Location archived',
	'location.approved': 'Location approved',
	'location.rejected': 'Location rejected',
	'inventory.kit_created': 'New kit template created',
	'inventory.kit_updated': 'Kit template modified',
	'inventory.kit_assigned': 'Kit assigned to booking',
	'inventory.kit_returned': 'Kit returned from booking',
	'organization.created': 'New organization created',
	'organization.updated': 'Organization details modified',
	'organization.user_added': 'User added to organization',
	'organization.user_removed': 'User removed from organization',
} as const;

export type RishiEventName = keyof typeof RISHI_EVENTS;

export const RISHI_EVENT_NAMES = Object.keys(RISHI_EVENTS) as RishiEventName[];
