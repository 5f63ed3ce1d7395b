import type { SubscriptionApiDefinition } from '../provider';

/**
 * Rishi's webhook-management collection ("Webhook Management" in Rishi's
 * Webhook Integration Guide), the one subscriptions API a provider here
 * documents: GET lists `{ webhooks: [...] }`, POST creates, PUT and DELETE
 * act on `<path>/{id}`; there is no GET by id. Providers that publish no API are assumed to
 * work the same way, at a path the user can change in the credential.
 */
export const RISHI_WEBHOOKS_PATH = '/api/webhooks';

/** The credential field that holds an assumed API's collection path. */
export const SUBSCRIPTIONS_PATH_FIELD = 'subscriptionsPath';

export const RISHI_WEBHOOKS_API: SubscriptionApiDefinition = {
	path: { kind: 'fixed', path: RISHI_WEBHOOKS_PATH },
	listKey: 'webhooks',
	assumed: false,
};

/** Rishi's shape, assumed for a provider that documents no API: used only when the user opts in. */
export const ASSUMED_RISHI_STYLE_API: SubscriptionApiDefinition = {
	path: { kind: 'credential', field: SUBSCRIPTIONS_PATH_FIELD, fallback: RISHI_WEBHOOKS_PATH },
	listKey: 'webhooks',
	assumed: true,
};
