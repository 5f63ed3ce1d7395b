import { z, type ZodTypeAny } from 'zod';

import { forEachEvent } from '../shared/catalogue';
import { ESAHAYAK_EVENT_NAMES, type ESahayakEventName } from './events';

/**
 * Payload shapes from eSahayak's Webhooks guide, "Payload Format": every
 * delivery is `{ id, type, created_at, data: { order, stamp_request } }`, and
 * the guide's handlers also read `data.error?.message` (stamp.failed),
 * `data.delivery` (order.delivered) and `data.cancellation?.reason`
 * (order.cancelled). Only the ids the handlers rely on are required; every
 * object passes unknown fields through, so additions by eSahayak are kept.
 */
const isoTimestamp = z.string().datetime({ offset: true });

export const orderSchema = z
	.object({
		id: z.string().min(1),
		status: z.string().optional(),
		created_at: isoTimestamp.optional(),
	})
	.passthrough();

export const stampRequestSchema = z
	.object({
		id: z.string().min(1),
		state: z.string().optional(),
		amount: z.number().nonnegative().optional(),
		article_code: z.string().optional(),
		provider: z.string().optional(),
	})
	.passthrough();

/** The guide shows only how these are read; their contents are left to eSahayak. */
export const errorSchema = z.object({ message: z.string().optional() }).passthrough();
export const deliverySchema = z.object({}).passthrough();
export const cancellationSchema = z.object({ reason: z.string().optional() }).passthrough();

const baseData = z.object({ order: orderSchema, stamp_request: stampRequestSchema }).passthrough();

function dataSchemaFor(event: ESahayakEventName): ZodTypeAny {
	switch (event) {
		case 'stamp.failed':
			return baseData.extend({ error: errorSchema.optional() }).passthrough();
		case 'order.delivered':
			return baseData.extend({ delivery: deliverySchema.optional() }).passthrough();
		case 'order.cancelled':
			return baseData.extend({ cancellation: cancellationSchema.optional() }).passthrough();
		default:
			return baseData;
	}
}

function envelope(event: ESahayakEventName, data: ZodTypeAny) {
	return z
		.object({
			id: z.string().min(1),
			type: z.literal(event),
			created_at: isoTimestamp,
			data,
		})
		.passthrough();
}

export const ESAHAYAK_SCHEMAS = forEachEvent(ESAHAYAK_EVENT_NAMES, (event) => envelope(event, dataSchemaFor(event)));
