/** Every event in Churn Saver's Webhook Integration Guide, "Event Types", in the spec's order. */
export const CHURN_SAVER_EVENTS = {
	'case.created': 'A new recovery case was automatically created',
	'case.updated': 'A recovery case changed status or details',
	'case.recovered': 'A customer was successfully recovered',
	'case.lost': 'A recovery case was marked as permanently lost',
	'incentive.applied': 'An incentive was successfully applied to a customer',
	'incentive.expired': 'An incentive expired without being used',
	'customer.risk_changed': "A customer's risk assessment changed",
} as const;

export type ChurnSaverEventName = keyof typeof CHURN_SAVER_EVENTS;

export const CHURN_SAVER_EVENT_NAMES = Object.keys(CHURN_SAVER_EVENTS) as ChurnSaverEventName[];
