import { z, type ZodTypeAny } from 'zod';

import { forEachEvent } from '../shared/catalogue';
import { CHURN_SAVER_EVENT_NAMES, type ChurnSaverEventName } from './events';

/**
 * Payload shapes from Churn Saver's Webhook Integration Guide. A field is required only when
 * every example the spec gives shows it; objects the spec elides as `{ ... }`
 * require only their id, and every object passes unknown fields through so
 * additions by Churn Saver are kept.
 */
const dateTime = z.string().datetime({ offset: true });

function envelope<T extends ZodTypeAny>(event: ChurnSaverEventName, data: T) {
	return z
		.object({
			event: z.literal(event),
			// The idempotency key ("evt_..."); the spec asks receivers to deduplicate on it.
			id: z.string().min(1),
			timestamp: dateTime,
			data,
		})
		.passthrough();
}

/** A customer as incentive.applied and customer.risk_changed show it: id and email. */
const customerRef = z.object({ id: z.string(), email: z.string() }).passthrough();

/** The fuller customer of case.created. */
const caseCustomer = customerRef
	.extend({
		name: z.string().optional(),
		lifetime_value: z.number().optional(),
		plan: z.string().optional(),
		signup_date: dateTime.optional(),
	})
	.passthrough();

/**
 * The case of case.created. The spec's full example has trigger_event,
 * recovery_strategy and customer; its own curl test payload omits all three,
 * so they are checked only when present.
 */
export const recoveryCase = z
	.object({
		id: z.string(),
		user_id: z.string(),
		status: z.string(),
		risk_level: z.string(),
		trigger_event: z
			.object({
				type: z.string(),
				timestamp: dateTime.optional(),
				amount: z.number().optional(),
				currency: z.string().optional(),
				reason: z.string().optional(),
			})
			.passthrough()
			.optional(),
		recovery_strategy: z
			.object({
				priority: z.number().optional(),
				channels: z.array(z.string()).optional(),
				estimated_value: z.number().optional(),
			})
			.passthrough()
			.optional(),
		customer: caseCustomer.optional(),
	})
	.passthrough();

/** The spec elides the case of the later case events as `{ ... }`: only its id is certain. */
export const caseRef = recoveryCase.partial().required({ id: true }).passthrough();

const incentive = z
	.object({
		id: z.string(),
		case_id: z.string(),
		type: z.string(),
		// Shaped by `type` (the spec shows a discount); its fields are checked when present.
		config: z
			.object({
				discount_type: z.string().optional(),
				value: z.number().optional(),
				duration: z.string().optional(),
				applicable_to: z.string().optional(),
			})
			.passthrough(),
		applied_at: dateTime,
		expires_at: dateTime,
		value_amount: z.number(),
		customer: customerRef,
	})
	.passthrough();

/** incentive.expired elides its incentive as `{ ... }`: only its id is certain. */
const incentiveRef = incentive.partial().required({ id: true }).passthrough();

const dataSchemas: Record<ChurnSaverEventName, ZodTypeAny> = {
	'case.created': z.object({ case: recoveryCase }).passthrough(),
	'case.updated': z
		.object({
			case: caseRef,
			changes: z
				.object({
					// "status or details change": a details-only update has no status change.
					status: z.object({ from: z.string(), to: z.string() }).passthrough().optional(),
					updated_by: z.string(),
					notes: z.string().optional(),
				})
				.passthrough(),
		})
		.passthrough(),
	'case.recovered': z
		.object({
			case: caseRef,
			recovery_details: z
				.object({
					recovered_at: dateTime,
					recovery_method: z.string(),
					// Present when the method involved an incentive ("incentive_redemption").
					incentive_used: z.string().nullable().optional(),
					time_to_recovery: z.number().nonnegative(),
					revenue_recovered: z.number(),
				})
				.passthrough(),
		})
		.passthrough(),
	'case.lost': z
		.object({
			case: caseRef,
			loss_details: z
				.object({
					lost_at: dateTime,
					reason: z.string(),
					final_attempt: dateTime,
					total_attempts: z.number().int().nonnegative(),
					incentive_cost: z.number(),
				})
				.passthrough(),
		})
		.passthrough(),
	'incentive.applied': z.object({ incentive }).passthrough(),
	'incentive.expired': z
		.object({
			incentive: incentiveRef,
			expiration_details: z
				.object({
					expired_at: dateTime,
					reason: z.string(),
					days_active: z.number().nonnegative(),
					cost_impact: z.number(),
				})
				.passthrough(),
		})
		.passthrough(),
	'customer.risk_changed': z
		.object({
			customer: customerRef,
			risk_change: z
				.object({
					from: z.string(),
					to: z.string(),
					trigger: z.string(),
					score: z.number(),
					factors: z.array(z.string()),
				})
				.passthrough(),
		})
		.passthrough(),
};

export const CHURN_SAVER_SCHEMAS = forEachEvent(CHURN_SAVER_EVENT_NAMES, (event) =>
	envelope(event, dataSchemas[event]),
);
