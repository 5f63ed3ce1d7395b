import type { JsonObject } from '../shared/provider';
import type { ChurnSaverEventName } from './events';

/**
 * One delivery per event, from Churn Saver's Webhook Integration Guide. case.created,
 * incentive.applied and customer.risk_changed are the spec's own examples,
 * unchanged; the others are the spec's examples with the objects it elides as
 * `{ ... }` filled in from those (the same case and incentive, later on).
 * Every example in the spec uses the event id `evt_01HXXXXXXXXXXXXXXXXX`.
 */
const id = 'evt_01HXXXXXXXXXXXXXXXXX';

const customer = {
	id: 'user_67890',
	email: 'customer@example.com',
	name: 'John Doe',
	lifetime_value: 1250.0,
	plan: 'Pro',
	signup_date: '2024-01-15T00:00:00Z',
};

const recoveryCase = {
	id: 'case_12345',
	user_id: 'user_67890',
	status: 'active',
	risk_level: 'high',
	trigger_event: {
		type: 'payment_failed',
		timestamp: '2025-10-25T10:25:00Z',
		amount: 29.99,
		currency: 'USD',
		reason: 'insufficient_funds',
	},
	recovery_strategy: {
		priority: 8,
		channels: ['email', 'sms'],
		estimated_value: 299.99,
	},
	customer,
};

const incentive = {
	id: 'inc_12345',
	case_id: 'case_12345',
	type: 'discount',
	config: {
		discount_type: 'percentage',
		value: 25,
		duration: 'one_time',
		applicable_to: 'next_billing',
	},
	applied_at: '2025-10-25T11:15:00Z',
	expires_at: '2025-11-24T11:15:00Z',
	value_amount: 7.5,
	customer: {
		id: 'user_67890',
		email: 'customer@example.com',
	},
};

function delivery(event: ChurnSaverEventName, timestamp: string, data: JsonObject): JsonObject {
	return { event, id, timestamp, data };
}

export const CHURN_SAVER_SAMPLES: Record<ChurnSaverEventName, JsonObject> = {
	'case.created': delivery('case.created', '2025-10-25T10:30:00Z', { case: recoveryCase }),
	'case.updated': delivery('case.updated', '2025-10-25T14:45:00Z', {
		case: { ...recoveryCase, status: 'recovered' },
		changes: {
			status: { from: 'active', to: 'recovered' },
			updated_by: 'system',
			notes: 'Customer responded positively to incentive',
		},
	}),
	'case.recovered': delivery('case.recovered', '2025-10-25T15:30:00Z', {
		case: { ...recoveryCase, status: 'recovered' },
		recovery_details: {
			recovered_at: '2025-10-25T15:30:00Z',
			recovery_method: 'incentive_redemption',
			incentive_used: 'inc_12345',
			time_to_recovery: 300,
			revenue_recovered: 29.99,
		},
	}),
	'case.lost': delivery('case.lost', '2025-10-25T20:00:00Z', {
		case: { ...recoveryCase, status: 'lost' },
		loss_details: {
			lost_at: '2025-10-25T20:00:00Z',
			reason: 'customer_unresponsive',
			final_attempt: '2025-10-24T18:00:00Z',
			total_attempts: 5,
			incentive_cost: 15.0,
		},
	}),
	'incentive.applied': delivery('incentive.applied', '2025-10-25T11:15:00Z', { incentive }),
	'incentive.expired': delivery('incentive.expired', '2025-11-24T11:16:00Z', {
		incentive,
		expiration_details: {
			expired_at: '2025-11-24T11:15:00Z',
			reason: 'unused',
			days_active: 30,
			cost_impact: 7.5,
		},
	}),
	'customer.risk_changed': delivery('customer.risk_changed', '2025-10-25T12:00:00Z', {
		customer: {
			id: 'user_67890',
			email: 'customer@example.com',
		},
		risk_change: {
			from: 'medium',
			to: 'high',
			trigger: 'payment_failed',
			score: 0.75,
			factors: ['recent_payment_failure', 'usage_decline', 'support_tickets_increased'],
		},
	}),
};
