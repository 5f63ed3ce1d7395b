import { z, type ZodTypeAny } from 'zod';

import { forEachEvent } from '../shared/catalogue';
import { RISHI_EVENT_NAMES, type RishiEventName } from './events';

/**
 * Payload shapes from Rishi's Webhook Integration Guide. Only what the spec shows is
 * required; objects pass unknown fields through so additions by Rishi are kept.
 */
const reference = z.object({ id: z.string(), name: z.string() }).passthrough();

function envelope<T extends ZodTypeAny>(event: RishiEventName, data: T) {
	return z
		.object({
			event: z.literal(event),
			data,
			timestamp: z.string().datetime({ offset: true }),
			// Informational copy of the header; the header is what is verified.
			signature: z.string().optional(),
		})
		.passthrough();
}

const genericData = z.object({}).passthrough();

export const bookingCreatedData = z
	.object({
		id: z.string(),
		organizationId: z.string(),
		title: z.string().optional(),
		description: z.string().optional(),
		startTime: z.string().datetime({ offset: true }).optional(),
		endTime: z.string().datetime({ offset: true }).optional(),
		location: reference.extend({ address: z.string().optional() }).passthrough().optional(),
		status: z.string().optional(),
		requirements: z
			.object({ staffCount: z.number().int().nonnegative(), certifications: z.array(z.string()) })
			.partial()
			.passthrough()
			.optional(),
		createdBy: reference.optional(),
	})
	.passthrough();

export const staffAssignedData = z
	.object({
		bookingId: z.string(),
		staffId: z.string(),
		staff: reference
			.extend({
				email: z.string().optional(),
				role: z.string().optional(),
				certifications: z.array(z.string()).optional(),
			})
			.passthrough()
			.optional(),
		assignment: z
			.object({
				position: z.string(),
				startTime: z.string().datetime({ offset: true }),
				endTime: z.string().datetime({ offset: true }),
				hourlyRate: z.number(),
			})
			.partial()
			.passthrough()
			.optional(),
		assignedBy: reference.optional(),
	})
	.passthrough();

const bookingData = z.object({ id: z.string(), organizationId: z.string().optional() }).passthrough();

function dataSchemaFor(event: RishiEventName): ZodTypeAny {
	if (event === 'booking.created') return bookingCreatedData;
	if (event === 'staff.assigned') return staffAssignedData;
	if (event.startsWith('booking.')) return bookingData;
	return genericData;
}

export const RISHI_SCHEMAS = forEachEvent(RISHI_EVENT_NAMES, (event) => envelope(event, dataSchemaFor(event)));
