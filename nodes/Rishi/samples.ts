import type { JsonObject } from '../shared/provider';
import type { RishiEventName } from './events';

/**
 * One delivery per event. booking.created and staff.assigned are the spec's
 * own examples; the others follow the spec's standard payload structure.
 */
const timestamp = '2025-01-16T10:30:01Z';
const location = { id: 'loc-789', name: 'Downtown Convention Center', address: '123 Main St, City, State' };
const jane = { id: 'user-456', name: 'Jane Smith' };
const staff = { id: 'staff-101', name: 'John Doe', email: 'john@example.com', role: 'brand_agent' };
const kit = { id: 'kit-301', name: 'Brand Ambassador Kit', items: [{ sku: 'TENT-10', quantity: 1 }] };
const organization = { id: 'org-456', name: 'Green Leaf Brands' };

function delivery(event: RishiEventName, data: JsonObject): JsonObject {
	return { event, data, timestamp, signature: 'sha256=abc123...' };
}

function bookingStatus(event: RishiEventName, status: string, extra: JsonObject = {}): JsonObject {
	return delivery(event, { id: 'booking-123', organizationId: 'org-456', status, updatedAt: timestamp, ...extra });
}

export const RISHI_SAMPLES: Record<RishiEventName, JsonObject> = {
	'booking.created': delivery('booking.created', {
		id: 'booking-123',
		organizationId: 'org-456',
		title: 'Product Launch Event',
		description: 'Cannabis product launch event',
		startTime: '2025-01-20T14:00:00Z',
		endTime: '2025-01-20T18:00:00Z',
		location,
		status: 'confirmed',
		requirements: { staffCount: 5, certifications: ['cannabis_handler', 'event_staff'] },
		createdBy: jane,
	}),
	'booking.updated': bookingStatus('booking.updated', 'confirmed', {
		title: 'Product Launch Event (Extended)',
		endTime: '2025-01-20T19:00:00Z',
	}),
	'booking.cancelled': bookingStatus('booking.cancelled', 'cancelled', { reason: 'Venue unavailable' }),
	'booking.confirmed': bookingStatus('booking.confirmed', 'confirmed'),
	'booking.started': bookingStatus('booking.started', 'in_progress'),
	'booking.completed': bookingStatus('booking.completed', 'completed'),
	'staff.assigned': delivery('staff.assigned', {
		bookingId: 'booking-123',
		staffId: 'staff-101',
		staff: { ...staff, certifications: ['cannabis_handler', 'event_staff'] },
		assignment: {
			position: 'Brand Representative',
			startTime: '2025-01-20T14:00:00Z',
			endTime: '2025-01-20T18:00:00Z',
			hourlyRate: 25.0,
		},
		assignedBy: jane,
	}),
	'staff.unassigned': delivery('staff.unassigned', { bookingId: 'booking-123', staffId: 'staff-101', staff }),
	'staff.checkin': delivery('staff.checkin', {
		bookingId: 'booking-123',
		staffId: 'staff-101',
		checkedInAt: '2025-01-20T13:55:00Z',
	}),
	'staff.checkout': delivery('staff.checkout', {
		bookingId: 'booking-123',
		staffId: 'staff-101',
		checkedOutAt: '2025-01-20T18:05:00Z',
	}),
	'staff.availability_updated': delivery('staff.availability_updated', {
		staffId: 'staff-101',
		availability: [{ date: '2025-01-22', startTime: '09:00', endTime: '17:00' }],
	}),
	'location.created': delivery('location.created', { ...location, organizationId: 'org-456', status: 'pending' }),
	'location.updated': delivery('location.updated', { ...location, organizationId: 'org-456', status: 'approved' }),
	'location.archived': delivery('location.archived', { id: 'loc-789', status: 'archived' }),
	'location.approved': delivery('location.approved', { id: 'loc-789', status: 'approved', approvedBy: jane }),
	'location.rejected': delivery('location.rejected', {
		id: 'loc-789',
		status: 'rejected',
		reason: 'Incomplete address',
	}),
	'inventory.kit_created': delivery('inventory.kit_created', { ...kit, organizationId: 'org-456' }),
	'inventory.kit_updated': delivery('inventory.kit_updated', { ...kit, organizationId: 'org-456' }),
	'inventory.kit_assigned': delivery('inventory.kit_assigned', { kitId: kit.id, bookingId: 'booking-123' }),
	'inventory.kit_returned': delivery('inventory.kit_returned', {
		kitId: kit.id,
		bookingId: 'booking-123',
		condition: 'good',
	}),
	'organization.created': delivery('organization.created', { ...organization, createdBy: jane }),
	'organization.updated': delivery('organization.updated', organization),
	'organization.user_added': delivery('organization.user_added', {
		organizationId: organization.id,
		user: { ...jane, role: 'manager' },
	}),
	'organization.user_removed': delivery('organization.user_removed', {
		organizationId: organization.id,
		userId: jane.id,
	}),
};
